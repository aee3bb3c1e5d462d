package org.jmd.potentials.nnp;

/**
 * n2p2's cutoff functions f_c(r), types 0–8 of the {@code cutoff_type} keyword. Types with an
 * inner cutoff r_ci = α r_c are 1 below it and go smoothly to 0 between r_ci and r_c through
 * x = (r − r_ci)/(r_c − r_ci); the tanh types (2, 3) ignore α, as n2p2 does.
 *
 * <pre>
 * 0 hard   f = 1
 * 1 cos    f = ½[cos(πx) + 1]
 * 2 tanhu  f = tanh³(1 − r/r_c)
 * 3 tanh   f = c·tanh³(1 − r/r_c) with c so that f(0) = 1
 * 4 exp    f = exp(1 − 1/(1 − x²))
 * 5–8      the polynomials of {@link CoreFunction} POLY1..POLY4
 * </pre>
 */
final class CutoffFunction {
    /** Normalises tanh³(1 − r/r_c) to 1 at r = 0: 1/tanh³(1). */
    private static final double TANH_NORMALISATION = Math.pow((Math.E + 1 / Math.E) / (Math.E - 1 / Math.E), 3);

    private final int type;
    private final double rc;
    private final double inner;
    private final double inverseWidth;
    private final double inverseRc;
    private final CoreFunction core;

    /**
     * @param type  n2p2 cutoff type 0–8
     * @param alpha inner cutoff as a fraction of rc, 0 ≤ α &lt; 1
     * @param rc    cutoff radius
     */
    CutoffFunction(int type, double alpha, double rc) {
        if (type < 0 || type > 8) throw new IllegalArgumentException("cutoff type must be 0 to 8, got " + type);
        if (!(alpha >= 0 && alpha < 1)) throw new IllegalArgumentException("cutoff alpha must satisfy 0 <= alpha < 1, got " + alpha);
        this.type = type;
        this.rc = rc;
        this.inner = alpha * rc;
        this.inverseWidth = 1.0 / (rc - inner);
        this.inverseRc = 1.0 / rc;
        switch (type) {
            case 4: core = new CoreFunction(CoreFunction.Kind.EXP, false); break;
            case 5: core = new CoreFunction(CoreFunction.Kind.POLY1, false); break;
            case 6: core = new CoreFunction(CoreFunction.Kind.POLY2, false); break;
            case 7: core = new CoreFunction(CoreFunction.Kind.POLY3, false); break;
            case 8: core = new CoreFunction(CoreFunction.Kind.POLY4, false); break;
            default: core = null;
        }
    }

    double radius() { return rc; }

    double value(double r) {
        if (r >= rc) return 0.0;
        switch (type) {
            case 0: return 1.0;
            case 2: { double t = tanh(1.0 - r * inverseRc); return t * t * t; }
            case 3: { double t = tanh(1.0 - r * inverseRc); return TANH_NORMALISATION * t * t * t; }
            default:
                if (r < inner) return 1.0;
                double x = (r - inner) * inverseWidth;
                return type == 1 ? 0.5 * (Math.cos(Math.PI * x) + 1.0) : core.value(x);
        }
    }

    /** f(r) into out[k] and f'(r) into out[k + 1], with one transcendental call where possible. */
    void evaluate(double r, double[] out, int k) {
        if (r >= rc) { out[k] = 0.0; out[k + 1] = 0.0; return; }
        if (type == 2 || type == 3) {
            double t = tanh(1.0 - r * inverseRc), t2 = t * t;
            double c = type == 3 ? TANH_NORMALISATION : 1.0;
            out[k] = c * t * t2;
            out[k + 1] = 3.0 * c * t2 * (t2 - 1.0) * inverseRc;
            return;
        }
        out[k] = value(r);
        out[k + 1] = derivative(r);
    }

    double derivative(double r) {
        if (r >= rc) return 0.0;
        switch (type) {
            case 0: return 0.0;
            case 2: { double t = tanh(1.0 - r * inverseRc); t *= t; return 3.0 * t * (t - 1.0) * inverseRc; }
            case 3: { double t = tanh(1.0 - r * inverseRc); t *= t; return 3.0 * TANH_NORMALISATION * t * (t - 1.0) * inverseRc; }
            default:
                if (r < inner) return 0.0;
                double x = (r - inner) * inverseWidth;
                return type == 1 ? -0.5 * Math.PI * inverseWidth * Math.sin(Math.PI * x) : inverseWidth * core.derivative(x);
        }
    }

    /**
     * tanh x for 0 ≤ x ≤ 1 (the argument 1 − r/r_c of the tanh types) from one exponential:
     * Math.tanh is not an intrinsic and costs several times Math.exp, and narrow angular
     * functions take f_c(r_jk) for every pair. Where x → 0 (r → r_c) the relative error grows
     * like 1e-16/x, but f_c ∝ x³ there, so the absolute error stays far below round-off of G.
     */
    private static double tanh(double x) {
        double e = Math.exp(-2.0 * x);
        return (1.0 - e) / (1.0 + e);
    }
}
