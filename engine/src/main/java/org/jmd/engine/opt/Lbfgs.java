package org.jmd.engine.opt;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and
 * 7.5): the search direction from the last {@code memory} steps and gradient changes by the
 * two-loop recursion, with initial inverse Hessian γI, γ = s·y / y·y of the newest pair, and a
 * {@link LineSearch} for the strong Wolfe conditions with c₂ = 0.9, so every accepted step lowers
 * the objective (up to its round-off) and keeps the curvature pairs positive. When the
 * quasi-Newton direction fails, the history is dropped and steepest descent is tried once more.
 * How long the steps may be is the caller's {@link StepLimits}.
 *
 * <p>The one L-BFGS of jmd: the {@code lbfgs} minimizer relaxes atoms (and cell) with it, the NNP
 * trainer minimizes its full-batch loss with it, and {@link #save}/{@link #restore} let a training
 * checkpoint continue the iterations exactly. All vectors are allocated once; an iteration
 * allocates nothing. Deterministic: the result depends only on the objective's values and
 * gradients.
 */
public final class Lbfgs {
    private final Objective objective;
    private final int n, memory;
    private final StepLimits limits;
    private final LineSearch search;
    private final double[][] s, y;
    private final double[] rho, alpha;
    private final double[] x, g, d;
    private int stored, newest = -1;
    private double value = Double.NaN;
    /** Evaluations not made by the line search: the start, and those before a restore. */
    private long otherEvaluations;

    /**
     * @param parameters the dimension
     * @param memory     correction pairs kept
     */
    public Lbfgs(Objective objective, int parameters, int memory, StepLimits limits) {
        if (memory < 1) throw new IllegalArgumentException("memory must be at least 1");
        this.objective = objective;
        this.n = parameters;
        this.memory = memory;
        this.limits = limits;
        search = new LineSearch(objective, n, 0.9);
        s = new double[memory][n];
        y = new double[memory][n];
        rho = new double[memory];
        alpha = new double[memory];
        x = new double[n];
        g = new double[n];
        d = new double[n];
    }

    /** Starts at x0 (copied; the history is cleared) and returns the objective there. */
    public double start(double[] x0) {
        double f = objective.evaluate(x0, g);
        otherEvaluations++;
        if (!Double.isFinite(f)) throw new IllegalStateException("L-BFGS: the objective is " + f + " at the start");
        start(x0, f, g);
        return f;
    }

    /** Starts at x0, where the objective f0 and its gradient g0 are already known (both copied). */
    public void start(double[] x0, double f0, double[] g0) {
        System.arraycopy(x0, 0, x, 0, n);
        if (g0 != g) System.arraycopy(g0, 0, g, 0, n);
        value = f0;
        stored = 0;
        newest = -1;
    }

    /**
     * One iteration: direction, line search, update of the current point and of the history.
     *
     * @return the accepted step length α along the direction (1 = the full quasi-Newton step; on
     *         a steepest-descent step, relative to −gradient), or NaN when no step lowered the
     *         objective (the current point is then unchanged)
     */
    public double iterate() {
        if (stored > 0) {
            quasiNewtonDirection();
            double first = limits.first(d, false);
            double a = search.search(x, value, g, d, first, limits.longest(d, false, first));
            if (!Double.isNaN(a)) return accept(a);
            stored = 0;                                // the model misled us: steepest descent once more
            newest = -1;
        }
        for (int k = 0; k < n; k++) d[k] = -g[k];
        double first = limits.first(d, true);
        double a = search.search(x, value, g, d, first, limits.longest(d, true, first));
        return Double.isNaN(a) ? a : accept(a);
    }

    /** Moves to the line search's point and keeps the pair s = Δx, y = Δg when s·y > 0. */
    private double accept(double a) {
        double[] xNew = search.point(), gNew = search.gradient();
        // s·y > 0 is guaranteed by the strong Wolfe conditions, checked because the fallbacks do not ensure it
        double sy = 0;
        for (int k = 0; k < n; k++) sy += (xNew[k] - x[k]) * (gNew[k] - g[k]);
        if (sy > 0) {
            int slot = (newest + 1) % memory;
            double[] sk = s[slot], yk = y[slot];
            for (int k = 0; k < n; k++) {
                sk[k] = xNew[k] - x[k];
                yk[k] = gNew[k] - g[k];
            }
            rho[slot] = 1.0 / sy;
            newest = slot;
            stored = Math.min(stored + 1, memory);
        }
        System.arraycopy(xNew, 0, x, 0, n);
        System.arraycopy(gNew, 0, g, 0, n);
        value = search.value();
        return a;
    }

    /** d = −H g by the two-loop recursion. */
    private void quasiNewtonDirection() {
        for (int k = 0; k < n; k++) d[k] = -g[k];
        int i = newest;
        for (int c = 0; c < stored; c++) {
            alpha[i] = rho[i] * LineSearch.dot(s[i], d);
            axpy(-alpha[i], y[i], d);
            i = (i - 1 + memory) % memory;
        }
        double[] yn = y[newest];
        double gamma = 1.0 / (rho[newest] * LineSearch.dot(yn, yn));
        for (int k = 0; k < n; k++) d[k] *= gamma;
        i = (newest - stored + 1 + memory) % memory;
        for (int c = 0; c < stored; c++) {
            double beta = rho[i] * LineSearch.dot(y[i], d);
            axpy(alpha[i] - beta, s[i], d);
            i = (i + 1) % memory;
        }
    }

    private static void axpy(double c, double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) b[k] += c * a[k];
    }

    /** The current point (not a copy: it changes with the next {@link #iterate}). */
    public double[] position() { return x; }

    /** The gradient at the current point (not a copy). */
    public double[] gradient() { return g; }

    /** The objective at the current point. */
    public double value() { return value; }

    /** Euclidean norm of the gradient at the current point. */
    public double gradientNorm() { return Math.sqrt(LineSearch.dot(g, g)); }

    /** Objective evaluations so far, {@link #start} included. */
    public long evaluations() { return otherEvaluations + search.evaluations(); }

    /** Writes what the next {@link #iterate} starts from: point, gradient, value, history and counts. */
    public void save(DataOutput out) throws IOException {
        out.writeInt(memory);
        StateIO.write(out, x);
        StateIO.write(out, g);
        out.writeDouble(value);
        out.writeInt(stored);
        out.writeInt(newest);
        out.writeLong(evaluations());
        for (int k = 0; k < memory; k++) {
            StateIO.write(out, s[k]);
            StateIO.write(out, y[k]);
        }
        StateIO.write(out, rho);
    }

    /** Continues from a {@link #save}d state instead of {@link #start}: the iterations then follow as if never stopped. */
    public void restore(DataInput in) throws IOException {
        if (in.readInt() != memory) throw new IOException("L-BFGS memory differs");
        StateIO.read(in, x);
        StateIO.read(in, g);
        value = in.readDouble();
        stored = in.readInt();
        newest = in.readInt();
        otherEvaluations = in.readLong() - search.evaluations();
        for (int k = 0; k < memory; k++) {
            StateIO.read(in, s[k]);
            StateIO.read(in, y[k]);
        }
        StateIO.read(in, rho);
    }
}
