package org.jmd.potentials.nnp;

/**
 * The smooth step f(x) on [0, 1] (f(0) = 1, f(1) = 0) that n2p2 uses both inside its cutoff
 * functions (types 4–8) and as the building block of the polynomial symmetry functions (types
 * 20–25): polynomials of increasing smoothness, or the bump exp(1 − 1/(1 − x²)).
 *
 * <p>The "asymmetric" variant (n2p2 subtype suffix {@code a}, e.g. {@code p2a}) evaluates the
 * core at (2 − x)x instead of x, which flattens the function near x = 0.
 */
final class CoreFunction {
    enum Kind { POLY1, POLY2, POLY3, POLY4, EXP }

    private final Kind kind;
    private final boolean asymmetric;

    CoreFunction(Kind kind, boolean asymmetric) {
        this.kind = kind;
        this.asymmetric = asymmetric;
    }

    Kind kind() { return kind; }

    boolean asymmetric() { return asymmetric; }

    /** f(x); x in [0, 1]. */
    double value(double x) {
        if (asymmetric) x = (2.0 - x) * x;
        return raw(x);
    }

    /** df/dx; x in [0, 1]. */
    double derivative(double x) {
        if (asymmetric) return (2.0 - 2.0 * x) * rawDerivative((2.0 - x) * x);
        return rawDerivative(x);
    }

    private double raw(double x) {
        switch (kind) {
            case POLY1: return (2.0 * x - 3.0) * x * x + 1.0;
            case POLY2: return ((15.0 - 6.0 * x) * x - 10.0) * x * x * x + 1.0;
            case POLY3: {
                double x2 = x * x;
                return (x * (x * (20.0 * x - 70.0) + 84.0) - 35.0) * x2 * x2 + 1.0;
            }
            case POLY4: {
                double x2 = x * x;
                return (x * (x * ((315.0 - 70.0 * x) * x - 540.0) + 420.0) - 126.0) * x2 * x2 * x + 1.0;
            }
            default:
                // the bump is exactly 0 from x = 1 on; 1/(x² − 1) would give +∞ there
                return x >= 1.0 ? 0.0 : Math.E * Math.exp(1.0 / (x * x - 1.0));
        }
    }

    private double rawDerivative(double x) {
        switch (kind) {
            case POLY1: return x * (6.0 * x - 6.0);
            case POLY2: return x * x * ((60.0 - 30.0 * x) * x - 30.0);
            case POLY3: return x * x * x * (x * (x * (140.0 * x - 420.0) + 420.0) - 140.0);
            case POLY4: {
                double x2 = x * x;
                return x2 * x2 * (x * (x * ((2520.0 - 630.0 * x) * x - 3780.0) + 2520.0) - 630.0);
            }
            default: {
                if (x >= 1.0) return 0.0;
                double t = 1.0 / (x * x - 1.0);
                return -2.0 * Math.E * x * t * t * Math.exp(t);
            }
        }
    }
}
