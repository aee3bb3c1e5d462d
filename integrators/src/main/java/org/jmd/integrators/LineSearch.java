package org.jmd.integrators;

/**
 * A line search for the strong Wolfe conditions (Nocedal and Wright, Algorithms 3.5 and 3.6,
 * with cubic interpolation), shared by L-BFGS and conjugate gradients.
 *
 * <p>Close to a minimum the energy changes of a step fall to the level of round-off in the
 * energy sum, where the sufficient-decrease test becomes noise. There the search accepts a step
 * on Hager and Zhang's approximate Wolfe conditions, which rely on the (accurate) directional
 * derivative only, so a tight fmax can still be reached.
 */
final class LineSearch {
    private static final double C1 = 1e-4;
    private static final int MAX_EVALUATIONS = 30;

    private final double c2;
    private double[] trialX = new double[0], trialG = new double[0];
    private double lastAlpha;
    private int evaluations;

    /** @param c2 curvature parameter: 0.9 for quasi-Newton, 0.1 for conjugate gradients */
    LineSearch(double c2) { this.c2 = c2; }

    /**
     * Searches along p from x. On success x, g hold the new point and its gradient, the system is
     * at that point, and the return value is the step length and the new objective in
     * {@code out[0]}; on failure (no acceptable step found) returns 0 and leaves x, g unchanged,
     * though the system may be at a trial point.
     */
    double search(Relaxation r, double[] x, double f0, double[] g, double[] p, double alpha0, double alphaMax, double[] out) {
        int n = x.length;
        if (trialX.length != n) { trialX = new double[n]; trialG = new double[n]; }
        evaluations = 0;
        double dphi0 = dot(g, p);
        if (!(dphi0 < 0)) return 0;
        double eps = 1e-11 * (1 + Math.abs(f0));
        double alphaPrev = 0, phiPrev = f0, dphiPrev = dphi0;
        double alpha = Math.min(alpha0, alphaMax);
        while (evaluations < MAX_EVALUATIONS) {
            double phi = evaluate(r, x, p, alpha);
            double dphi = dot(trialG, p);
            if (!Double.isFinite(phi)) {
                // far outside the region where the model is finite: shrink towards the last good point
                alpha = alphaPrev + 0.1 * (alpha - alphaPrev);
                continue;
            }
            if (approximateWolfe(phi, dphi, f0, dphi0, eps) || strongWolfe(phi, dphi, alpha, f0, dphi0)) return accept(r, x, g, p, alpha, phi, out);
            if (phi > f0 + C1 * alpha * dphi0 || (alphaPrev > 0 && phi >= phiPrev)) {
                return zoom(r, x, g, p, f0, dphi0, eps, alphaPrev, phiPrev, dphiPrev, alpha, phi, dphi, out);
            }
            if (dphi >= 0) return zoom(r, x, g, p, f0, dphi0, eps, alpha, phi, dphi, alphaPrev, phiPrev, dphiPrev, out);
            if (alpha >= alphaMax) return accept(r, x, g, p, alpha, phi, out); // longest allowed step, still descending
            alphaPrev = alpha; phiPrev = phi; dphiPrev = dphi;
            alpha = Math.min(2 * alpha, alphaMax);
        }
        return 0;
    }

    private double zoom(Relaxation r, double[] x, double[] g, double[] p, double f0, double dphi0, double eps,
                        double lo, double phiLo, double dphiLo, double hi, double phiHi, double dphiHi, double[] out) {
        while (evaluations < MAX_EVALUATIONS) {
            double alpha = cubicMinimizer(lo, phiLo, dphiLo, hi, phiHi, dphiHi);
            double left = Math.min(lo, hi), width = Math.abs(hi - lo);
            // keep the trial well inside the bracket so it always shrinks
            if (!(alpha > left + 0.1 * width && alpha < left + 0.9 * width)) alpha = 0.5 * (lo + hi);
            double phi = evaluate(r, x, p, alpha);
            double dphi = dot(trialG, p);
            if (approximateWolfe(phi, dphi, f0, dphi0, eps)) return accept(r, x, g, p, alpha, phi, out);
            if (!(phi <= f0 + C1 * alpha * dphi0) || phi >= phiLo) {
                hi = alpha; phiHi = phi; dphiHi = dphi;
            } else {
                if (Math.abs(dphi) <= -c2 * dphi0) return accept(r, x, g, p, alpha, phi, out);
                if (dphi * (hi - lo) >= 0) { hi = lo; phiHi = phiLo; dphiHi = dphiLo; }
                lo = alpha; phiLo = phi; dphiLo = dphi;
            }
            if (width < 1e-14 * Math.max(1, Math.abs(lo))) break;
        }
        // out of evaluations: the best point that decreased the objective is still progress
        if (lo > 0 && phiLo < f0) return accept(r, x, g, p, lo, phiLo, out);
        return 0;
    }

    private boolean strongWolfe(double phi, double dphi, double alpha, double f0, double dphi0) {
        return phi <= f0 + C1 * alpha * dphi0 && Math.abs(dphi) <= -c2 * dphi0;
    }

    /** Hager–Zhang: φ(α) ≤ φ(0) + ε and c2 φ'(0) ≤ φ'(α) ≤ (2 c1 − 1) φ'(0). */
    private boolean approximateWolfe(double phi, double dphi, double f0, double dphi0, double eps) {
        return phi <= f0 + eps && dphi >= c2 * dphi0 && dphi <= (2 * C1 - 1) * dphi0;
    }

    private double evaluate(Relaxation r, double[] x, double[] p, double alpha) {
        for (int k = 0; k < x.length; k++) trialX[k] = x[k] + alpha * p[k];
        evaluations++;
        lastAlpha = alpha;
        return r.evaluate(trialX, trialG);
    }

    private double accept(Relaxation r, double[] x, double[] g, double[] p, double alpha, double phi, double[] out) {
        if (alpha != lastAlpha) phi = evaluate(r, x, p, alpha);
        System.arraycopy(trialX, 0, x, 0, x.length);
        System.arraycopy(trialG, 0, g, 0, g.length);
        out[0] = phi;
        return alpha;
    }

    /** Minimizer of the cubic through (a, fa, ga) and (b, fb, gb); NaN if it has none. */
    private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (!(disc >= 0)) return Double.NaN;
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
