package org.jmd.integrators;

/**
 * Limited-memory BFGS (Nocedal 1980; Nocedal and Wright, Algorithm 7.4) with a strong-Wolfe line
 * search, so every step lowers the objective and keeps the curvature pairs positive. The initial
 * inverse Hessian is γI with γ = sᵀy / yᵀy from the newest pair. A step that cannot be completed
 * clears the memory and retries along steepest descent once before giving up.
 */
final class Lbfgs extends IterativeMinimizer {
    static final String NAME = "lbfgs";

    private final int memory;
    private final double maxStep;

    /**
     * @param memory  number of correction pairs kept
     * @param maxStep largest first trial displacement of any atom (Å)
     */
    Lbfgs(int memory, double maxStep) {
        this.memory = memory;
        this.maxStep = maxStep;
    }

    @Override Iteration begin(Relaxation r, double[] x, double[] value, double[] g) {
        int n = x.length;
        double[][] s = new double[memory][n], y = new double[memory][n];
        double[] rho = new double[memory], a = new double[memory];
        double[] p = new double[n], xOld = new double[n], gOld = new double[n], out = new double[1];
        LineSearch search = new LineSearch(0.9);
        return new Iteration() {
            int stored, newest = -1;

            @Override public boolean step() {
                for (int attempt = 0; attempt < 2; attempt++) {
                    direction();
                    if (!(LineSearch.dot(p, g) < 0)) { stored = 0; direction(); }
                    double largest = Relaxation.largestBlock(p);
                    if (!(largest > 0)) return false;
                    double alpha0 = stored == 0 ? Math.min(1, maxStep / largest) : Math.min(1, 4 * maxStep / largest);
                    System.arraycopy(x, 0, xOld, 0, n);
                    System.arraycopy(g, 0, gOld, 0, n);
                    double alpha = search.search(r, x, value[0], g, p, alpha0, 8 * maxStep / largest, out);
                    if (alpha > 0) {
                        value[0] = out[0];
                        remember();
                        return true;
                    }
                    if (stored == 0) return false;
                    stored = 0; // the model misled us: start again from steepest descent
                }
                return false;
            }

            /** p = −H g by the two-loop recursion. */
            private void direction() {
                for (int k = 0; k < n; k++) p[k] = -g[k];
                for (int j = 0; j < stored; j++) {
                    int i = Math.floorMod(newest - j, memory);
                    a[i] = rho[i] * LineSearch.dot(s[i], p);
                    for (int k = 0; k < n; k++) p[k] -= a[i] * y[i][k];
                }
                if (stored > 0) {
                    double gamma = LineSearch.dot(s[newest], y[newest]) / LineSearch.dot(y[newest], y[newest]);
                    for (int k = 0; k < n; k++) p[k] *= gamma;
                }
                for (int j = stored - 1; j >= 0; j--) {
                    int i = Math.floorMod(newest - j, memory);
                    double b = rho[i] * LineSearch.dot(y[i], p);
                    for (int k = 0; k < n; k++) p[k] += (a[i] - b) * s[i][k];
                }
            }

            private void remember() {
                int next = (newest + 1) % memory;
                double sy = 0;
                for (int k = 0; k < n; k++) {
                    s[next][k] = x[k] - xOld[k];
                    y[next][k] = g[k] - gOld[k];
                    sy += s[next][k] * y[next][k];
                }
                if (!(sy > 0)) return; // would break positive definiteness; Wolfe makes this rare
                rho[next] = 1 / sy;
                newest = next;
                stored = Math.min(stored + 1, memory);
            }
        };
    }

    @Override public String describe() { return NAME + " memory=" + memory + " maxstep=" + maxStep + " Å"; }
}
