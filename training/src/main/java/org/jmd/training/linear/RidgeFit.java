package org.jmd.training.linear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.jmd.engine.InputException;

/**
 * Weighted ridge regression on the accumulated normal equations:
 * <pre>
 *   minimise  w_E/n_E Σ_structures (ΔE/N)² + w_F/n_F Σ_components ΔF² + λ |θ_std|²
 * </pre>
 * where θ_std are the parameters on standardised symmetry functions x = (G − mean)/σ (and the
 * per-element biases), so one λ treats every function alike whatever its raw magnitude. The
 * rows were accumulated on raw G; the standardisation is the linear map θ_raw = T θ_std applied
 * to the normal equations (Tᵀ A T), solved by Cholesky. Functions that do not vary over the
 * training atoms (σ = 0, e.g. an angular term no triple reaches) cannot be fitted or scaled:
 * they are dropped.
 */
final class RidgeFit {
    /** A function counts as constant below this σ relative to 1 + |mean|. */
    private static final double CONSTANT = 1e-10;

    final double[] theta;       // raw parameters in the assembler's layout (0 for dropped functions)
    final boolean[][] kept;     // per element, per function

    private RidgeFit(double[] theta, boolean[][] kept) {
        this.theta = theta;
        this.kept = kept;
    }

    static RidgeFit solve(NormalEquations energy, NormalEquations force, double energyWeight, double forceWeight, double ridge,
                          DescriptorStatistics stats, int[] offset, int[] sizes) {
        int p = energy.columns;
        double ce = energy.rows == 0 ? 0 : energyWeight / energy.rows;
        double cf = force.rows == 0 ? 0 : forceWeight / force.rows;
        if (ce == 0 && cf == 0) throw new InputException("linear: nothing to fit (no energy rows with weight > 0 and no force rows with weight > 0)");

        // reduced, standardised columns: the bias of each element and its varying functions
        boolean[][] kept = new boolean[sizes.length][];
        List<int[]> cols = new ArrayList<>();              // {element, function or −1 for the bias}
        for (int e = 0; e < sizes.length; e++) {
            kept[e] = new boolean[sizes[e]];
            cols.add(new int[] {e, -1});
            for (int k = 0; k < sizes[e]; k++) {
                double m = stats.mean(e, k), s = stats.sigma(e, k);
                kept[e][k] = s > CONSTANT * (1 + Math.abs(m)) && stats.max[e][k] > stats.min[e][k];
                if (kept[e][k]) cols.add(new int[] {e, k});
            }
        }
        int q = cols.size();
        // T (p × q): θ_raw = T θ_std
        double[][] t = new double[p][q];
        for (int c = 0; c < q; c++) {
            int e = cols.get(c)[0], k = cols.get(c)[1];
            if (k < 0) {
                t[offset[e]][c] = 1.0;
            } else {
                double s = stats.sigma(e, k);
                t[offset[e] + 1 + k][c] = 1.0 / s;
                t[offset[e]][c] = -stats.mean(e, k) / s;
            }
        }
        double[] a = new double[p * p], b = new double[p];
        for (int k = 0; k < p * p; k++) a[k] = ce * energy.matrix[k] + cf * force.matrix[k];
        for (int k = 0; k < p; k++) b[k] = ce * energy.vector[k] + cf * force.vector[k];
        // A T (p × q), then Tᵀ (A T)
        double[][] at = new double[p][q];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < p; j++) {
                double aij = a[i * p + j];
                if (aij == 0) continue;
                double[] tj = t[j], row = at[i];
                for (int c = 0; c < q; c++) row[c] += aij * tj[c];
            }
        double[][] n = new double[q][q];
        double[] rhs = new double[q];
        for (int i = 0; i < p; i++) {
            double[] ti = t[i], ati = at[i];
            for (int c = 0; c < q; c++) {
                double tic = ti[c];
                if (tic == 0) continue;
                rhs[c] += tic * b[i];
                for (int d = 0; d < q; d++) n[c][d] += tic * ati[d];
            }
        }
        for (int c = 0; c < q; c++) {
            for (int d = 0; d < c; d++) n[c][d] = n[d][c] = 0.5 * (n[c][d] + n[d][c]);
            n[c][c] += ridge;
        }
        double[] std;
        try {
            RealMatrix m = MatrixUtils.createRealMatrix(n);
            std = new CholeskyDecomposition(m, 1e-12, 1e-14 * maxDiagonal(n)).getSolver().solve(MatrixUtils.createRealVector(rhs)).toArray();
        } catch (NonPositiveDefiniteMatrixException ex) {
            throw new InputException("linear: the least-squares problem is singular (the data do not determine every weight); "
                    + "give ridge > 0 or fewer symmetry functions");
        }
        double[] theta = new double[p];
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int c = 0; c < q; c++) v += t[i][c] * std[c];
            theta[i] = v;
        }
        return new RidgeFit(theta, kept);
    }

    private static double maxDiagonal(double[][] n) {
        double m = 0;
        for (int c = 0; c < n.length; c++) m = Math.max(m, Math.abs(n[c][c]));
        return m;
    }
}
