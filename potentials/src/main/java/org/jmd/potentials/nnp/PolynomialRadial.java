package org.jmd.potentials.nnp;

/**
 * n2p2 type 20, G = Σ_j C(r_ij) over neighbours of one element with r_l &lt; r_ij &lt; r_c, where
 * C is a {@link CompactFunction} on [r_l, r_c] (Bircher et al. 2021 polynomial symmetry functions);
 * and type 23, the same over all neighbours weighted by atomic number.
 */
final class PolynomialRadial extends RadialSymmetryFunction {
    private final int neighbour;
    private final double rl, rc;
    private final CompactFunction radial;
    private final double[] weights;

    static PolynomialRadial plain(int centre, int neighbour, double rl, double rc, String subtype, CoreFunction core, int line) {
        return new PolynomialRadial(20, centre, neighbour, rl, rc, subtype, core, null, line, neighbour, rc, rl);
    }

    static PolynomialRadial weighted(int centre, double rl, double rc, String subtype, CoreFunction core, double[] atomicNumbers, int line) {
        return new PolynomialRadial(23, centre, -1, rl, rc, subtype, core, atomicNumbers, line, rc, rl);
    }

    private PolynomialRadial(int type, int centre, int neighbour, double rl, double rc, String subtype, CoreFunction core,
                             double[] weights, int line, double... sortKey) {
        super(type, centre, subtype, line, sortKey);
        this.neighbour = neighbour;
        this.rl = rl;
        this.rc = rc;
        this.radial = new CompactFunction(core, rl, rc);
        this.weights = weights;
    }

    @Override int neighbour() { return neighbour; }

    @Override double cutoff() { return rc; }

    @Override boolean term(int element, double r, double fc, double dfc, double[] out) {
        if (neighbour >= 0 && element != neighbour) return false;
        if (!(r > rl && r < rc)) return false;
        double w = weights == null ? 1.0 : weights[element];
        out[0] = w * radial.value(r);
        out[1] = w * radial.derivative(r);
        return true;
    }
}
