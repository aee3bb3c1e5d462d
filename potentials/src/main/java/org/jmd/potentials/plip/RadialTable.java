package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The radial functions of one centre/neighbour channel tabulated once when the model loads: the
 * pair function φ(r) = Σ w g(r) of all its two-body terms as one function, and each radial that a
 * density or a three-body family reads as one function, per cutoff on a uniform grid from 0 to
 * that cutoff. Each interval holds the quintic Hermite interpolant of the exact values and first
 * and second derivatives at its two ends, so the tabulated functions are C² (the forces are the
 * exact gradient of the tabulated energy) and a function's error falls like h⁶; a neighbour costs
 * one interval look-up and two short polynomials per function instead of exponentials and the
 * cutoff series.
 *
 * <p>The grid is refined from {@link #FIRST_STEP} by halving until, at three points inside every
 * interval, each function's value and derivative agree with the exact ones within
 * {@link #TOLERANCE} of the function's largest value and largest derivative. A channel that does
 * not get there within {@link #MAX_INTERVALS} intervals (absurdly narrow Gaussians) is not
 * tabulated: {@link #build} returns null and the kernel evaluates it term by term.
 *
 * <p>Writes into the same row positions as {@link RadialChannel#evaluate}, so the densities and
 * three-body families read their values as before; a position only the pair function uses is
 * not written.
 */
final class RadialTable {
    /** Allowed error at the check points, relative to the function's largest value (derivative: largest derivative). */
    static final double TOLERANCE = 1e-9;
    /** Grid spacing tried first, Å. */
    static final double FIRST_STEP = 0.05;
    /** Most intervals per cutoff. */
    static final int MAX_INTERVALS = 1 << 15;
    /** Coefficients per function and interval. */
    private static final int ROW = 6;

    /**
     * What a row position is needed for: nothing (φ only), a three-body family of the centre's
     * longest three-body cutoff (read only for neighbours within it), a density or a shorter
     * three-body family (read beyond its cutoff too, so zeroed there).
     */
    static final int UNUSED = 0, THREE_BODY = 1, ZEROED = 2;

    /** Per cutoff (decreasing): its inverse spacing, intervals, functions, whether function 0 is φ. */
    private final double[] cutoff, inverseStep;
    private final int[] intervals, functions;
    private final boolean[] pair;
    /** Row position of each function (−1 for φ); positions zeroed beyond the cutoff (the densities'). */
    private final int[][] position, zeroed;
    /**
     * Per cutoff: the six coefficients in t = (r − r_i)/h of every interval and function,
     * [interval][function][6], so that one neighbour reads one contiguous block.
     */
    private final double[][] table;

    private RadialTable(List<Segment> segments) {
        int n = segments.size();
        cutoff = new double[n];
        inverseStep = new double[n];
        intervals = new int[n];
        functions = new int[n];
        pair = new boolean[n];
        position = new int[n][];
        zeroed = new int[n][];
        table = new double[n][];
        for (int k = 0; k < n; k++) {
            Segment s = segments.get(k);
            cutoff[k] = s.cutoff;
            intervals[k] = s.intervals;
            inverseStep[k] = s.intervals / s.cutoff;
            functions[k] = s.position.length;
            pair[k] = s.position.length > 0 && s.position[0] < 0;
            position[k] = s.position;
            zeroed[k] = s.zeroed;
            table[k] = s.table;
        }
    }

    /**
     * Tabulates the channel's pair function and the radials marked in {@code needed} (by row
     * position: {@link #THREE_BODY} or {@link #ZEROED}); null when some function cannot be
     * tabulated within the tolerance.
     */
    static RadialTable build(RadialChannel ch, int[] needed) {
        TreeSet<Double> cuts = new TreeSet<>();
        for (int p = 0; p < ch.width; p++) if (ch.pairWeight[p] != 0 || needed[p] != UNUSED) cuts.add(ch.radialCutoff[p]);
        List<Segment> segments = new ArrayList<>();
        for (double rc : cuts.descendingSet()) {
            List<double[]> funcs = new ArrayList<>();   // per function: a, b, w triples
            List<Integer> pos = new ArrayList<>();
            List<Double> pa = new ArrayList<>(), pb = new ArrayList<>(), pw = new ArrayList<>();
            for (int p = 0; p < ch.width; p++) {
                if (ch.radialCutoff[p] != rc || ch.pairWeight[p] == 0) continue;
                pa.add(-0.5 * ch.minusTwoA[p]);
                pb.add(ch.centre[p]);
                pw.add(ch.pairWeight[p]);
            }
            if (!pa.isEmpty()) {
                double[] f = new double[3 * pa.size()];
                for (int k = 0; k < pa.size(); k++) { f[3 * k] = pa.get(k); f[3 * k + 1] = pb.get(k); f[3 * k + 2] = pw.get(k); }
                funcs.add(f);
                pos.add(-1);
            }
            List<Integer> zero = new ArrayList<>();
            for (int p = 0; p < ch.width; p++) {
                if (ch.radialCutoff[p] != rc || needed[p] == UNUSED) continue;
                funcs.add(new double[] {-0.5 * ch.minusTwoA[p], ch.centre[p], 1});
                pos.add(p);
                if (needed[p] == ZEROED) zero.add(p);
            }
            Segment s = Segment.fit(rc, funcs, pos.stream().mapToInt(Integer::intValue).toArray(),
                    zero.stream().mapToInt(Integer::intValue).toArray());
            if (s == null) return null;
            segments.add(s);
        }
        return new RadialTable(segments);
    }

    /** Intervals of each cutoff (largest cutoff first), for tests and the documentation. */
    int[] intervals() { return intervals.clone(); }

    /**
     * At distance r (0 &lt; r): the tabulated radials into g[p], dg[p] (zero beyond their cutoff
     * where a density or a three-body family of a longer cutoff could read them); returns φ(r)
     * and writes φ'(r) into dphi[q].
     */
    double evaluate(double r, double[] g, double[] dg, double[] dphi, int q) {
        double phi = 0, dp = 0;
        for (int k = 0; k < cutoff.length; k++) {
            if (r >= cutoff[k]) {
                for (int p : zeroed[k]) { g[p] = 0; dg[p] = 0; }
                continue;
            }
            double inv = inverseStep[k], x = r * inv;
            int i = (int) x, nf = functions[k];
            if (i >= intervals[k]) i = intervals[k] - 1;
            double t = x - i;
            // powers of t shared by the functions: each polynomial is then independent multiply-adds,
            // not a chain of dependent Horner steps
            double t2 = t * t, t3 = t2 * t, t4 = t2 * t2, t5 = t4 * t;
            double u2 = 2 * t, u3 = 3 * t2, u4 = 4 * t3, u5 = 5 * t4;
            double[] c = table[k];
            int[] pos = position[k];
            int o = i * ROW * nf, f = 0;
            if (pair[k]) {
                phi += value(c, o, t, t2, t3, t4, t5);
                dp += slope(c, o, u2, u3, u4, u5) * inv;
                f = 1;
                o += ROW;
            }
            for (; f < nf; f++, o += ROW) {
                int p = pos[f];
                g[p] = value(c, o, t, t2, t3, t4, t5);
                dg[p] = slope(c, o, u2, u3, u4, u5) * inv;
            }
        }
        dphi[q] = dp;
        return phi;
    }

    /** The quintic of the coefficients at c[o .. o+5] at t (with t², …, t⁵). */
    private static double value(double[] c, int o, double t, double t2, double t3, double t4, double t5) {
        return (c[o] + c[o + 1] * t) + (c[o + 2] * t2 + c[o + 3] * t3) + (c[o + 4] * t4 + c[o + 5] * t5);
    }

    /** d/dt of {@link #value}, with u_n = n·t^(n−1). */
    private static double slope(double[] c, int o, double u2, double u3, double u4, double u5) {
        return (c[o + 1] + c[o + 2] * u2) + (c[o + 3] * u3 + c[o + 4] * u4) + c[o + 5] * u5;
    }

    private static double value(double[] c, int o, double t) { return value(c, o, t, t * t, t * t * t, t * t * t * t, t * t * t * t * t); }

    private static double slope(double[] c, int o, double t) { return slope(c, o, 2 * t, 3 * t * t, 4 * t * t * t, 5 * t * t * t * t); }

    /** One cutoff's functions on one grid. */
    private static final class Segment {
        final double cutoff;
        final int intervals;
        final int[] position, zeroed;
        final double[] table;

        private Segment(double cutoff, int intervals, int[] position, int[] zeroed, double[] table) {
            this.cutoff = cutoff;
            this.intervals = intervals;
            this.position = position;
            this.zeroed = zeroed;
            this.table = table;
        }

        static Segment fit(double rc, List<double[]> funcs, int[] position, int[] zeroed) {
            int n = (int) Math.ceil(rc / FIRST_STEP);
            while (n <= MAX_INTERVALS) {
                double[] table = coefficients(rc, n, funcs);
                if (accurate(rc, n, funcs, table)) return new Segment(rc, n, position, zeroed, table);
                n *= 2;
            }
            return null;
        }

        /** Quintic Hermite coefficients in t = (r − r_i)/h of every interval and function. */
        static double[] coefficients(double rc, int n, List<double[]> funcs) {
            int nf = funcs.size();
            double h = rc / n;
            double[] out = new double[n * nf * ROW];
            double[][] node = new double[n + 1][3 * nf];
            for (int i = 0; i <= n; i++)
                for (int f = 0; f < nf; f++) exact(funcs.get(f), rc, i == n ? rc : i * h, node[i], 3 * f);
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < nf; f++) {
                    double p0 = node[i][3 * f], d0 = h * node[i][3 * f + 1], s0 = h * h * node[i][3 * f + 2];
                    double p1 = node[i + 1][3 * f], d1 = h * node[i + 1][3 * f + 1], s1 = h * h * node[i + 1][3 * f + 2];
                    double dp = p1 - p0;
                    double[] c = {p0, d0, 0.5 * s0, 10 * dp - 6 * d0 - 4 * d1 - 1.5 * s0 + 0.5 * s1,
                        -15 * dp + 8 * d0 + 7 * d1 + 1.5 * s0 - s1, 6 * dp - 3 * d0 - 3 * d1 - 0.5 * s0 + 0.5 * s1};
                    System.arraycopy(c, 0, out, (i * nf + f) * ROW, ROW);
                }
            }
            return out;
        }

        /** Values and derivatives at t = ¼, ½, ¾ of every interval against the exact function. */
        static boolean accurate(double rc, int n, List<double[]> funcs, double[] table) {
            int nf = funcs.size();
            double h = rc / n;
            double[] e = new double[3];
            for (int f = 0; f < nf; f++) {
                double vmax = Double.MIN_NORMAL, dmax = Double.MIN_NORMAL;
                for (int i = 0; i <= 4 * n; i++) {
                    exact(funcs.get(f), rc, Math.min(rc, i * h / 4), e, 0);
                    vmax = Math.max(vmax, Math.abs(e[0]));
                    dmax = Math.max(dmax, Math.abs(e[1]));
                }
                for (int i = 0; i < n; i++)
                    for (int j = 1; j <= 3; j++) if (!close(funcs.get(f), rc, n, f, nf, table, (i + 0.25 * j) * rc / n, vmax, dmax, e)) return false;
                // and at the Gaussians' centres, which a narrow Gaussian could hide between check points
                double[] fn = funcs.get(f);
                for (int t = 0; t < fn.length; t += 3) {
                    double b = fn[t + 1];
                    if (b > 0 && b < rc && !close(fn, rc, n, f, nf, table, b, vmax, dmax, e)) return false;
                }
            }
            return true;
        }

        private static boolean close(double[] fn, double rc, int n, int f, int nf, double[] table, double r,
                                     double vmax, double dmax, double[] e) {
            double x = r * n / rc;
            int i = Math.min((int) x, n - 1);
            double t = x - i;
            int o = (i * nf + f) * ROW;
            exact(fn, rc, r, e, 0);
            vmax = Math.max(vmax, Math.abs(e[0]));
            dmax = Math.max(dmax, Math.abs(e[1]));
            return Math.abs(value(table, o, t) - e[0]) <= TOLERANCE * vmax && Math.abs(slope(table, o, t) * n / rc - e[1]) <= TOLERANCE * dmax;
        }
    }

    /**
     * Σ w exp(−a(r − b)²) f_c(r) over the (a, b, w) triples of f, with its first and second
     * derivatives, into out[off .. off+2]; from the library functions (load time only).
     */
    static void exact(double[] f, double rc, double r, double[] out, int off) {
        double k = Math.PI / rc, cos = Math.cos(k * r), sin = Math.sin(k * r);
        double fc = 0.5 * (cos + 1), dfc = -0.5 * k * sin, d2fc = -0.5 * k * k * cos;
        if (r > rc) { fc = 0; dfc = 0; d2fc = 0; } // at r = rc the limit from below: the last interval's end
        double v = 0, d1 = 0, d2 = 0;
        for (int t = 0; t < f.length; t += 3) {
            double a = f[t], x = r - f[t + 1], w = f[t + 2];
            double gauss = Math.exp(-a * x * x), g1 = -2 * a * x * gauss, g2 = (4 * a * a * x * x - 2 * a) * gauss;
            v += w * gauss * fc;
            d1 += w * (g1 * fc + gauss * dfc);
            d2 += w * (g2 * fc + 2 * g1 * dfc + gauss * d2fc);
        }
        out[off] = v;
        out[off + 1] = d1;
        out[off + 2] = d2;
    }
}
