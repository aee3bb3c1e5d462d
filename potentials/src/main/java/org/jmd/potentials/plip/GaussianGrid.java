package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gaussians exp(−a (r − b_k)²) of one width a whose centres lie on an evenly spaced grid
 * b_k = b_0 + kΔ, k = 0…K−1 (a PLIP candidate grid is exactly this). They are evaluated with two
 * exponentials per neighbour instead of K: from the centre k* nearest r,
 * <pre>
 *   G_{k+1} = G_k · t_k,  t_{k*} = exp(aΔ(2x − Δ)),  t_{k+1} = t_k · ρ       (upwards)
 *   G_{k−1} = G_k · s_k,  s_{k*} = ρ / t_{k*},        s_{k−1} = s_k · ρ       (downwards)
 * </pre>
 * with x = r − b_{k*} and ρ = exp(−2aΔ²): exact identities, so the only error is round-off, about
 * one unit in the last place per step. Walking away from the nearest centre keeps every factor
 * at most 1, so nothing overflows, and values too small for a double simply become zero.
 */
final class GaussianGrid {
    /** Largest aΔ² walked by recurrence (ρ = e^−100): wider grids are evaluated Gaussian by Gaussian. */
    static final double MAX_STEP_WIDTH = 50;
    /** A grid may have gaps, but not more grid points than this many times its Gaussians (plus a few). */
    static final int MAX_FILL = 4;
    /**
     * How far a centre may lie from its grid point, in units of the spacing, and still count as on
     * it (centres written as b₀ + kΔ in decimal are off by ~1e-15): the recurrence then evaluates
     * the Gaussian at the grid point, a relative error of at most 2a|r − b|·ON_GRID·Δ.
     */
    static final double ON_GRID = 1e-12;

    final double a;
    /** Grid points b_k (the terms' own centres where they have one). */
    final double[] centre;
    final double step;
    private final double ratio, first;

    GaussianGrid(double a, double first, double step, int size, double[] exactCentres, int[] exactIndices) {
        this.a = a;
        this.first = first;
        this.step = step;
        this.centre = new double[size];
        for (int k = 0; k < size; k++) centre[k] = first + k * step;
        for (int e = 0; e < exactIndices.length; e++) centre[exactIndices[e]] = exactCentres[e];
        this.ratio = Math.exp(-2 * a * step * step);
    }

    int size() { return centre.length; }

    /** G_k(r) for every grid point into out[off .. off+K). */
    void evaluate(double r, double[] out, int off) {
        int size = centre.length;
        if (size == 1) {
            double x = r - centre[0];
            out[off] = Math.exp(-a * x * x);
            return;
        }
        int k = (int) Math.rint((r - first) / step);
        k = k < 0 ? 0 : k >= size ? size - 1 : k;
        double x = r - centre[k];
        double gk = Math.exp(-a * x * x), up = Math.exp(a * step * (2 * x - step));
        out[off + k] = gk;
        double g = gk, t = up;
        for (int j = k + 1; j < size; j++) {
            g *= t;
            t *= ratio;
            out[off + j] = g;
        }
        g = gk;
        t = ratio / up; // up is ≥ ρ whenever k > 0, and when it overflows the downward values are below any double
        for (int j = k - 1; j >= 0; j--) {
            g *= t;
            t *= ratio;
            out[off + j] = g;
        }
    }

    /**
     * Groups Gaussian centres of one width into grids: all of them on one grid when they lie on
     * an evenly spaced set of points that is not too sparse and not too wide for the recurrence,
     * otherwise each centre alone. Returns for every centre (in the order given) its grid (index
     * into {@code out}, counted from out's size on entry) and its position on that grid.
     */
    static int[][] plan(double a, double[] centres, List<GaussianGrid> out) {
        int n = centres.length;
        int[] grid = new int[n], position = new int[n];
        double[] sorted = centres.clone();
        Arrays.sort(sorted);
        double step = gridStep(sorted);
        // in floating point: centres far apart (b up to 1e308 is a valid, if useless, number) must not overflow the count
        double points = step > 0 ? Math.rint((sorted[n - 1] - sorted[0]) / step) + 1 : 0;
        boolean usable = n >= 3 && step > 0 && a * step * step <= MAX_STEP_WIDTH && points <= MAX_FILL * n + 4;
        int size = usable ? (int) points : 0;
        if (usable) {
            int[] idx = new int[n];
            for (int e = 0; e < n; e++) {
                idx[e] = (int) Math.round((centres[e] - sorted[0]) / step);
                grid[e] = out.size();
                position[e] = idx[e];
            }
            out.add(new GaussianGrid(a, sorted[0], step, size, centres, idx));
        } else {
            for (int e = 0; e < n; e++) {
                grid[e] = out.size();
                position[e] = 0;
                out.add(new GaussianGrid(a, centres[e], 1, 1, new double[] {centres[e]}, new int[] {0}));
            }
        }
        return new int[][] {grid, position};
    }

    /**
     * The spacing Δ of an evenly spaced grid holding every (sorted, distinct) centre, or 0 if there
     * is none: the smallest gap, or that gap divided by 2…6 (grids of 0.2 and 0.3 Å meet on 0.1 Å).
     */
    static double gridStep(double[] sorted) {
        int n = sorted.length;
        if (n < 2) return 0;
        double gap = Double.POSITIVE_INFINITY;
        for (int e = 1; e < n; e++) gap = Math.min(gap, sorted[e] - sorted[e - 1]);
        if (!(gap > 0)) return 0;
        for (int divisor = 1; divisor <= 6; divisor++) {
            double approx = gap / divisor;
            // refine from the whole span, then check every centre against it
            double span = sorted[n - 1] - sorted[0];
            double step = span / Math.round(span / approx);
            boolean ok = true;
            for (double b : sorted) {
                double k = (b - sorted[0]) / step;
                if (Math.abs(k - Math.rint(k)) > ON_GRID) { ok = false; break; }
            }
            if (ok) return step;
        }
        return 0;
    }

    /** Convenience for tests: the grids made for these centres. */
    static List<GaussianGrid> gridsFor(double a, double... centres) {
        List<GaussianGrid> out = new ArrayList<>();
        plan(a, centres, out);
        return out;
    }
}
