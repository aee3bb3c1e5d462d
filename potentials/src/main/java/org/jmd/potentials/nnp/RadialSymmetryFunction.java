package org.jmd.potentials.nnp;

/** A symmetry function that sums a term over single neighbours: G = Σ_j g(r_ij). */
abstract class RadialSymmetryFunction extends SymmetryFunction {
    RadialSymmetryFunction(int type, int centre, String subtype, int line, double... sortKey) {
        super(type, centre, subtype, line, sortKey);
    }

    /** Element index of the neighbours summed over, or −1 for the weighted types that take every neighbour. */
    abstract int neighbour();

    /**
     * The term of one neighbour of the given element at distance r.
     *
     * @param fc  the {@link #cutoffFunction()} at r and dfc its slope (cached per neighbour; 0 if none)
     * @param out out[0] = g, out[1] = dg/dr
     * @return false when the neighbour does not contribute (then out is untouched)
     */
    abstract boolean term(int element, double r, double fc, double dfc, double[] out);
}
