package org.jmd.integrators;

import org.jmd.engine.opt.LineSearch;

/**
 * Nonlinear conjugate gradients, Polak–Ribière with β⁺ = max(β, 0) (which restarts along
 * steepest descent by itself when progress stalls) and a strong-Wolfe line search with c2 = 0.1,
 * as in LAMMPS's {@code min_style cg}. Restarts as well every n iterations and whenever
 * successive gradients are far from orthogonal (Powell's test), and the first trial step of each
 * line search reuses the previous step's predicted decrease (Nocedal and Wright, eq. 3.60).
 */
final class ConjugateGradient extends IterativeMinimizer {
    static final String NAME = "cg";

    private final double maxStep;

    /** @param maxStep largest first trial displacement of any atom (Å) */
    ConjugateGradient(double maxStep) { this.maxStep = maxStep; }

    @Override Iteration begin(Relaxation r, double[] x, double[] value, double[] g) {
        int n = x.length;
        double[] p = new double[n], gOld = new double[n];
        for (int k = 0; k < n; k++) p[k] = -g[k];
        LineSearch search = new LineSearch(r, n, 0.1);
        return new Iteration() {
            int sinceRestart;
            double lastSlope, lastAlpha;

            @Override public boolean step() {
                double slope = LineSearch.dot(g, p);
                if (!(slope < 0)) { restart(); slope = LineSearch.dot(g, p); }
                double largest = Relaxation.largestBlock(p);
                if (!(largest > 0)) return false;
                double alpha0 = lastAlpha > 0 ? lastAlpha * lastSlope / slope : 1;
                alpha0 = Math.min(alpha0, maxStep / largest);
                System.arraycopy(g, 0, gOld, 0, n);
                double alpha = search.search(x, value[0], g, p, alpha0, 8 * maxStep / largest);
                if (Double.isNaN(alpha)) {
                    if (sinceRestart == 0) return false; // even steepest descent found no lower point
                    restart();
                    lastAlpha = 0;
                    return true;
                }
                System.arraycopy(search.point(), 0, x, 0, n);
                System.arraycopy(search.gradient(), 0, g, 0, n);
                value[0] = search.value();
                lastAlpha = alpha;
                lastSlope = slope;
                double gg = LineSearch.dot(gOld, gOld), overlap = LineSearch.dot(g, gOld), g2 = LineSearch.dot(g, g);
                double beta = Math.max(0, (g2 - overlap) / gg);
                sinceRestart++;
                if (sinceRestart >= n || Math.abs(overlap) >= 0.2 * g2) beta = 0;
                if (beta == 0) sinceRestart = 0;
                for (int k = 0; k < n; k++) p[k] = -g[k] + beta * p[k];
                return true;
            }

            private void restart() {
                for (int k = 0; k < n; k++) p[k] = -g[k];
                sinceRestart = 0;
            }
        };
    }

    @Override public String describe() { return NAME + " (Polak-Ribiere+) maxstep=" + maxStep + " Å"; }
}
