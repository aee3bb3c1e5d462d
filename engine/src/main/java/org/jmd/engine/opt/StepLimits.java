package org.jmd.engine.opt;

/**
 * How far a {@link LineSearch} reaches along a direction d: the step length α it tries first and
 * the longest it may take. The caller knows the scale of its coordinates (how far an atom may
 * move, how much a weight may change); the optimizer does not.
 */
public interface StepLimits {
    /**
     * The first trial step length along d.
     *
     * @param steepest whether d is the steepest-descent direction −g (no curvature known yet);
     *                 otherwise d is a quasi-Newton step, whose natural length is 1
     */
    double first(double[] d, boolean steepest);

    /** The longest step length allowed along d, at least {@code first}. */
    double longest(double[] d, boolean steepest, double first);

    /**
     * For coordinates without a natural scale (the weights of a network): a quasi-Newton step
     * starts at its natural length 1; the first steepest-descent step changes no coordinate by
     * more than {@code firstChange}; a step may grow a million-fold while bracketing.
     */
    static StepLimits unscaled(double firstChange) {
        return new StepLimits() {
            @Override public double first(double[] d, boolean steepest) { return steepest ? firstChange / largestComponent(d) : 1; }

            @Override public double longest(double[] d, boolean steepest, double first) { return 1e6 * first; }
        };
    }

    /** Largest |d_k|. */
    static double largestComponent(double[] d) {
        double m = 0;
        for (double v : d) m = Math.max(m, Math.abs(v));
        return m;
    }
}
