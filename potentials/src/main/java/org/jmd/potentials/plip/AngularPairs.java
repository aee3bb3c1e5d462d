package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three-body terms of one centre species pair by pair: for neighbours j, k at angle θ,
 * Σ_f g_f(r_j) g_f(r_k) P_f(cos θ) with one polynomial P_f = Σ_l w_l cos^l per family (species
 * pair and radial). Over a neighbour's families F_j[f] = g_f(r_j); the pair adds
 * R_j[f] += F_k[f] P_f(cos θ) and R_k[f] += F_j[f] P_f(cos θ), so that afterwards
 * E = ½ Σ_j F_j·R_j and ∂E/∂r_j = F_j'·R_j; the angular part is returned per pair.
 *
 * <p>Cost: pairs × families × (orders + 1), against neighbours × moments for
 * {@link AngularMoments}: fewer when there are few neighbours, high orders or few families. All
 * loops run over the families with every array at the same index and at most four input rows,
 * which the JIT vectorizes; up to order 6 (the trainer's default) the polynomial and its
 * derivative are written out.
 */
final class AngularPairs {
    /** Orders up to this use the written-out polynomial (lower orders padded with zero rows). */
    static final int FUSED_ORDER = 6;

    final int familyCount, maxOrder;
    /** Families, ordered by neighbour species pair: species, row positions of the radial in each one's channel. */
    final int[] familyN1, familyN2, familyPosition1, familyPosition2;
    /** Families of the species pair {s1, s2} (s1 ≤ s2): {@code pairStart[s1·S + s2] .. pairEnd[s1·S + s2]}. */
    final int[] pairStart, pairEnd;
    /** Weight of cos^l for each family, w[l][f], and of its derivative, dw[l][f] = (l+1) w[l+1][f]. */
    final double[][] w, dw;
    private final int species;

    AngularPairs(int species, List<ThreeBodyTerm> terms) {
        this.species = species;
        Map<List<Integer>, double[]> families = new LinkedHashMap<>();
        int top = 0;
        for (ThreeBodyTerm t : terms) top = Math.max(top, t.order());
        maxOrder = top;
        int rows = Math.max(top, FUSED_ORDER) + 1;
        for (ThreeBodyTerm t : terms) {
            families.computeIfAbsent(List.of(t.n1(), t.n2(), t.position1(), t.position2()), k -> new double[rows])[t.order()] += t.weight();
        }
        List<List<Integer>> keys = new ArrayList<>(families.keySet());
        keys.sort(Comparator.<List<Integer>>comparingInt(k -> k.get(0)).thenComparingInt(k -> k.get(1)));
        familyCount = keys.size();
        familyN1 = new int[familyCount];
        familyN2 = new int[familyCount];
        familyPosition1 = new int[familyCount];
        familyPosition2 = new int[familyCount];
        w = new double[rows][familyCount];
        dw = new double[rows - 1][familyCount];
        pairStart = new int[species * species];
        pairEnd = new int[species * species];
        for (int f = 0; f < familyCount; f++) {
            List<Integer> k = keys.get(f);
            familyN1[f] = k.get(0);
            familyN2[f] = k.get(1);
            familyPosition1[f] = k.get(2);
            familyPosition2[f] = k.get(3);
            double[] weights = families.get(k);
            for (int l = 0; l < rows; l++) w[l][f] = weights[l];
            for (int l = 0; l + 1 < rows; l++) dw[l][f] = (l + 1) * weights[l + 1];
            int key = k.get(0) * species + k.get(1);
            if (pairEnd[key] == 0) pairStart[key] = f;
            pairEnd[key] = f + 1;
        }
    }

    /** The families of species pair (s1, s2), in either order: [start, end). */
    int start(int s1, int s2) { return pairStart[Math.min(s1, s2) * species + Math.max(s1, s2)]; }

    int end(int s1, int s2) { return pairEnd[Math.min(s1, s2) * species + Math.max(s1, s2)]; }

    /** A neighbour of species s: its family values F[f] = g_f(r) and F'[f] from its radial row (zero for families without s). */
    void row(int s, double[] g, double[] dg, double[] F, double[] dF) {
        for (int f = 0; f < familyCount; f++) {
            int p = familyN1[f] == s ? familyPosition1[f] : familyN2[f] == s ? familyPosition2[f] : -1;
            F[f] = p < 0 ? 0 : g[p];
            dF[f] = p < 0 ? 0 : dg[p];
        }
    }

    /**
     * One pair of neighbours at cos θ = c over families [from, to): adds to R1, R2 as above and
     * returns ∂E/∂cos θ. P and D are work rows of {@link #familyCount}.
     */
    double pair(double c, double[] F1, double[] F2, double[] R1, double[] R2, int from, int to, double[] P, double[] D) {
        if (maxOrder <= FUSED_ORDER) {
            double c2 = c * c, c3 = c2 * c, c4 = c2 * c2, c5 = c4 * c, c6 = c3 * c3;
            // at most four input rows per loop: C2 leaves loops over more arrays unvectorized
            double[] w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5], w6 = w[6];
            for (int f = from; f < to; f++) P[f] = w0[f] + c * w1[f] + c2 * w2[f] + c3 * w3[f];
            for (int f = from; f < to; f++) P[f] += c4 * w4[f] + c5 * w5[f] + c6 * w6[f];
            double[] d0 = dw[0], d1 = dw[1], d2 = dw[2], d3 = dw[3], d4 = dw[4], d5 = dw[5];
            for (int f = from; f < to; f++) D[f] = d0[f] + c * d1[f] + c2 * d2[f] + c3 * d3[f];
            for (int f = from; f < to; f++) D[f] += c4 * d4[f] + c5 * d5[f];
        } else {
            // Horner, one pass over the families per order
            double[] top = w[maxOrder], dtop = dw[maxOrder - 1];
            for (int f = from; f < to; f++) { P[f] = top[f]; D[f] = dtop[f]; }
            for (int l = maxOrder - 1; l >= 0; l--) {
                double[] wl = w[l];
                for (int f = from; f < to; f++) P[f] = P[f] * c + wl[f];
            }
            for (int l = maxOrder - 2; l >= 0; l--) {
                double[] dl = dw[l];
                for (int f = from; f < to; f++) D[f] = D[f] * c + dl[f];
            }
        }
        for (int f = from; f < to; f++) {
            double p = P[f];
            R1[f] += F2[f] * p;
            R2[f] += F1[f] * p;
        }
        return Dot.of(F1, F2, D, from, to);
    }
}
