package org.jmd.potentials.nnp;

/**
 * The compact form of ∂G_s/∂δ_p that {@link DescriptorWorkspace#describeWithDerivatives} produces
 * and trainers cache: one row per neighbour p (in the order of the atom's environment), holding
 * only the functions a neighbour of p's element can change — K = {@link #rowLength} of them, the
 * functions {@link #rowFunctions} in increasing order — as three blocks of K for d = x, y, z:
 * <pre>
 *   ∂G_s/∂δ_p,d = rows[o_p + d·K + k]     s = rowFunctions(centre, element of p)[k]
 * </pre>
 * with o_p the sum of 3K over the neighbours before p. Multi-element sets store only a fraction of
 * the dense functions × 3·neighbours matrix, and nothing has to be zero-filled beyond the rows.
 *
 * <p>The two contractions training needs: {@link #contract} (forces: g_p = Σ_s c_s ∂G_s/∂δ_p)
 * and {@link #transpose} (the force term of the loss gradient: v_s = Σ_p ∂G_s/∂δ_p · w_p).
 * Immutable.
 */
public final class DerivativeLayout {
    private final int[][][] functions;   // [centre][neighbour element][k]
    private final int[] size;

    DerivativeLayout(ElementDescriptor[] descriptors) {
        functions = new int[descriptors.length][][];
        size = new int[descriptors.length];
        for (int c = 0; c < descriptors.length; c++) {
            functions[c] = descriptors[c].rowFunctions;
            size[c] = descriptors[c].size();
        }
    }

    /** K: the number of functions of a centre of element {@code centre} that a neighbour of element {@code neighbour} can change. */
    public int rowLength(int centre, int neighbour) { return functions[centre][neighbour].length; }

    /** The functions of a row, increasing. Direct access for kernels: do not modify. */
    public int[] rowFunctions(int centre, int neighbour) { return functions[centre][neighbour]; }

    /** Length of the rows of m neighbours whose elements are neighbourElement[from .. from+m). */
    public int rowsLength(int centre, int[] neighbourElement, int from, int m) {
        int total = 0;
        for (int q = 0; q < m; q++) total += 3 * functions[centre][neighbourElement[from + q]].length;
        return total;
    }

    /**
     * g_q = Σ_s c_s ∂G_s/∂δ_q into out[3q..3q+2] for the m neighbours whose rows start at
     * rows[offset] (elements at neighbourElement[from..]).
     */
    public void contract(int centre, double[] c, int[] neighbourElement, int from, int m, double[] rows, int offset, double[] out) {
        int[][] byElement = functions[centre];
        int o = offset;
        for (int q = 0; q < m; q++) {
            int[] f = byElement[neighbourElement[from + q]];
            int k = f.length;
            double gx = 0, gy = 0, gz = 0;
            for (int t = 0; t < k; t++) {
                double cs = c[f[t]];
                gx += cs * rows[o + t];
                gy += cs * rows[o + k + t];
                gz += cs * rows[o + 2 * k + t];
            }
            out[3 * q] = gx;
            out[3 * q + 1] = gy;
            out[3 * q + 2] = gz;
            o += 3 * k;
        }
    }

    /**
     * v_s = Σ_q ∂G_s/∂δ_q · w_q into v[0 .. size of the centre's descriptor) (overwritten), for
     * the m neighbours whose rows start at rows[offset] and vectors w_q at w[3q..3q+2].
     */
    public void transpose(int centre, double[] w, int[] neighbourElement, int from, int m, double[] rows, int offset, double[] v) {
        java.util.Arrays.fill(v, 0, size[centre], 0.0);
        int[][] byElement = functions[centre];
        int o = offset;
        for (int q = 0; q < m; q++) {
            int[] f = byElement[neighbourElement[from + q]];
            int k = f.length;
            double wx = w[3 * q], wy = w[3 * q + 1], wz = w[3 * q + 2];
            for (int t = 0; t < k; t++) v[f[t]] += rows[o + t] * wx + rows[o + k + t] * wy + rows[o + 2 * k + t] * wz;
            o += 3 * k;
        }
    }
}
