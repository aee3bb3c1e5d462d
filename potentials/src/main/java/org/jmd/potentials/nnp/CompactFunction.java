package org.jmd.potentials.nnp;

/**
 * A bump with compact support [left, right]: the {@link CoreFunction} of |a − centre| / half-width,
 * symmetric about the centre. Radial polynomial symmetry functions use it over distances, angular
 * ones over the angle θ in radians. Callers check the support themselves (n2p2 does the same), so
 * the function is only evaluated inside it.
 */
final class CompactFunction {
    private final CoreFunction core;
    private final double centre;
    private final double inverseWidth;

    CompactFunction(CoreFunction core, double left, double right) {
        if (!(left < right)) throw new IllegalArgumentException("left boundary " + left + " must be below right " + right);
        this.core = core;
        this.centre = 0.5 * (left + right);
        this.inverseWidth = 2.0 / (right - left);
    }

    double value(double a) {
        return core.value(Math.abs((a - centre) * inverseWidth));
    }

    /** The value at a into value[k] and d value / d a into slope[k], sharing the core's argument. */
    void evaluate(double a, double[] value, double[] slope, int k) {
        double x = (a - centre) * inverseWidth, ax = Math.abs(x);
        value[k] = core.value(ax);
        slope[k] = Math.copySign(inverseWidth, x) * core.derivative(ax);
    }

    /** d value / d a. */
    double derivative(double a) {
        double x = (a - centre) * inverseWidth;
        return Math.copySign(inverseWidth, x) * core.derivative(Math.abs(x));
    }
}
