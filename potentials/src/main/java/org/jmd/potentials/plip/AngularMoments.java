package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>Layout for the JIT: every set's moments, every neighbour's monomials are arrays of their own
 * indexed by the monomial (so the hot loops read and write all arrays at the same index, which
 * C2 vectorizes), and sets with the same summed degrees are handled four at a time.
 */
final class AngularMoments {
    final Monomials monomials;
    /** Moment sets: neighbour species, row position of the radial in that species' channel, summed degrees [low, high]. */
    final int[] setSpecies, setPosition, setLow, setHigh;
    /** ½ P(1) summed over the same-species families of a set: the j = k terms taken out again. */
    final double[] setSelf;
    /** Sets of neighbour species s: {@code speciesStart[s] .. speciesStart[s+1]}, ordered by summed degrees. */
    final int[] speciesStart;
    /**
     * Blocks of up to four consecutive sets of one species, for the gradient: first set, length
     * and the union [from, to) of their summed monomials (the adjoint is zero elsewhere in it).
     */
    final int[] blockStart, blockLength, blockFrom, blockTo, speciesBlockStart;
    /** Per species, the union of the summed monomials of its sets: where ∂E/∂û^α can be non-zero. */
    final int[] gradientFrom, gradientTo;
    /**
     * Per set, the contractions as runs {dst, x, y, length}, highest degree first: for i < length,
     * A[dst+i] = A[x+i] + A[y+i] + A[y+2+i] (the monomials times u_x², u_y², u_z² lie in three
     * contiguous stretches of the degree above, the last two two apart).
     */
    private final int[][] contraction;
    /**
     * Families: their two sets, per monomial h·w_l·C_α (h = ½ for a same-species family), and the
     * stretches of monomials [from, to) where that weight is not zero (orders with w_l = 0 skipped).
     */
    final int[] familySet1, familySet2;
    final double[][] familyWeight;
    final int[][] familyStretches;

    AngularMoments(int species, List<ThreeBodyTerm> terms) {
        // sets keyed by (species, position): highest order and which parities are used
        Map<List<Integer>, int[]> sets = new LinkedHashMap<>(); // → {index, maxOrder, anyEven, anyOdd}
        Map<List<Integer>, double[]> families = new LinkedHashMap<>();
        int maxOrder = 0;
        for (ThreeBodyTerm t : terms) maxOrder = Math.max(maxOrder, t.order());
        int stride = maxOrder + 1;
        for (ThreeBodyTerm t : terms) {
            for (int side = 0; side < 2; side++) {
                int s = side == 0 ? t.n1() : t.n2(), p = side == 0 ? t.position1() : t.position2();
                int[] info = sets.computeIfAbsent(List.of(s, p), k -> new int[] {-1, 0, 0, 0});
                info[1] = Math.max(info[1], t.order());
                info[2 + (t.order() % 2)] = 1;
            }
            families.computeIfAbsent(List.of(t.n1(), t.n2(), t.position1(), t.position2()), k -> new double[stride])[t.order()] += t.weight();
        }
        List<List<Integer>> keys = new ArrayList<>(sets.keySet());
        keys.sort(Comparator.<List<Integer>>comparingInt(k -> k.get(0))
                .thenComparingInt(k -> low(sets.get(k))).thenComparingInt(k -> sets.get(k)[1]));
        int n = keys.size();
        setSpecies = new int[n];
        setPosition = new int[n];
        setLow = new int[n];
        setHigh = new int[n];
        setSelf = new double[n];
        int top = 0;
        for (int m = 0; m < n; m++) {
            int[] info = sets.get(keys.get(m));
            info[0] = m;
            setSpecies[m] = keys.get(m).get(0);
            setPosition[m] = keys.get(m).get(1);
            setHigh[m] = info[1];
            setLow[m] = low(info);
            top = Math.max(top, info[1]);
        }
        monomials = new Monomials(top);
        speciesStart = new int[species + 1];
        for (int s = 0, m = 0; s <= species; s++) {
            while (m < n && setSpecies[m] < s) m++;
            speciesStart[s] = m;
        }
        // blocks of up to four sets of one species, over the union of their summed degrees
        List<int[]> blocks = new ArrayList<>();
        speciesBlockStart = new int[species + 1];
        gradientFrom = new int[species];
        gradientTo = new int[species];
        for (int s = 0; s < species; s++) {
            speciesBlockStart[s] = blocks.size();
            int gf = Integer.MAX_VALUE, gt = 0;
            for (int m = speciesStart[s]; m < speciesStart[s + 1]; m += 4) {
                int len = Math.min(4, speciesStart[s + 1] - m), from = Integer.MAX_VALUE, to = 0;
                for (int k = m; k < m + len; k++) {
                    from = Math.min(from, Monomials.start(setLow[k]));
                    to = Math.max(to, Monomials.start(setHigh[k] + 1));
                }
                blocks.add(new int[] {m, len, from, to});
                gf = Math.min(gf, from);
                gt = Math.max(gt, to);
            }
            gradientFrom[s] = Math.min(gf, gt);
            gradientTo[s] = gt;
        }
        speciesBlockStart[species] = blocks.size();
        blockStart = blocks.stream().mapToInt(b -> b[0]).toArray();
        blockLength = blocks.stream().mapToInt(b -> b[1]).toArray();
        blockFrom = blocks.stream().mapToInt(b -> b[2]).toArray();
        blockTo = blocks.stream().mapToInt(b -> b[3]).toArray();
        // the monomials below the summed degrees that are contractions, highest first: degrees of
        // the top degree's parity always, the other parity only when its top degree is summed too
        contraction = new int[n][];
        int[] raise = monomials.raise;
        for (int m = 0; m < n; m++) {
            List<Integer> runs = new ArrayList<>();
            for (int d = setLow[m] - 1; d >= 0; d--) {
                if ((setHigh[m] - d) % 2 != 0 && setLow[m] == setHigh[m]) continue;
                for (int a = Monomials.start(d); a < Monomials.start(d + 1); a++) {
                    int x = raise[3 * a], y = raise[3 * a + 1], z = raise[3 * a + 2];
                    if (z != y + 2) throw new AssertionError("monomial order");
                    int last = runs.size() - 4;
                    if (last >= 0 && runs.get(last) + runs.get(last + 3) == a && runs.get(last + 1) + runs.get(last + 3) == x
                            && runs.get(last + 2) + runs.get(last + 3) == y) {
                        runs.set(last + 3, runs.get(last + 3) + 1);
                    } else {
                        runs.addAll(List.of(a, x, y, 1));
                    }
                }
            }
            contraction[m] = runs.stream().mapToInt(Integer::intValue).toArray();
        }

        int f = families.size(), k = 0;
        familySet1 = new int[f];
        familySet2 = new int[f];
        familyWeight = new double[f][];
        familyStretches = new int[f][];
        double[] cm = monomials.multinomial;
        for (Map.Entry<List<Integer>, double[]> e : families.entrySet()) {
            List<Integer> key = e.getKey();
            int n1 = key.get(0), n2 = key.get(1);
            familySet1[k] = sets.get(List.of(n1, key.get(2)))[0];
            familySet2[k] = sets.get(List.of(n2, key.get(3)))[0];
            double h = n1 == n2 ? 0.5 : 1, p1 = 0;
            int highest = 0;
            for (int l = 0; l < stride; l++) if (e.getValue()[l] != 0) highest = l;
            familyWeight[k] = new double[Monomials.start(highest + 1)];
            for (int l = 0; l <= highest; l++) {
                p1 += e.getValue()[l];
                for (int a = Monomials.start(l); a < Monomials.start(l + 1); a++) familyWeight[k][a] = h * e.getValue()[l] * cm[a];
            }
            if (n1 == n2) setSelf[familySet1[k]] += 0.5 * p1;
            List<Integer> stretches = new ArrayList<>();
            for (int l = 0; l <= highest; l++) {
                if (e.getValue()[l] == 0) continue;
                int from = Monomials.start(l), to = Monomials.start(l + 1), last = stretches.size() - 1;
                if (last > 0 && stretches.get(last) == from) stretches.set(last, to);
                else { stretches.add(from); stretches.add(to); }
            }
            familyStretches[k] = stretches.stream().mapToInt(Integer::intValue).toArray();
            k++;
        }
    }

    /** The lowest summed degree: the top degree, and the one below if the other parity is used too. */
    private static int low(int[] info) {
        int high = info[1];
        return info[2 + (1 - high % 2)] == 1 ? high - 1 : high;
    }

    int setCount() { return setSpecies.length; }

    /** Length of the moment array of set m (monomials of degree 0 … high). */
    int setSize(int m) { return Monomials.start(setHigh[m] + 1); }

    /**
     * Sums g·û^α over the neighbours q = members[begin .. end) (all of species s; radial row
     * g[q], monomials mono[q]) into the summed degrees of each set of s, and g² into the
     * self sums. Four neighbours at a time, so each moment is loaded and stored once per four.
     */
    void accumulate(int s, int[] members, int begin, int end, double[][] g, double[][] mono,
                    double[][] moments, double[] self) {
        for (int m = speciesStart[s]; m < speciesStart[s + 1]; m++) {
            int pos = setPosition[m], from = Monomials.start(setLow[m]), to = Monomials.start(setHigh[m] + 1);
            double[] A = moments[m];
            double sq = 0;
            int k = begin;
            for (; k + 3 < end; k += 4) {
                int q0 = members[k], q1 = members[k + 1], q2 = members[k + 2], q3 = members[k + 3];
                double v0 = g[q0][pos], v1 = g[q1][pos], v2 = g[q2][pos], v3 = g[q3][pos];
                double[] m0 = mono[q0], m1 = mono[q1], m2 = mono[q2], m3 = mono[q3];
                for (int a = from; a < to; a++) A[a] += v0 * m0[a] + v1 * m1[a] + v2 * m2[a] + v3 * m3[a];
                sq += v0 * v0 + v1 * v1 + v2 * v2 + v3 * v3;
            }
            for (; k < end; k++) {
                int q = members[k];
                double v = g[q][pos];
                double[] m0 = mono[q];
                for (int a = from; a < to; a++) A[a] += v * m0[a];
                sq += v * v;
            }
            self[m] += sq;
        }
    }

    /**
     * The three-body energy from the summed moments (which it completes by contraction), and
     * ∂E/∂(summed moment) into adjoint: the weight each neighbour's g·û^α carries.
     */
    double energy(double[][] moments, double[] self, double[][] adjoint) {
        int n = setSpecies.length, size = monomials.count;
        for (int m = 0; m < n; m++) {
            double[] A = moments[m];
            int[] runs = contraction[m];
            for (int j = 0; j < runs.length; j += 4) {
                int dst = runs[j], x = runs[j + 1], y = runs[j + 2], len = runs[j + 3];
                for (int i = 0; i < len; i++) A[dst + i] = A[x + i] + A[y + i] + A[y + 2 + i];
            }
            java.util.Arrays.fill(adjoint[m], 0, size, 0.0);
        }
        double e = 0;
        for (int f = 0; f < familySet1.length; f++) {
            double[] w = familyWeight[f], A1 = moments[familySet1[f]], A2 = moments[familySet2[f]];
            double[] L1 = adjoint[familySet1[f]], L2 = adjoint[familySet2[f]];
            int[] stretch = familyStretches[f];
            boolean same = familySet1[f] == familySet2[f];
            for (int j = 0; j < stretch.length; j += 2) {
                int from = stretch[j], to = stretch[j + 1];
                if (same) {
                    for (int a = from; a < to; a++) L1[a] += 2 * w[a] * A1[a];
                } else {
                    for (int a = from; a < to; a++) {
                        L1[a] += w[a] * A2[a];
                        L2[a] += w[a] * A1[a];
                    }
                }
                e += Dot.of(w, A1, A2, from, to);
            }
        }
        for (int m = 0; m < n; m++) {
            e -= setSelf[m] * self[m];
            // push the adjoint of contracted monomials up to the summed ones (lowest first, so
            // chains add up), then clear them: the gradient reads only the summed degrees
            double[] L = adjoint[m];
            int[] runs = contraction[m];
            for (int j = runs.length - 4; j >= 0; j -= 4) {
                int dst = runs[j], x = runs[j + 1], y = runs[j + 2], len = runs[j + 3];
                for (int i = 0; i < len; i++) {
                    double v = L[dst + i];
                    L[x + i] += v;
                    L[y + i] += v;
                    L[y + 2 + i] += v;
                    L[dst + i] = 0;
                }
            }
        }
        return e;
    }

    /**
     * One neighbour's share of the gradient: adds Σ_sets g·λ to lamG and Σ_sets g'·λ to lamD
     * (indexed by monomial; then ∂E/∂û^α = lamG_α and ∂E/∂r = Σ_α lamD_α û^α + the returned value),
     * and returns the radial derivative of the self terms.
     */
    double backward(int s, double[] g, double[] dg, double[][] adjoint, double[] lamG, double[] lamD) {
        double self = 0;
        for (int b = speciesBlockStart[s]; b < speciesBlockStart[s + 1]; b++) {
            int m = blockStart[b], from = blockFrom[b], to = blockTo[b];
            if (blockLength[b] == 4) {
                int p0 = setPosition[m], p1 = setPosition[m + 1], p2 = setPosition[m + 2], p3 = setPosition[m + 3];
                double v0 = g[p0], v1 = g[p1], v2 = g[p2], v3 = g[p3];
                double d0 = dg[p0], d1 = dg[p1], d2 = dg[p2], d3 = dg[p3];
                double[] l0 = adjoint[m], l1 = adjoint[m + 1], l2 = adjoint[m + 2], l3 = adjoint[m + 3];
                for (int a = from; a < to; a++) lamG[a] += v0 * l0[a] + v1 * l1[a] + v2 * l2[a] + v3 * l3[a];
                for (int a = from; a < to; a++) lamD[a] += d0 * l0[a] + d1 * l1[a] + d2 * l2[a] + d3 * l3[a];
                self += setSelf[m] * v0 * d0 + setSelf[m + 1] * v1 * d1 + setSelf[m + 2] * v2 * d2 + setSelf[m + 3] * v3 * d3;
            } else {
                for (int k = m; k < m + blockLength[b]; k++) {
                    int p = setPosition[k];
                    double v = g[p], d = dg[p];
                    double[] l = adjoint[k];
                    for (int a = from; a < to; a++) lamG[a] += v * l[a];
                    for (int a = from; a < to; a++) lamD[a] += d * l[a];
                    self += setSelf[k] * v * d;
                }
            }
        }
        return -2 * self;
    }
}
