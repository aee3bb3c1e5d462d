package org.jmd.potentials.nnp;

/**
 * A symmetry function that sums a term over unordered pairs of neighbours {j, k} of the central
 * atom i: G = Σ_{j&lt;k} g(r_ij, r_ik, r_jk, cos θ_ijk). Which element pairs count is decided by
 * {@link #pairElements}; the kernel evaluates the shared geometry of a pair once for all functions
 * with the same element pair (an {@link AngularGroup}).
 */
abstract class AngularSymmetryFunction extends SymmetryFunction {
    /** Neighbour elements (e1 ≤ e2), or −1 for weighted types that take every pair. */
    final int e1, e2;

    AngularSymmetryFunction(int type, int centre, String subtype, int line, int e1, int e2, double... sortKey) {
        super(type, centre, subtype, line, sortKey);
        this.e1 = Math.min(e1, e2);
        this.e2 = Math.max(e1, e2);
    }

    /** Key of the element pair this function sums over; functions with equal keys share a pair loop. */
    final long pairElements() { return ((long) type << 32) | ((e1 + 1L) << 16) | (e2 + 1L); }

    /** True if the pair (ej, ek), in either order, is summed. */
    final boolean matches(int ej, int ek) {
        return e1 < 0 || (ej == e1 && ek == e2) || (ej == e2 && ek == e1);
    }

    /**
     * The term of one pair of neighbours.
     *
     * @param theta θ_ijk in radians (acos of cos; computed only when {@link #needsAngle()})
     * @param fij   the {@link #cutoffFunction()} at r_ij, dfij its slope, and the same at r_ik
     *              (cached per neighbour; 0 if none)
     * @param out   out[0] = g, out[1] = ∂g/∂r_ij, out[2] = ∂g/∂r_ik, out[3] = ∂g/∂r_jk, out[4] = ∂g/∂cos θ
     * @return false when the pair does not contribute (then out is untouched)
     */
    abstract boolean term(int ej, int ek, double rij, double rik, double rjk, double cos, double theta,
                         double fij, double dfij, double fik, double dfik, double[] out);

    /** Whether {@link #term} needs θ itself rather than only cos θ. */
    abstract boolean needsAngle();
}
