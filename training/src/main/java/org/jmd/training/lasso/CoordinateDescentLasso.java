package org.jmd.training.lasso;

/**
 * Lasso by cyclic coordinate descent (Friedman, Hastie and Tibshirani, J. Stat. Softw. 33 (2010)),
 * for cross-checking {@link LassoLars}: the same objective (1/2n)‖y − Xβ‖² + α‖β‖₁ reached by a
 * completely different route. Works on X itself (keeping the residual up to date), not on the
 * Gram matrix, and does not standardise: give it the columns you want it to see.
 */
public final class CoordinateDescentLasso {
    private CoordinateDescentLasso() {}

    /**
     * @param x        n rows of p values
     * @param alpha    regularisation strength
     * @param tol      stop when no coefficient moved more than this in a full sweep
     * @param maxSweeps give up (IllegalStateException) after this many sweeps
     */
    public static double[] solve(double[][] x, double[] y, double alpha, double tol, int maxSweeps) {
        int n = x.length, p = x[0].length;
        double[] norm = new double[p];
        for (double[] row : x) for (int j = 0; j < p; j++) norm[j] += row[j] * row[j] / n;
        double[] beta = new double[p], r = y.clone();
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            double moved = 0;
            for (int j = 0; j < p; j++) {
                if (norm[j] == 0) continue;
                double rho = 0;
                for (int i = 0; i < n; i++) rho += x[i][j] * r[i];
                rho = rho / n + norm[j] * beta[j];
                double b = Math.signum(rho) * Math.max(Math.abs(rho) - alpha, 0) / norm[j];
                double delta = b - beta[j];
                if (delta != 0) {
                    for (int i = 0; i < n; i++) r[i] -= x[i][j] * delta;
                    beta[j] = b;
                    moved = Math.max(moved, Math.abs(delta));
                }
            }
            if (moved < tol) return beta;
        }
        throw new IllegalStateException("coordinate descent did not converge in " + maxSweeps + " sweeps");
    }
}
