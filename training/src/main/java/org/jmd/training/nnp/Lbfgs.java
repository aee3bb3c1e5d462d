package org.jmd.training.nnp;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and 7.5)
 * on a smooth objective given as value and gradient: the search direction from the last
 * {@code memory} steps and gradient changes (two-loop recursion, initial inverse Hessian
 * γI with γ = s·y/y·y of the newest pair), and a line search for the strong Wolfe conditions
 * (algorithms 3.5 and 3.6: bracketing, then zoom by safeguarded cubic interpolation) with
 * c₁ = 1e-4 and c₂ = 0.9. Every accepted step lowers the objective.
 *
 * <p>All vectors are allocated once; an iteration allocates nothing. Deterministic: the result
 * depends only on the objective's values and gradients.
 */
final class Lbfgs {
    /** A smooth function to minimise. */
    interface Objective {
        /** The value at x, its gradient written into gradient (overwritten). */
        double evaluate(double[] x, double[] gradient);
    }

    private static final double C1 = 1e-4, C2 = 0.9;
    /** Function evaluations allowed in one line search. */
    private static final int MAX_EVALUATIONS = 25;
    /** Longest step tried, as a multiple of the initial one, while bracketing. */
    private static final double MAX_EXPANSION = 1e6;
    /** Largest change of any parameter on the first (steepest-descent) step tried. */
    private static final double FIRST_STEP = 1e-2;

    private final Objective objective;
    private final int n, memory;
    private final double[][] s, y;
    private final double[] rho, alpha;
    private final double[] x, g, d, trial, trialGradient;
    private int stored, newest = -1;
    private double value = Double.NaN;
    /** φ(α) and φ′(α) of the last point the line search evaluated (held in trial, trialGradient). */
    private double trialValue, trialSlope;
    private long evaluations;

    Lbfgs(Objective objective, int parameters, int memory) {
        if (memory < 1) throw new IllegalArgumentException("memory must be at least 1");
        this.objective = objective;
        this.n = parameters;
        this.memory = memory;
        s = new double[memory][n];
        y = new double[memory][n];
        rho = new double[memory];
        alpha = new double[memory];
        x = new double[n];
        g = new double[n];
        d = new double[n];
        trial = new double[n];
        trialGradient = new double[n];
    }

    /** Starts at x0 (copied; the history is cleared) and returns the objective there. */
    double start(double[] x0) {
        System.arraycopy(x0, 0, x, 0, n);
        stored = 0;
        newest = -1;
        value = evaluate(x, g);
        if (!Double.isFinite(value)) throw new IllegalStateException("L-BFGS: the objective is " + value + " at the start");
        return value;
    }

    /** Writes what the next {@link #iterate} starts from: point, gradient, value, history and counts. */
    void save(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(memory);
        StateIO.write(out, x);
        StateIO.write(out, g);
        out.writeDouble(value);
        out.writeInt(stored);
        out.writeInt(newest);
        out.writeLong(evaluations);
        for (int k = 0; k < memory; k++) {
            StateIO.write(out, s[k]);
            StateIO.write(out, y[k]);
        }
        StateIO.write(out, rho);
    }

    /** Continues from a {@link #save}d state instead of {@link #start}: the iterations then follow as if never stopped. */
    void restore(java.io.DataInputStream in) throws java.io.IOException {
        if (in.readInt() != memory) throw new java.io.IOException("L-BFGS memory differs");
        StateIO.read(in, x);
        StateIO.read(in, g);
        value = in.readDouble();
        stored = in.readInt();
        newest = in.readInt();
        evaluations = in.readLong();
        for (int k = 0; k < memory; k++) {
            StateIO.read(in, s[k]);
            StateIO.read(in, y[k]);
        }
        StateIO.read(in, rho);
    }

    /** The current point (not a copy: it changes with the next {@link #iterate}). */
    double[] position() { return x; }

    /** The objective at the current point. */
    double value() { return value; }

    /** Euclidean norm of the gradient at the current point. */
    double gradientNorm() { return Math.sqrt(dot(g, g)); }

    /** Objective evaluations so far, {@link #start} included. */
    long evaluations() { return evaluations; }

    /**
     * One iteration: direction, line search, update of the current point and of the history.
     * When the quasi-Newton direction fails, the history is dropped and a steepest-descent step is
     * tried once more.
     *
     * @return the accepted step length α along the direction (1 = the full quasi-Newton step; on a
     *         steepest-descent step, relative to −gradient), or NaN when no step lowered the
     *         objective (the current point is then unchanged)
     */
    double iterate() {
        double step = stored > 0 ? lineSearch(direction(), 1.0) : Double.NaN;
        if (Double.isNaN(step)) {
            stored = 0;
            newest = -1;
            double slope = steepest();
            if (slope == 0) return Double.NaN;
            step = lineSearch(slope, FIRST_STEP / maxAbs(g));
            if (Double.isNaN(step)) return Double.NaN;
        }
        // the new pair s = trial − x, y = trialGradient − g, kept when s·y > 0 (guaranteed by the
        // strong Wolfe conditions; checked because the fallback acceptance does not ensure it)
        double sy = 0;
        for (int k = 0; k < n; k++) sy += (trial[k] - x[k]) * (trialGradient[k] - g[k]);
        if (sy > 0) {
            int slot = (newest + 1) % memory;
            double[] sk = s[slot], yk = y[slot];
            for (int k = 0; k < n; k++) {
                sk[k] = trial[k] - x[k];
                yk[k] = trialGradient[k] - g[k];
            }
            rho[slot] = 1.0 / sy;
            newest = slot;
            stored = Math.min(stored + 1, memory);
        }
        System.arraycopy(trial, 0, x, 0, n);
        System.arraycopy(trialGradient, 0, g, 0, n);
        value = trialValue;
        return step;
    }

    /** d = −H g by the two-loop recursion; returns the slope g·d. */
    private double direction() {
        for (int k = 0; k < n; k++) d[k] = -g[k];
        int i = newest;
        for (int c = 0; c < stored; c++) {
            alpha[i] = rho[i] * dot(s[i], d);
            axpy(-alpha[i], y[i], d);
            i = (i - 1 + memory) % memory;
        }
        double[] yn = y[newest];
        double gamma = 1.0 / (rho[newest] * dot(yn, yn));
        for (int k = 0; k < n; k++) d[k] *= gamma;
        i = (newest - stored + 1 + memory) % memory;
        for (int c = 0; c < stored; c++) {
            double beta = rho[i] * dot(y[i], d);
            axpy(alpha[i] - beta, s[i], d);
            i = (i + 1) % memory;
        }
        return dot(g, d);
    }

    /** d = −g; returns the slope −g·g. */
    private double steepest() {
        for (int k = 0; k < n; k++) d[k] = -g[k];
        return dot(g, d);
    }

    // --- line search on φ(α) = f(x + α d); the accepted point is left in trial, trialGradient, trialValue

    /**
     * Strong Wolfe line search from α = initial along d (slope0 = φ′(0)). Returns the accepted α
     * (trial* hold the point), or NaN if no point with sufficient decrease was found.
     */
    private double lineSearch(double slope0, double initial) {
        if (!(slope0 < 0)) return Double.NaN;      // not a descent direction
        double f0 = value;
        double aPrev = 0, fPrev = f0, dPrev = slope0;
        double a = initial, aMax = initial * MAX_EXPANSION;
        int evals = 0;
        while (evals < MAX_EVALUATIONS) {
            double f = phi(a);
            evals++;
            if (!Double.isFinite(f) || f > f0 + C1 * a * slope0 || (evals > 1 && f >= fPrev)) {
                return zoom(aPrev, fPrev, dPrev, a, f, trialSlope, f0, slope0, evals);
            }
            if (Math.abs(trialSlope) <= -C2 * slope0) return a;
            if (trialSlope >= 0) return zoom(a, f, trialSlope, aPrev, fPrev, dPrev, f0, slope0, evals);
            aPrev = a;
            fPrev = f;
            dPrev = trialSlope;
            if (a >= aMax) break;
            a = Math.min(4 * a, aMax);
        }
        return acceptLow(aPrev, fPrev, f0);
    }

    /** Zoom between lo (sufficient decrease, lowest so far) and hi (N&W algorithm 3.6). */
    private double zoom(double lo, double fLo, double dLo, double hi, double fHi, double dHi,
                        double f0, double slope0, int evals) {
        while (evals < MAX_EVALUATIONS) {
            double a = interpolate(lo, fLo, dLo, hi, fHi, dHi);
            if (a == lo || a == hi) break;             // the interval has shrunk to round-off
            double f = phi(a);
            evals++;
            if (!Double.isFinite(f) || f > f0 + C1 * a * slope0 || f >= fLo) {
                hi = a;
                fHi = f;
                dHi = trialSlope;
            } else {
                if (Math.abs(trialSlope) <= -C2 * slope0) return a;
                if (trialSlope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dHi = dLo;
                }
                lo = a;
                fLo = f;
                dLo = trialSlope;
            }
        }
        return acceptLow(lo, fLo, f0);
    }

    /**
     * Out of evaluations: accepts the best point found if it lowered the objective (its
     * sufficient decrease holds by construction, the curvature condition may not), else NaN.
     */
    private double acceptLow(double lo, double fLo, double f0) {
        if (!(lo > 0 && fLo < f0)) return Double.NaN;
        phi(lo);
        return trialValue < f0 ? lo : Double.NaN;
    }

    /**
     * Minimiser of the cubic through (lo, fLo, dLo) and (hi, fHi, dHi), kept inside the middle
     * 80 % of the interval; bisection when the cubic has no minimum there or hi's value is not
     * finite.
     */
    private static double interpolate(double lo, double fLo, double dLo, double hi, double fHi, double dHi) {
        double mid = 0.5 * (lo + hi);
        double a = mid;
        if (Double.isFinite(fHi) && Double.isFinite(dHi)) {
            double d1 = dLo + dHi - 3 * (fLo - fHi) / (lo - hi);
            double disc = d1 * d1 - dLo * dHi;
            if (disc >= 0) {
                double d2 = Math.copySign(Math.sqrt(disc), hi - lo);
                double denom = dHi - dLo + 2 * d2;
                if (denom != 0) {
                    double c = hi - (hi - lo) * (dHi + d2 - d1) / denom;
                    if (Double.isFinite(c)) a = c;
                }
            }
        }
        double left = Math.min(lo, hi), width = Math.abs(hi - lo);
        double min = left + 0.1 * width, max = left + 0.9 * width;
        return Math.max(min, Math.min(max, a));
    }

    /** φ(a): evaluates at x + a d into trial, trialGradient; sets trialValue, trialSlope. */
    private double phi(double a) {
        for (int k = 0; k < n; k++) trial[k] = x[k] + a * d[k];
        trialValue = evaluate(trial, trialGradient);
        trialSlope = dot(trialGradient, d);
        return trialValue;
    }

    private double evaluate(double[] at, double[] gradient) {
        evaluations++;
        return objective.evaluate(at, gradient);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) sum += a[k] * b[k];
        return sum;
    }

    private static void axpy(double c, double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) b[k] += c * a[k];
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }
}
