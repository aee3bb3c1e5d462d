package org.jmd.potentials.nnp;

/**
 * n2p2 type 2, G = Σ_j exp(−η (r_ij − r_s)²) f_c(r_ij) over neighbours of one element, and type 12,
 * the same summed over all neighbours with each term weighted by the neighbour's atomic number.
 */
final class GaussianRadial extends RadialSymmetryFunction {
    private final int neighbour;          // element index, or −1 for the weighted type
    private final double eta, rs;
    private final CutoffFunction fc;
    private final double[] weights;       // atomic number per element index, for type 12

    /** Type 2. */
    static GaussianRadial plain(int centre, int neighbour, double eta, double rs, CutoffFunction fc, int line) {
        return new GaussianRadial(2, centre, neighbour, eta, rs, fc, null, line,
                fc.radius(), eta, rs, neighbour);
    }

    /** Type 12. */
    static GaussianRadial weighted(int centre, double eta, double rs, CutoffFunction fc, double[] atomicNumbers, int line) {
        return new GaussianRadial(12, centre, -1, eta, rs, fc, atomicNumbers, line, fc.radius(), eta, rs);
    }

    private GaussianRadial(int type, int centre, int neighbour, double eta, double rs, CutoffFunction fc,
                           double[] weights, int line, double... sortKey) {
        super(type, centre, "", line, sortKey);
        this.neighbour = neighbour;
        this.eta = eta;
        this.rs = rs;
        this.fc = fc;
        this.weights = weights;
    }

    @Override int neighbour() { return neighbour; }

    double eta() { return eta; }

    double rs() { return rs; }

    /** Type 2 (unweighted). */
    boolean isPlain() { return weights == null; }

    @Override double cutoff() { return fc.radius(); }

    @Override CutoffFunction cutoffFunction() { return fc; }

    @Override boolean term(int element, double r, double f, double df, double[] out) {
        if (neighbour >= 0 && element != neighbour) return false;
        if (r >= fc.radius()) return false;
        double w = weights == null ? 1.0 : weights[element];
        double dr = r - rs;
        double gauss = eta == 0.0 ? w : w * Math.exp(-eta * dr * dr);   // η = 0: a coordination count, exp(0) = 1 exactly
        out[0] = gauss * f;
        out[1] = gauss * (df - 2.0 * eta * dr * f);
        return true;
    }
}
