package org.jmd.training.lasso;

import java.util.Arrays;
import java.util.List;

/**
 * The Lasso regularisation path found by {@link LassoLars}: the breakpoints α_0 &gt; α_1 &gt; …
 * with the (standardised) coefficients there. Between breakpoints the solution is linear in α, so
 * {@link #standardised(double)} interpolates, then re-solves the optimality conditions on the
 * active set with its signs (one small Cholesky solve) so that the result satisfies them to
 * round-off however many steps the path took.
 */
public final class LassoPath {
    private final double[] alphas;
    private final double[][] coefs;
    private final double[] scale;
    private final double[][] gram;
    private final double[] corr0;

    LassoPath(List<Double> alphas, List<double[]> coefs, double[] scale, double[][] gram, double[] corr0) {
        this.alphas = new double[alphas.size()];
        for (int k = 0; k < this.alphas.length; k++) this.alphas[k] = alphas.get(k);
        this.coefs = coefs.toArray(new double[0][]);
        this.scale = scale;
        this.gram = gram;
        this.corr0 = corr0;
    }

    /** Number of breakpoints (including α_max with β = 0). */
    public int breakpoints() { return alphas.length; }

    public double alpha(int k) { return alphas[k]; }

    public double alphaMax() { return alphas[0]; }

    /** Smallest α the path reaches. */
    public double alphaMin() { return alphas[alphas.length - 1]; }

    /** Coefficients on standardised columns at breakpoint k. */
    public double[] breakpointCoefficients(int k) { return coefs[k].clone(); }

    /** Lasso solution on the standardised columns at α (α_min ≤ α; above α_max it is zero). */
    public double[] standardised(double alpha) {
        int p = scale.length;
        if (alpha >= alphas[0]) return new double[p];
        if (alpha < alphas[alphas.length - 1] - 1e-12 * alphas[0]) {
            throw new IllegalArgumentException("α = " + alpha + " is below the end of the path, " + alphas[alphas.length - 1]);
        }
        int k = 0;
        while (k + 1 < alphas.length && alphas[k + 1] > alpha) k++;
        double[] b0 = coefs[k], b1 = coefs[Math.min(k + 1, alphas.length - 1)];
        double t = k + 1 < alphas.length && alphas[k] > alphas[k + 1] ? (alphas[k] - alpha) / (alphas[k] - alphas[k + 1]) : 0;
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) beta[j] = b0[j] + t * (b1[j] - b0[j]);
        return polish(beta, alpha);
    }

    /** Lasso solution at α on the original scale of the columns: w_j = β_j / scale_j. */
    public double[] coefficients(double alpha) {
        double[] beta = standardised(alpha);
        for (int j = 0; j < beta.length; j++) beta[j] = scale[j] > 0 ? beta[j] / scale[j] : 0;
        return beta;
    }

    /** Number of non-zero coefficients at α. */
    public int nonZero(double alpha) {
        int n = 0;
        for (double b : standardised(alpha)) if (b != 0) n++;
        return n;
    }

    /** Solves G_AA β_A = c_A − α s_A with the active set and signs of β; keeps β if that fails or flips a sign. */
    private double[] polish(double[] beta, double alpha) {
        int p = beta.length, k = 0;
        int[] order = new int[p];
        for (int j = 0; j < p; j++) if (beta[j] != 0) order[k++] = j;
        if (k == 0) return beta;
        double[][] chol = new double[k][];
        if (!LassoLars.cholesky(gram, order, k, chol)) return beta;
        double[] rhs = new double[k], x = new double[k], work = new double[k];
        for (int r = 0; r < k; r++) rhs[r] = corr0[order[r]] - alpha * Math.signum(beta[order[r]]);
        LassoLars.solve(chol, k, rhs, x, work);
        for (int r = 0; r < k; r++) if (Math.signum(x[r]) != Math.signum(beta[order[r]])) return beta;
        double[] out = Arrays.copyOf(beta, p);
        for (int r = 0; r < k; r++) out[order[r]] = x[r];
        return out;
    }
}
