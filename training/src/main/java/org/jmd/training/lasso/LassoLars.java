package org.jmd.training.lasso;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lasso by least-angle regression with the Lasso modification (Efron, Hastie, Johnstone and
 * Tibshirani, Ann. Statist. 32, 407 (2004)): minimises
 * <pre>  (1/2n) ‖y − Xβ‖² + α ‖β‖₁  </pre>
 * over the whole regularisation path at once. Starting from β = 0 at α_max = max_j |X_jᵀy|/n,
 * the active set grows by the column most correlated with the residual; all active coefficients
 * move along the equiangular direction G_AA⁻¹ s_A until another column's correlation catches up
 * (it joins) or an active coefficient reaches zero (it is dropped: the Lasso modification, which
 * turns the LARS path into the Lasso path). The path is piecewise linear in α between these
 * breakpoints, so the solution for any α is read off it exactly ({@link LassoPath}).
 *
 * <p>Works on the Gram form (G = XᵀX, c = Xᵀy), so the cost is independent of the number of rows
 * once G is built: that suits force fitting, with tens of thousands of rows and hundreds of
 * columns. Columns are standardised to unit root mean square, ‖x_j‖²/n = 1, without centring:
 * the models fitted here have no intercept (energy offsets are fixed beforehand, and forces have
 * none). α is in units of the standardised problem; coefficients are returned on both scales.
 *
 * <p>Columns that are zero, or that lie within about 1e-6 (in angle) of the span of the active
 * columns when they would join, are left out of the fit: their coefficient stays zero.
 */
public final class LassoLars {
    /** A column joins only if sin² of its angle to the active span exceeds this (standardised). */
    static final double COLLINEAR = 1e-12;

    private final int p;
    private final int rows;
    private final double[] scale;     // RMS of each column; 0 for zero columns
    private final double[][] gram;    // standardised G/n, diagonal 1 (0 for zero columns)
    private final double[] corr0;     // standardised Xᵀy/n

    private LassoLars(double[][] gram, double[] xty, int rows) {
        this.p = xty.length;
        this.rows = rows;
        if (rows <= 0) throw new IllegalArgumentException("need at least one row");
        this.scale = new double[p];
        for (int j = 0; j < p; j++) {
            if (gram[j].length != p) throw new IllegalArgumentException("Gram matrix must be square");
            double d = gram[j][j] / rows;
            scale[j] = d > 0 ? Math.sqrt(d) : 0;
        }
        this.gram = new double[p][p];
        this.corr0 = new double[p];
        for (int j = 0; j < p; j++) {
            if (scale[j] == 0) continue;
            corr0[j] = xty[j] / (rows * scale[j]);
            for (int k = 0; k < p; k++) if (scale[k] > 0) this.gram[j][k] = gram[j][k] / (rows * scale[j] * scale[k]);
            this.gram[j][j] = 1.0;
        }
    }

    /** From the Gram form: G = XᵀX (p×p, symmetric), Xᵀy, and the number of rows n of X. */
    public static LassoLars fromGram(double[][] gram, double[] xty, int rows) { return new LassoLars(gram, xty, rows); }

    /** From the data: X as n rows of p values, and y. */
    public static LassoLars fromData(double[][] x, double[] y) {
        int n = x.length, p = n == 0 ? 0 : x[0].length;
        double[][] g = new double[p][p];
        double[] c = new double[p];
        for (int i = 0; i < n; i++) {
            double[] row = x[i];
            for (int j = 0; j < p; j++) {
                double v = row[j];
                if (v == 0) continue;
                c[j] += v * y[i];
                for (int k = j; k < p; k++) g[j][k] += v * row[k];
            }
        }
        for (int j = 0; j < p; j++) for (int k = 0; k < j; k++) g[j][k] = g[k][j];
        return new LassoLars(g, c, n);
    }

    public int columns() { return p; }

    public int rows() { return rows; }

    /** Root mean square of column j of the original X (0 for a zero column): β_std = β · scale. */
    public double scale(int j) { return scale[j]; }

    /** α at which the first coefficient becomes non-zero: max_j |X_jᵀy|/n on standardised columns. */
    public double alphaMax() {
        double m = 0;
        for (int j = 0; j < p; j++) m = Math.max(m, Math.abs(corr0[j]));
        return m;
    }

    /** Follows the Lasso path from α_max down to {@code alphaMin} (≥ 0; 0 ends at least squares). */
    public LassoPath path(double alphaMin) {
        if (!(alphaMin >= 0)) throw new IllegalArgumentException("alphaMin must be >= 0, got " + alphaMin);
        double[] beta = new double[p];
        double[] c = corr0.clone();
        boolean[] active = new boolean[p], excluded = new boolean[p];
        for (int j = 0; j < p; j++) excluded[j] = scale[j] == 0;
        int[] order = new int[p];          // active columns in Cholesky order
        int k = 0;
        double[][] chol = new double[p][];   // rows of the lower Cholesky factor of G_AA
        double[] sign = new double[p], d = new double[p], a = new double[p], work = new double[p];
        List<Double> alphas = new ArrayList<>();
        List<double[]> coefs = new ArrayList<>();

        int next = -1;
        double alpha = 0;
        for (int j = 0; j < p; j++) {
            if (!excluded[j] && Math.abs(c[j]) > alpha) { alpha = Math.abs(c[j]); next = j; }
        }
        alphas.add(Math.max(alpha, alphaMin));
        coefs.add(beta.clone());
        if (next < 0 || alpha <= alphaMin) return new LassoPath(alphas, coefs, scale, gram, corr0);

        int dropped = -1;
        while (alpha > alphaMin) {
            if (next >= 0) {
                // add column `next` to the Cholesky factor of G_AA
                double[] row = new double[k + 1];
                for (int r = 0; r < k; r++) {
                    double s = gram[order[r]][next];
                    for (int q = 0; q < r; q++) s -= chol[r][q] * row[q];
                    row[r] = s / chol[r][r];
                }
                double diag = 1.0;
                for (int q = 0; q < k; q++) diag -= row[q] * row[q];
                if (diag < COLLINEAR) {
                    excluded[next] = true;   // (numerically) in the span of the active columns
                } else {
                    row[k] = Math.sqrt(diag);
                    chol[k] = row;
                    order[k++] = next;
                    active[next] = true;
                }
                next = -1;
            }
            // equiangular direction: G_AA d_A = s_A, with s the signs of the correlations
            for (int r = 0; r < k; r++) {
                int j = order[r];
                sign[r] = beta[j] != 0 ? Math.signum(beta[j]) : Math.signum(c[j]);  // a new column takes its correlation's sign
            }
            solve(chol, k, sign, d, work);
            // a_j = (G d)_j: how fast each correlation changes as the active ones fall at unit rate
            Arrays.fill(a, 0.0);
            for (int r = 0; r < k; r++) {
                double dr = d[r];
                double[] gr = gram[order[r]];
                for (int j = 0; j < p; j++) a[j] += gr[j] * dr;
            }
            double gamma = alpha - alphaMin;
            int join = -1, drop = -1;
            double tiny = 1e-14 * alpha;
            for (int j = 0; j < p; j++) {
                if (active[j] || excluded[j] || j == dropped) continue;
                double g1 = 1 - a[j] > 1e-15 ? (alpha - c[j]) / (1 - a[j]) : Double.POSITIVE_INFINITY;
                double g2 = 1 + a[j] > 1e-15 ? (alpha + c[j]) / (1 + a[j]) : Double.POSITIVE_INFINITY;
                double g = Math.min(g1 > tiny ? g1 : Double.POSITIVE_INFINITY, g2 > tiny ? g2 : Double.POSITIVE_INFINITY);
                if (g < gamma) { gamma = g; join = j; }
            }
            for (int r = 0; r < k; r++) {
                int j = order[r];
                if (d[r] == 0) continue;
                double g = -beta[j] / d[r];
                if (g > 0 && g < gamma) { gamma = g; drop = r; join = -1; }
            }
            for (int r = 0; r < k; r++) beta[order[r]] += gamma * d[r];
            alpha -= gamma;
            dropped = -1;
            if (drop >= 0) {
                int j = order[drop];
                beta[j] = 0;
                active[j] = false;
                dropped = j;   // its correlation equals α now: do not let it rejoin at once
                for (int r = drop; r < k - 1; r++) order[r] = order[r + 1];
                k--;
                refactor(chol, order, k);
            }
            // correlations from scratch rather than updated, so round-off does not build up
            for (int j = 0; j < p; j++) {
                double s = corr0[j];
                for (int r = 0; r < k; r++) s -= gram[j][order[r]] * beta[order[r]];
                c[j] = s;
            }
            if (join < 0 && drop < 0) alpha = alphaMin;   // the stopping step: land on α_min exactly, not within round-off
            alphas.add(alpha);
            coefs.add(beta.clone());
            next = join;
            if (join < 0 && drop < 0) break;   // reached alphaMin
        }
        return new LassoPath(alphas, coefs, scale, gram, corr0);
    }

    /** Solves L Lᵀ x = b for the k×k lower factor L (rows of chol). */
    static void solve(double[][] chol, int k, double[] b, double[] x, double[] work) {
        for (int r = 0; r < k; r++) {
            double s = b[r];
            for (int q = 0; q < r; q++) s -= chol[r][q] * work[q];
            work[r] = s / chol[r][r];
        }
        for (int r = k - 1; r >= 0; r--) {
            double s = work[r];
            for (int q = r + 1; q < k; q++) s -= chol[q][r] * x[q];
            x[r] = s / chol[r][r];
        }
    }

    private void refactor(double[][] chol, int[] order, int k) {
        if (!cholesky(gram, order, k, chol)) throw new IllegalStateException("active Gram matrix lost positive definiteness after a drop");
    }

    /** Cholesky factor of G restricted to order[0..k); false if not (numerically) positive definite. */
    static boolean cholesky(double[][] gram, int[] order, int k, double[][] chol) {
        for (int r = 0; r < k; r++) {
            double[] row = new double[r + 1];
            for (int q = 0; q < r; q++) {
                double s = gram[order[r]][order[q]];
                for (int t = 0; t < q; t++) s -= row[t] * chol[q][t];
                row[q] = s / chol[q][q];
            }
            double s = gram[order[r]][order[r]];
            for (int t = 0; t < r; t++) s -= row[t] * row[t];
            if (!(s > 0)) return false;
            row[r] = Math.sqrt(s);
            chol[r] = row;
        }
        return true;
    }
}
