package org.jmd.potentials.nnp;

/**
 * n2p2's Gaussian angular functions:
 * <pre>
 * G = 2^(1−ζ) Σ_{j&lt;k} (1 + λ cos θ_ijk)^ζ exp(−η[(r_ij−r_s)² + (r_ik−r_s)² (+ (r_jk−r_s)²)])
 *     f_c(r_ij) f_c(r_ik) (f_c(r_jk))
 * </pre>
 * Type 3 (narrow) includes the r_jk factors, type 9 (wide) does not; type 13 is type 3 over all
 * pairs with each term weighted by Z_j Z_k. Terms with 1 + λ cos θ ≤ 0 are zero, as in n2p2.
 */
final class GaussianAngular extends AngularSymmetryFunction {
    private final boolean narrow;
    final double eta, rs, lambda, zeta;
    private final double norm;
    final CutoffFunction fc;
    private final double[] weights;
    private final int zetaInt;          // ζ − 1 as a whole number when ζ is one, else −1

    /** Types 3 and 9. */
    static GaussianAngular plain(int type, int centre, int e1, int e2, double eta, double lambda, double zeta, double rs,
                                 CutoffFunction fc, int line) {
        int lo = Math.min(e1, e2), hi = Math.max(e1, e2);
        return new GaussianAngular(type, centre, lo, hi, eta, lambda, zeta, rs, fc, null, line,
                fc.radius(), eta, rs, zeta, lambda, lo, hi);
    }

    /** Type 13. */
    static GaussianAngular weighted(int centre, double eta, double rs, double lambda, double zeta, CutoffFunction fc,
                                    double[] atomicNumbers, int line) {
        return new GaussianAngular(13, centre, -1, -1, eta, lambda, zeta, rs, fc, atomicNumbers, line,
                fc.radius(), eta, rs, zeta, lambda);
    }

    private GaussianAngular(int type, int centre, int e1, int e2, double eta, double lambda, double zeta, double rs,
                            CutoffFunction fc, double[] weights, int line, double... sortKey) {
        super(type, centre, "", line, e1, e2, sortKey);
        this.narrow = type != 9;
        this.eta = eta;
        this.rs = rs;
        this.lambda = lambda;
        this.zeta = zeta;
        this.norm = Math.pow(2.0, 1.0 - zeta);
        this.fc = fc;
        this.weights = weights;
        this.zetaInt = zeta == Math.rint(zeta) && zeta < 64 ? (int) zeta - 1 : -1;
    }

    @Override double cutoff() { return fc.radius(); }

    @Override CutoffFunction cutoffFunction() { return fc; }

    @Override boolean needsAngle() { return false; }

    @Override boolean isNarrow() { return narrow; }

    @Override double[] weights() { return weights; }

    /** Gaussian functions share a pair loop, and f_c of every distance, if type, elements and cutoff agree. */
    @Override Object groupKey() { return java.util.List.of(type, e1, e2, fc.radius()); }

    @Override boolean term(int ej, int ek, double rij, double rik, double rjk, double cos, double theta,
                         double fij, double dfij, double fik, double dfik, double[] out) {
        double rc = fc.radius();
        if (rij >= rc || rik >= rc || (narrow && rjk >= rc)) return false;
        double plambda = 1.0 + lambda * cos;
        if (plambda <= 0.0) return false;
        double w = weights == null ? 1.0 : weights[ej] * weights[ek];
        double dij = rij - rs, dik = rik - rs, djk = rjk - rs;
        double exponent = dij * dij + dik * dik;
        if (narrow) exponent += djk * djk;
        // base·plambda is the angular-radial product without cutoffs; base alone feeds ∂/∂cos
        double base = w * norm * power(plambda) * Math.exp(-eta * exponent);
        double fjk = 1.0, dfjk = 0.0;
        if (narrow) {
            fjk = fc.value(rjk);
            dfjk = fc.derivative(rjk);
        }
        double cut = fij * fik * fjk;
        double radial = base * plambda;
        out[0] = radial * cut;
        out[1] = radial * (dfij * fik * fjk - 2.0 * eta * dij * cut);
        out[2] = radial * (fij * dfik * fjk - 2.0 * eta * dik * cut);
        out[3] = narrow ? radial * (fij * fik * dfjk - 2.0 * eta * djk * cut) : 0.0;
        out[4] = base * zeta * lambda * cut;
        return true;
    }

    /** (1 + λ cos θ)^(ζ−1), by multiplication for whole ζ as n2p2 does (Math.pow is slow). */
    private double power(double x) {
        if (zetaInt < 0) return Math.pow(x, zeta - 1.0);
        double p = 1.0;
        for (int k = 0; k < zetaInt; k++) p *= x;
        return p;
    }
}
