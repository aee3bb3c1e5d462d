package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The radial functions g(r) = exp(−a(r − b)²) f_c(r) one centre/neighbour channel needs, one row
 * position per distinct (a, b, r_c), evaluated together for a neighbour. Two identities keep the
 * exponentials few:
 * <ul>
 * <li>Gaussians whose centres lie on an evenly spaced grid come from two exponentials by
 *     recurrence ({@link GaussianGrid});</li>
 * <li>exp(−m·a₀(r − b)²) = [exp(−a₀(r − b)²)]^m, so the widths of one cutoff that are whole
 *     multiples of a common a₀ (0.5, 1.5 and 4 Å⁻² are 1, 3 and 8 times 0.5) share one grid of
 *     width a₀ and take a small power of it.</li>
 * </ul>
 * The channel's two-body terms are folded into one weight per position: the pair function
 * φ(r) = Σ w g(r) of the channel.
 */
final class RadialChannel {
    /** Largest power m taken of a base Gaussian (its relative round-off grows like m). */
    static final int MAX_MULTIPLE = 16;

    /** Base grids and the index of each one's cutoff among the centre's cutoffs. */
    final GaussianGrid[] grids;
    final int[] gridCutoff;
    /** Per row position: its base grid, the point on that grid, the power m, and a, b of the radial. */
    final int[] grid, point, power;
    final double[] minusTwoA, centre, radialCutoff;
    /** Positions of grid k: {@code gridStart[k] .. gridStart[k+1]}. */
    final int[] gridStart;
    /** Runs of positions with one grid and one power m: {@code runStart[j] .. runStart[j+1]}, runs of grid k from {@code gridRun[k]}. */
    final int[] runStart, runPower, gridRun;
    final int width;
    /** Two-body weight of each row position (zero where no two-body term uses it). */
    final double[] pairWeight;
    private final Map<List<Double>, Integer> position = new LinkedHashMap<>();
    private final int longestGrid;
    /** Positions at and beyond this carry no two-body weight. */
    private final int pairEnd;

    /**
     * @param radials  distinct (a, b, rc) triples
     * @param cutoffs  the centre's distinct cutoffs, which gridCutoff indexes
     */
    RadialChannel(List<double[]> radials, double[] cutoffs, Map<List<Double>, Double> pairWeights) {
        Map<Double, List<double[]>> byCutoff = new LinkedHashMap<>();
        for (double[] r : radials) byCutoff.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r);
        List<GaussianGrid> grids = new ArrayList<>();
        List<Integer> gridCut = new ArrayList<>();
        List<int[]> slots = new ArrayList<>();       // {grid, point, power}
        List<double[]> slotRadial = new ArrayList<>();
        for (Map.Entry<Double, List<double[]>> e : byCutoff.entrySet()) {
            int cut = indexOf(cutoffs, e.getKey());
            List<double[]> group = e.getValue();
            double base = commonWidth(group);
            TreeSet<Double> centres = new TreeSet<>();
            for (double[] r : group) centres.add(r[1]);
            double[] b = centres.stream().mapToDouble(Double::doubleValue).toArray();
            List<GaussianGrid> planned = new ArrayList<>();
            int[][] where = base > 0 ? GaussianGrid.plan(base, b, planned) : null;
            if (where != null && (planned.size() == 1 || group.size() == 1)) {
                // one grid of the common width serves every radial of this cutoff
                int g = grids.size();
                grids.addAll(planned);
                for (int k = 0; k < planned.size(); k++) gridCut.add(cut);
                for (double[] r : group) {
                    int at = centres.headSet(r[1]).size();
                    slots.add(new int[] {g + where[0][at], where[1][at], (int) Math.round(r[0] / base)});
                    slotRadial.add(r);
                }
            } else {
                // widths without a common multiple, or centres off a grid: one set of grids per width
                Map<Double, List<double[]>> byWidth = new LinkedHashMap<>();
                for (double[] r : group) byWidth.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
                for (Map.Entry<Double, List<double[]>> w : byWidth.entrySet()) {
                    double[] bw = w.getValue().stream().mapToDouble(r -> r[1]).toArray();
                    int[][] at = GaussianGrid.plan(w.getKey(), bw, grids);
                    while (gridCut.size() < grids.size()) gridCut.add(cut);
                    for (int k = 0; k < bw.length; k++) {
                        slots.add(new int[] {at[0][k], at[1][k], 1});
                        slotRadial.add(w.getValue().get(k));
                    }
                }
            }
        }
        this.grids = grids.toArray(new GaussianGrid[0]);
        gridCutoff = gridCut.stream().mapToInt(Integer::intValue).toArray();
        // positions ordered by grid, so each grid's positions are contiguous
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < slots.size(); k++) order.add(k);
        order.sort((x, y) -> slots.get(x)[0] != slots.get(y)[0] ? Integer.compare(slots.get(x)[0], slots.get(y)[0])
                : Integer.compare(slots.get(x)[2], slots.get(y)[2]));
        width = slots.size();
        grid = new int[width];
        point = new int[width];
        power = new int[width];
        minusTwoA = new double[width];
        centre = new double[width];
        radialCutoff = new double[width];
        gridStart = new int[this.grids.length + 1];
        for (int p = 0; p < width; p++) {
            int k = order.get(p);
            double[] r = slotRadial.get(k);
            grid[p] = slots.get(k)[0];
            point[p] = slots.get(k)[1];
            power[p] = slots.get(k)[2];
            minusTwoA[p] = -2 * r[0];
            centre[p] = r[1];
            radialCutoff[p] = r[2];
            position.put(List.of(r[0], r[1], r[2]), p);
        }
        for (int k = 0, p = 0; k <= this.grids.length; k++) {
            while (p < width && grid[p] < k) p++;
            gridStart[k] = p;
        }
        int longest = 1;
        for (GaussianGrid g : this.grids) longest = Math.max(longest, g.size());
        longestGrid = longest;
        // runs of one power within each grid (positions are sorted by grid, then power)
        List<Integer> starts = new ArrayList<>(), powers = new ArrayList<>();
        gridRun = new int[this.grids.length + 1];
        for (int k = 0; k < this.grids.length; k++) {
            gridRun[k] = starts.size();
            for (int p = gridStart[k]; p < gridStart[k + 1]; p++) {
                if (p == gridStart[k] || power[p] != power[p - 1]) {
                    starts.add(p);
                    powers.add(power[p]);
                }
            }
        }
        gridRun[this.grids.length] = starts.size();
        starts.add(width);
        runStart = starts.stream().mapToInt(Integer::intValue).toArray();
        runPower = powers.stream().mapToInt(Integer::intValue).toArray();
        pairWeight = new double[width];
        int end = 0;
        for (Map.Entry<List<Double>, Double> e : pairWeights.entrySet()) {
            int p = position(e.getKey());
            pairWeight[p] += e.getValue();
            if (pairWeight[p] != 0) end = Math.max(end, p + 1);
        }
        pairEnd = end;
    }

    /**
     * The a₀ of which every width of the group is a whole multiple m ≤ {@link #MAX_MULTIPLE}
     * (trying the smallest width divided by 1, 2, …), or 0 if there is none.
     */
    static double commonWidth(List<double[]> group) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double[] r : group) smallest = Math.min(smallest, r[0]);
        if (!(smallest > 0)) return 0;
        for (int divisor = 1; divisor <= MAX_MULTIPLE; divisor++) {
            double base = smallest / divisor;
            boolean ok = true;
            for (double[] r : group) {
                double m = r[0] / base;
                if (Math.rint(m) > MAX_MULTIPLE || Math.abs(m - Math.rint(m)) > 1e-13 * m) { ok = false; break; }
            }
            if (ok) return base;
        }
        return 0;
    }

    /** Length of the work buffer {@link #evaluate} needs. */
    int bufferLength() { return longestGrid; }

    /** Row position of the radial (a, b, rc). */
    int position(List<Double> radial) {
        Integer p = position.get(radial);
        if (p == null) throw new IllegalArgumentException("no radial " + radial + " in this channel");
        return p;
    }

    /**
     * Evaluates every radial at r into g (with the cutoff) and dg/dr into dg, one entry per row
     * position, from the cutoff values fc[2k], dfc[2k+1] of the centre's cutoffs. Returns the pair
     * energy φ(r) and writes φ'(r) into dphi[q]. {@code base} is a work buffer of
     * {@link #bufferLength()}.
     */
    double evaluate(double r, double[] fc, double[] g, double[] dg, double[] dphi, int q, double[] base) {
        for (int k = 0; k < grids.length; k++) {
            int cut = 2 * gridCutoff[k], from = gridStart[k], to = gridStart[k + 1];
            double f = fc[cut];
            if (f == 0) {
                for (int p = from; p < to; p++) { g[p] = 0; dg[p] = 0; }
                continue;
            }
            double df = fc[cut + 1];
            grids[k].evaluate(r, base, 0);
            for (int j = gridRun[k]; j < gridRun[k + 1]; j++) powers(base, runStart[j], runStart[j + 1], runPower[j], g);
            // all arrays at the same index: a loop the JIT vectorizes
            for (int p = from; p < to; p++) {
                double gauss = g[p];
                g[p] = f * gauss;
                dg[p] = (df + minusTwoA[p] * (r - centre[p]) * f) * gauss;
            }
        }
        dphi[q] = Dot.of(pairWeight, dg, 0, pairEnd);
        return Dot.of(pairWeight, g, 0, pairEnd);
    }

    /** g[p] = base[point[p]]^m for p in [from, to), with the common powers written out so no loop branches per position. */
    private void powers(double[] base, int from, int to, int m, double[] g) {
        int[] pt = point;
        switch (m) {
            case 1:
                for (int p = from; p < to; p++) g[p] = base[pt[p]];
                break;
            case 2:
                for (int p = from; p < to; p++) { double x = base[pt[p]]; g[p] = x * x; }
                break;
            case 3:
                for (int p = from; p < to; p++) { double x = base[pt[p]]; g[p] = x * x * x; }
                break;
            case 4:
                for (int p = from; p < to; p++) { double x = base[pt[p]], x2 = x * x; g[p] = x2 * x2; }
                break;
            case 8:
                for (int p = from; p < to; p++) { double x = base[pt[p]], x2 = x * x, x4 = x2 * x2; g[p] = x4 * x4; }
                break;
            default:
                for (int p = from; p < to; p++) {
                    double x = base[pt[p]], result = 1;
                    for (int e = m; e > 0; e >>= 1, x *= x) if ((e & 1) != 0) result *= x;
                    g[p] = result;
                }
        }
    }

    private static int indexOf(double[] values, double v) {
        for (int k = 0; k < values.length; k++) if (values[k] == v) return k;
        throw new IllegalArgumentException("cutoff " + v + " not listed");
    }
}
