package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The radial functions g(r) = exp(−a(r − b)²) f_c(r) one centre/neighbour channel needs, laid out
 * as one row per neighbour: Gaussians of one width and cutoff share a {@link GaussianGrid}, so a
 * neighbour costs two exponentials per grid, not one per term. The channel's two-body terms are
 * folded into one weight per row position: the pair function φ(r) = Σ w g(r) of the channel.
 */
final class RadialChannel {
    final GaussianGrid[] grids;
    /** First row position of each grid, and the index of its cutoff among the centre's cutoffs. */
    final int[] gridOffset, gridCutoff;
    /** −2a of each grid (dG/dr = −2a(r − b)G). */
    final double[] minusTwoA;
    final int width;
    /** Two-body weight of each row position (zero where no two-body term uses it). */
    final double[] pairWeight;
    final boolean hasPairTerms;
    private final Map<List<Double>, Integer> position = new LinkedHashMap<>();

    /**
     * @param radials  distinct (a, b, rc) triples
     * @param cutoffs  the centre's distinct cutoffs, which gridCutoff indexes
     */
    RadialChannel(List<double[]> radials, double[] cutoffs, Map<List<Double>, Double> pairWeights) {
        // group by (a, rc), keeping first-use order
        Map<List<Double>, List<Double>> byWidth = new LinkedHashMap<>();
        for (double[] r : radials) byWidth.computeIfAbsent(List.of(r[0], r[2]), k -> new ArrayList<>()).add(r[1]);
        List<GaussianGrid> list = new ArrayList<>();
        List<Integer> cut = new ArrayList<>();
        Map<List<Double>, int[]> where = new LinkedHashMap<>();
        for (Map.Entry<List<Double>, List<Double>> e : byWidth.entrySet()) {
            double a = e.getKey().get(0), rc = e.getKey().get(1);
            double[] centres = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            int before = list.size();
            int[][] plan = GaussianGrid.plan(a, centres, list);
            for (int g = before; g < list.size(); g++) cut.add(indexOf(cutoffs, rc));
            for (int k = 0; k < centres.length; k++) where.put(List.of(a, centres[k], rc), new int[] {plan[0][k], plan[1][k]});
        }
        grids = list.toArray(new GaussianGrid[0]);
        gridOffset = new int[grids.length];
        gridCutoff = new int[grids.length];
        minusTwoA = new double[grids.length];
        int w = 0;
        for (int g = 0; g < grids.length; g++) {
            gridOffset[g] = w;
            gridCutoff[g] = cut.get(g);
            minusTwoA[g] = -2 * grids[g].a;
            w += grids[g].size();
        }
        width = w;
        for (Map.Entry<List<Double>, int[]> e : where.entrySet()) position.put(e.getKey(), gridOffset[e.getValue()[0]] + e.getValue()[1]);
        pairWeight = new double[width];
        boolean any = false;
        for (Map.Entry<List<Double>, Double> e : pairWeights.entrySet()) {
            pairWeight[position(e.getKey())] += e.getValue();
            any |= e.getValue() != 0;
        }
        hasPairTerms = any;
    }

    /** Row position of the radial (a, b, rc). */
    int position(List<Double> radial) {
        Integer p = position.get(radial);
        if (p == null) throw new IllegalArgumentException("no radial " + radial + " in this channel");
        return p;
    }

    /**
     * Evaluates every radial at r into g[off ..) (with the cutoff) and dg/dr into dg[off ..), from
     * the cutoff values fc[2k], dfc[2k+1] of the centre's cutoffs. Returns the pair energy φ(r)
     * and writes φ'(r) into dphi[q].
     */
    double evaluate(double r, double[] fc, double[] g, double[] dg, int off, double[] dphi, int q) {
        double e = 0, de = 0;
        double[] w = pairWeight;
        for (int k = 0; k < grids.length; k++) {
            int o = off + gridOffset[k], n = grids[k].size(), cut = 2 * gridCutoff[k];
            double f = fc[cut];
            if (f == 0) {
                for (int j = o; j < o + n; j++) { g[j] = 0; dg[j] = 0; }
                continue;
            }
            double df = fc[cut + 1], m2a = minusTwoA[k] * f;
            double[] b = grids[k].centre;
            grids[k].evaluate(r, g, o);
            for (int j = 0; j < n; j++) {
                double gauss = g[o + j];
                double v = f * gauss, dv = (df + m2a * (r - b[j])) * gauss;
                g[o + j] = v;
                dg[o + j] = dv;
                double wj = w[o - off + j];
                e += wj * v;
                de += wj * dv;
            }
        }
        dphi[q] = de;
        return e;
    }

    private static int indexOf(double[] values, double v) {
        for (int k = 0; k < values.length; k++) if (values[k] == v) return k;
        throw new IllegalArgumentException("cutoff " + v + " not listed");
    }
}
