package org.jmd.engine.opt;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, Numerical Optimization,
 * 2nd ed., algorithms 3.5 and 3.6: bracketing, then zoom by safeguarded cubic interpolation) with
 * c₁ = 1e-4, for {@link Lbfgs} (c₂ = 0.9) and nonlinear conjugate gradients (c₂ = 0.1).
 *
 * <p>Close to a minimum the change of the objective over a step falls to the level of its
 * round-off (an energy summed over thousands of atoms), where the sufficient-decrease test is
 * noise. There, and only there (|φ(α) − φ(0)| ≤ 1e-11 (1 + |φ(0)|)), a step is also accepted on
 * Hager and Zhang's approximate Wolfe conditions, which rely on the accurate directional
 * derivative alone, so a tight force criterion can still be reached.
 *
 * <p>A trial point where the objective is not finite (atoms on top of each other, a network far
 * outside its training range) counts as too long a step. All vectors are allocated once; a
 * search allocates nothing. Deterministic: the result depends only on the objective's values
 * and gradients.
 */
public final class LineSearch {
    private static final double C1 = 1e-4;
    /** Objective evaluations allowed in one search. */
    private static final int MAX_EVALUATIONS = 30;
    /** Growth of the trial step while bracketing. */
    private static final double EXPANSION = 4;
    /** Relative size of the objective's round-off, below which decrease is not measurable. */
    private static final double ROUNDOFF = 1e-11;

    private final Objective objective;
    private final int n;
    private final double c2;
    private final double[] trial, trialGradient;
    /** The last point evaluated: its step length, value and slope φ′ = ∇f·d. */
    private double trialAlpha = Double.NaN, trialValue, trialSlope;
    private long evaluations;
    // the search in progress
    private double[] x, d;
    private double f0, slope0, noise;
    private int used;

    /** @param c2 curvature parameter: 0.9 for quasi-Newton methods, 0.1 for conjugate gradients */
    public LineSearch(Objective objective, int n, double c2) {
        this.objective = objective;
        this.n = n;
        this.c2 = c2;
        trial = new double[n];
        trialGradient = new double[n];
    }

    /**
     * Searches along d from x, where the objective is f0 with gradient g, trying the step length
     * {@code first} first and none longer than {@code longest}.
     *
     * @return the accepted step length α, the point x + α d then in {@link #point()} with its
     *         {@link #value()} and {@link #gradient()}, and the last one evaluated; or NaN when d
     *         is not a descent direction or no point lowered the objective (x and g are never
     *         changed)
     */
    public double search(double[] x, double f0, double[] g, double[] d, double first, double longest) {
        double s0 = dot(g, d);
        if (!(s0 < 0)) return Double.NaN;
        this.x = x;
        this.d = d;
        this.f0 = f0;
        this.slope0 = s0;
        this.noise = ROUNDOFF * (1 + Math.abs(f0));
        used = 0;
        double aPrev = 0, fPrev = f0, sPrev = s0;
        double a = Math.min(first, longest);
        while (used < MAX_EVALUATIONS) {
            double f = phi(a);
            if (approximateWolfe(f)) return a;
            if (!Double.isFinite(f) || f > f0 + C1 * a * s0 || (aPrev > 0 && f >= fPrev)) {
                return zoom(aPrev, fPrev, sPrev, a, f, trialSlope);
            }
            if (Math.abs(trialSlope) <= -c2 * s0) return a;  // strong Wolfe: sufficient decrease held above
            if (trialSlope >= 0) return zoom(a, f, trialSlope, aPrev, fPrev, sPrev);
            if (a >= longest) return a;                // the longest step allowed, still descending
            aPrev = a;
            fPrev = f;
            sPrev = trialSlope;
            a = Math.min(EXPANSION * a, longest);
        }
        return acceptLow(aPrev, fPrev);
    }

    /** Zoom between lo (sufficient decrease, lowest so far) and hi (algorithm 3.6). */
    private double zoom(double lo, double fLo, double sLo, double hi, double fHi, double sHi) {
        while (used < MAX_EVALUATIONS) {
            double a = interpolate(lo, fLo, sLo, hi, fHi, sHi);
            if (a == lo || a == hi) break;             // the interval has shrunk to round-off
            double f = phi(a);
            if (approximateWolfe(f)) return a;
            if (!Double.isFinite(f) || f > f0 + C1 * a * slope0 || f >= fLo) {
                hi = a;
                fHi = f;
                sHi = trialSlope;
            } else {
                if (Math.abs(trialSlope) <= -c2 * slope0) return a;
                if (trialSlope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    sHi = sLo;
                }
                lo = a;
                fLo = f;
                sLo = trialSlope;
            }
        }
        return acceptLow(lo, fLo);
    }

    /** Hager–Zhang at round-off: |φ(α) − φ(0)| ≤ ε and c₂ φ′(0) ≤ φ′(α) ≤ (2c₁ − 1) φ′(0). */
    private boolean approximateWolfe(double f) {
        return Math.abs(f - f0) <= noise && trialSlope >= c2 * slope0 && trialSlope <= (2 * C1 - 1) * slope0;
    }

    /**
     * Out of evaluations: the lowest point found, if it lowered the objective (sufficient decrease
     * holds there by construction, the curvature condition may not), else NaN.
     */
    private double acceptLow(double lo, double fLo) {
        if (!(lo > 0 && fLo < f0)) return Double.NaN;
        if (lo != trialAlpha) phi(lo);
        return trialValue < f0 ? lo : Double.NaN;
    }

    /**
     * Minimizer of the cubic through (lo, fLo, sLo) and (hi, fHi, sHi), kept inside the middle
     * 80 % of the interval so that it always shrinks; the midpoint when the cubic has no
     * minimum or hi's value is not finite.
     */
    private static double interpolate(double lo, double fLo, double sLo, double hi, double fHi, double sHi) {
        double a = 0.5 * (lo + hi);
        if (Double.isFinite(fHi) && Double.isFinite(sHi)) {
            double d1 = sLo + sHi - 3 * (fLo - fHi) / (lo - hi);
            double disc = d1 * d1 - sLo * sHi;
            if (disc >= 0) {
                double d2 = Math.copySign(Math.sqrt(disc), hi - lo);
                double denom = sHi - sLo + 2 * d2;
                if (denom != 0) {
                    double c = hi - (hi - lo) * (sHi + d2 - d1) / denom;
                    if (Double.isFinite(c)) a = c;
                }
            }
        }
        double left = Math.min(lo, hi), width = Math.abs(hi - lo);
        return Math.max(left + 0.1 * width, Math.min(left + 0.9 * width, a));
    }

    /** φ(a) = f(x + a d), evaluated into trial and trialGradient. */
    private double phi(double a) {
        for (int k = 0; k < n; k++) trial[k] = x[k] + a * d[k];
        evaluations++;
        used++;
        trialValue = objective.evaluate(trial, trialGradient);
        trialSlope = dot(trialGradient, d);
        trialAlpha = a;
        return trialValue;
    }

    /** The accepted point (not a copy: the next search overwrites it). */
    public double[] point() { return trial; }

    /** The gradient at the accepted point (not a copy). */
    public double[] gradient() { return trialGradient; }

    /** The objective at the accepted point. */
    public double value() { return trialValue; }

    /** Objective evaluations made by all searches so far. */
    public long evaluations() { return evaluations; }

    public static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) sum += a[k] * b[k];
        return sum;
    }
}
