package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three-body terms of one centre species as sums over single neighbours. A family of terms
 * (neighbour species n1, n2 and one radial g) with weights w_l contributes
 * <pre>
 *   Σ_{pairs {j,k}} g(r_j) g(r_k) Σ_l w_l cos^l θ_jk
 *     = Σ_l w_l ⟨A_{n1}, A_{n2}⟩_l                         (n1 ≠ n2)
 *     = ½ Σ_l w_l ⟨A_n, A_n⟩_l − ½ P(1) Σ_j g(r_j)²        (n1 = n2 = n, P(1) = Σ_l w_l)
 * </pre>
 * where A_{n,α} = Σ_{j of species n} g(r_j) û_j^α are the moments of a radial and
 * ⟨A, B⟩_l = Σ_{|α| = l} C_α A_α B_α (see {@link Monomials}). A moment set (species, radial) is
 * shared by every family that uses it and holds the monomials up to the family's highest order;
 * only its top one or two degrees are summed over neighbours, the rest are contractions. The cost
 * is neighbours × moments instead of pairs of neighbours × families × orders.
 */
final class AngularMoments {
    final Monomials monomials;
    /** Moment sets: neighbour species, row position of the radial in that species' channel, summed degrees [low, high], offset. */
    final int[] setSpecies, setPosition, setLow, setHigh, setOffset;
    /** ½ P(1) summed over the same-species families of a set: the j = k terms taken out again. */
    final double[] setSelf;
    /** Sets of neighbour species s: {@code speciesStart[s] .. speciesStart[s+1]}. */
    final int[] speciesStart;
    final int momentCount;
    /** Families: their two sets, ½ for a same-species family, 1 otherwise, and weights per order l (dense 0..maxOrder). */
    final int[] familySet1, familySet2, familyOrder;
    final double[] familyScale, familyWeights;
    private final int stride;

    /** One three-body term, already mapped to its channels' row positions. */
    record Term(int n1, int n2, int position1, int position2, List<Double> radial, int order, double weight) {}

    AngularMoments(int species, List<Term> terms) {
        // sets keyed by (species, position), families by (n1, n2, radial)
        Map<List<Integer>, int[]> sets = new LinkedHashMap<>(); // → {index, maxOrder, anyOdd, anyEven}
        Map<List<Object>, double[]> families = new LinkedHashMap<>();
        int maxOrder = 0;
        for (Term t : terms) maxOrder = Math.max(maxOrder, t.order());
        stride = maxOrder + 1;
        for (Term t : terms) {
            for (int side = 0; side < 2; side++) {
                int s = side == 0 ? t.n1() : t.n2(), p = side == 0 ? t.position1() : t.position2();
                int[] info = sets.computeIfAbsent(List.of(s, p), k -> new int[] {-1, 0, 0, 0});
                info[1] = Math.max(info[1], t.order());
                info[2 + (t.order() % 2)] = 1;
            }
            double[] w = families.computeIfAbsent(List.of(t.n1(), t.n2(), t.position1(), t.position2(), t.radial()), k -> new double[stride]);
            w[t.order()] += t.weight();
        }
        // order sets by species
        List<List<Integer>> keys = new ArrayList<>(sets.keySet());
        keys.sort((x, y) -> Integer.compare(x.get(0), y.get(0)));
        int n = keys.size();
        setSpecies = new int[n];
        setPosition = new int[n];
        setLow = new int[n];
        setHigh = new int[n];
        setOffset = new int[n];
        setSelf = new double[n];
        speciesStart = new int[species + 1];
        int off = 0, top = 0;
        for (int m = 0; m < n; m++) {
            int[] info = sets.get(keys.get(m));
            info[0] = m;
            int high = info[1];
            boolean otherParity = info[2 + (1 - high % 2)] == 1;
            setSpecies[m] = keys.get(m).get(0);
            setPosition[m] = keys.get(m).get(1);
            setHigh[m] = high;
            setLow[m] = otherParity ? high - 1 : high;
            setOffset[m] = off;
            off += Monomials.start(high + 1);
            top = Math.max(top, high);
        }
        momentCount = off;
        for (int s = 0, m = 0; s <= species; s++) {
            while (m < n && setSpecies[m] < s) m++;
            speciesStart[s] = m;
        }
        monomials = new Monomials(top);
        int f = families.size();
        familySet1 = new int[f];
        familySet2 = new int[f];
        familyOrder = new int[f];
        familyScale = new double[f];
        familyWeights = new double[f * stride];
        int k = 0;
        for (Map.Entry<List<Object>, double[]> e : families.entrySet()) {
            List<Object> key = e.getKey();
            int n1 = (Integer) key.get(0), n2 = (Integer) key.get(1);
            familySet1[k] = sets.get(List.of(n1, (Integer) key.get(2)))[0];
            familySet2[k] = sets.get(List.of(n2, (Integer) key.get(3)))[0];
            familyScale[k] = n1 == n2 ? 0.5 : 1;
            int top2 = 0;
            double p1 = 0;
            for (int l = 0; l < stride; l++) {
                familyWeights[k * stride + l] = e.getValue()[l];
                if (e.getValue()[l] != 0) top2 = l;
                p1 += e.getValue()[l];
            }
            familyOrder[k] = top2;
            if (n1 == n2) setSelf[familySet1[k]] += 0.5 * p1;
            k++;
        }
    }

    int setCount() { return setSpecies.length; }

    /**
     * Whether degree d (below the summed ones) of set m is formed by contraction: degrees of the
     * top degree's parity always are, the other parity only when its top degree is summed too.
     */
    private boolean contracted(int m, int d) { return (setHigh[m] - d) % 2 == 0 || setLow[m] < setHigh[m]; }

    /** Adds the neighbour's g·û^α to the summed degrees of every set of its species, and g² to the self sums. */
    void accumulate(int species, double[] g, int rowOffset, double[] mono, int monoOffset, double[] moments, double[] self) {
        for (int m = speciesStart[species]; m < speciesStart[species + 1]; m++) {
            double v = g[rowOffset + setPosition[m]];
            if (v == 0) continue; // beyond this radial's cutoff
            self[m] += v * v;
            int from = Monomials.start(setLow[m]), to = Monomials.start(setHigh[m] + 1), o = setOffset[m];
            for (int a = from; a < to; a++) moments[o + a] += v * mono[monoOffset + a];
        }
    }

    /**
     * The three-body energy from the summed moments (which it completes by contraction), and
     * ∂E/∂(summed moment) into adjoint: the weight each neighbour's g·û^α carries. Both arrays
     * have {@link #momentCount} entries; adjoint is overwritten.
     */
    double energy(double[] moments, double[] self, double[] adjoint) {
        int[] raise = monomials.raise;
        double[] cm = monomials.multinomial;
        for (int m = 0; m < setSpecies.length; m++) {
            int o = setOffset[m];
            for (int d = setLow[m] - 1; d >= 0; d--) {
                if (!contracted(m, d)) continue;
                for (int a = Monomials.start(d), end = Monomials.start(d + 1); a < end; a++) {
                    moments[o + a] = moments[o + raise[3 * a]] + moments[o + raise[3 * a + 1]] + moments[o + raise[3 * a + 2]];
                }
            }
        }
        java.util.Arrays.fill(adjoint, 0, momentCount, 0.0);
        double e = 0;
        for (int f = 0; f < familySet1.length; f++) {
            int o1 = setOffset[familySet1[f]], o2 = setOffset[familySet2[f]];
            double h = familyScale[f];
            for (int l = 0; l <= familyOrder[f]; l++) {
                double w = familyWeights[f * stride + l];
                if (w == 0) continue;
                double hw = h * w, dot = 0;
                for (int a = Monomials.start(l), end = Monomials.start(l + 1); a < end; a++) {
                    double c = cm[a], x1 = moments[o1 + a], x2 = moments[o2 + a];
                    dot += c * x1 * x2;
                    adjoint[o1 + a] += hw * c * x2;
                    adjoint[o2 + a] += hw * c * x1;
                }
                e += hw * dot;
            }
        }
        for (int m = 0; m < setSpecies.length; m++) {
            e -= setSelf[m] * self[m];
            // push the adjoint of contracted degrees up to the summed ones (ascending, so chains add up)
            int o = setOffset[m];
            for (int d = 0; d < setLow[m]; d++) {
                if (!contracted(m, d)) continue;
                for (int a = Monomials.start(d), end = Monomials.start(d + 1); a < end; a++) {
                    double v = adjoint[o + a];
                    adjoint[o + raise[3 * a]] += v;
                    adjoint[o + raise[3 * a + 1]] += v;
                    adjoint[o + raise[3 * a + 2]] += v;
                }
            }
        }
        return e;
    }

    /**
     * The neighbour's share of the gradient: returns ∂E/∂r (radial part, with the self terms) and
     * adds ∂E/∂(û^α) to angular[0 .. monomials.count).
     */
    double backward(int species, double[] g, double[] dg, int rowOffset, double[] mono, int monoOffset,
                    double[] adjoint, double[] angular) {
        double dr = 0;
        for (int m = speciesStart[species]; m < speciesStart[species + 1]; m++) {
            double v = g[rowOffset + setPosition[m]];
            if (v == 0) continue;
            double dv = dg[rowOffset + setPosition[m]];
            int from = Monomials.start(setLow[m]), to = Monomials.start(setHigh[m] + 1), o = setOffset[m];
            double dot = 0;
            for (int a = from; a < to; a++) {
                double lam = adjoint[o + a];
                dot += lam * mono[monoOffset + a];
                angular[a] += v * lam;
            }
            dr += dv * (dot - 2 * setSelf[m] * v);
        }
        return dr;
    }
}
