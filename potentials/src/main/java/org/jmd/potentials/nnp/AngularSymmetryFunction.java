package org.jmd.potentials.nnp;

/**
 * A symmetry function that sums a term over unordered pairs of neighbours {j, k} of the central
 * atom i: G = Σ_{j&lt;k} g(r_ij, r_ik, r_jk, cos θ_ijk). Which element pairs count is decided by
 * {@link #matches}; the kernel evaluates the shared geometry and factors of a pair once for all
 * functions of an {@link AngularGroup}. {@link #term} is the definition of one function's term,
 * kept as the reference the grouped kernel is tested against.
 */
abstract class AngularSymmetryFunction extends SymmetryFunction {
    /** Neighbour elements (e1 ≤ e2), or −1 for weighted types that take every pair. */
    final int e1, e2;

    AngularSymmetryFunction(int type, int centre, String subtype, int line, int e1, int e2, double... sortKey) {
        super(type, centre, subtype, line, sortKey);
        this.e1 = Math.min(e1, e2);
        this.e2 = Math.max(e1, e2);
    }

    /** Functions with equal keys sum over the same pairs and form one {@link AngularGroup}. */
    abstract Object groupKey();

    /** Whether the term includes the r_jk factors (types 3, 13, 21, 24). */
    abstract boolean isNarrow();

    /** Atomic number per element index for the weighted types (13, 24, 25), else null. */
    abstract double[] weights();

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
