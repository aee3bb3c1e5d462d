package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of PLIP terms compiled for the kernels: the distinct radial functions g(r) of each
 * centre/neighbour channel (so each is evaluated once per neighbour however many terms use it),
 * and for every radial function the two- and many-body terms built on it, and the three-body
 * families (centre, neighbour pair, radial) with their angular orders.
 *
 * <p>Channel {@code ch = centre·S + neighbour}; radial k of channel ch is at flat index
 * {@code ch·R + k} where R is the largest number of radials in any channel. Terms are referred to
 * by their index in the list given; the potential maps them to weights, the design-matrix builder
 * to columns.
 */
final class PlipBasis {
    final int species;
    final int maxRadials;
    final int termCount;
    /** Radials per channel, [S·S]. */
    final int[] radialCount;
    /** Gaussian a, b and index into {@link #cutoffs} per radial, [S·S·R]. */
    final double[] radialA, radialB;
    final int[] radialCutoff;
    /** Distinct cutoff radii of all radials. */
    final double[] cutoffs;
    /** Largest cutoff of any radial of a centre species, and of its three-body radials, [S]. */
    final double[] centreCutoff, centreCutoff3;
    final double maxCutoff;

    /** Two-body terms on radial ch·R+k: {@code twoTerm[twoStart[idx] .. twoStart[idx+1])}. */
    final int[] twoStart, twoTerm;
    /** Many-body terms on radial idx, with their powers m. */
    final int[] manyStart, manyTerm, manyPower;
    /** Largest m of any many-body term. */
    final int maxPower;

    /** Three-body families: terms {@code familyTerm[familyStart[f] .. familyStart[f+1])} with orders familyOrder. */
    final int familyCount;
    final int[] familyStart, familyTerm, familyOrder, familyMaxOrder;
    final int maxOrder;
    /**
     * Entries for an ordered pair of neighbours (species s1, s2) around a centre c:
     * {@code [tripletStart[(c·S+s1)·S+s2] .. tripletStart[...+1])}, each naming a family and the
     * local radial indices of the first and second neighbour's channels.
     */
    final int[] tripletStart, tripletFamily, tripletRadial1, tripletRadial2;

    PlipBasis(int species, List<PlipTerm> terms) {
        this.species = species;
        this.termCount = terms.size();
        int s2 = species * species;
        // distinct radials per channel, in order of first use
        List<Map<List<Double>, Integer>> radials = new ArrayList<>();
        for (int ch = 0; ch < s2; ch++) radials.add(new LinkedHashMap<>());
        Map<Double, Integer> cutoffIndex = new LinkedHashMap<>();
        for (PlipTerm t : terms) {
            check(t);
            radialOf(radials, species, t.centre(), t.neighbour(), t);
            if (t.body() == PlipTerm.Body.THREE) radialOf(radials, species, t.centre(), t.neighbour2(), t);
            cutoffIndex.putIfAbsent(t.cutoff(), cutoffIndex.size());
        }
        int r = 1;
        for (Map<List<Double>, Integer> m : radials) r = Math.max(r, m.size());
        maxRadials = r;
        radialCount = new int[s2];
        radialA = new double[s2 * r];
        radialB = new double[s2 * r];
        radialCutoff = new int[s2 * r];
        cutoffs = new double[cutoffIndex.size()];
        for (Map.Entry<Double, Integer> e : cutoffIndex.entrySet()) cutoffs[e.getValue()] = e.getKey();
        centreCutoff = new double[species];
        centreCutoff3 = new double[species];
        double max = 0;
        for (int ch = 0; ch < s2; ch++) {
            radialCount[ch] = radials.get(ch).size();
            for (Map.Entry<List<Double>, Integer> e : radials.get(ch).entrySet()) {
                int idx = ch * r + e.getValue();
                radialA[idx] = e.getKey().get(0);
                radialB[idx] = e.getKey().get(1);
                radialCutoff[idx] = cutoffIndex.get(e.getKey().get(2));
                centreCutoff[ch / species] = Math.max(centreCutoff[ch / species], e.getKey().get(2));
                max = Math.max(max, e.getKey().get(2));
            }
        }
        maxCutoff = max;

        // two- and many-body terms grouped by radial
        int radialSlots = s2 * r;
        List<List<Integer>> two = lists(radialSlots), many = lists(radialSlots);
        Map<List<Object>, Integer> familyIndex = new LinkedHashMap<>();
        List<List<Integer>> familyTerms = new ArrayList<>();
        for (int t = 0; t < terms.size(); t++) {
            PlipTerm term = terms.get(t);
            int idx = slot(radials, term.centre(), term.neighbour(), term);
            switch (term.body()) {
                case TWO: two.get(idx).add(t); break;
                case MANY: many.get(idx).add(t); break;
                case THREE: {
                    List<Object> key = List.of(term.centre(), term.neighbour(), term.neighbour2(), term.a(), term.b(), term.cutoff());
                    Integer f = familyIndex.get(key);
                    if (f == null) {
                        f = familyIndex.size();
                        familyIndex.put(key, f);
                        familyTerms.add(new ArrayList<>());
                    }
                    familyTerms.get(f).add(t);
                    centreCutoff3[term.centre()] = Math.max(centreCutoff3[term.centre()], term.cutoff());
                    break;
                }
                default: throw new AssertionError();
            }
        }
        twoStart = new int[radialSlots + 1];
        twoTerm = flatten(two, twoStart);
        manyStart = new int[radialSlots + 1];
        manyTerm = flatten(many, manyStart);
        manyPower = new int[manyTerm.length];
        int mp = 0;
        for (int e = 0; e < manyTerm.length; e++) {
            manyPower[e] = terms.get(manyTerm[e]).order();
            mp = Math.max(mp, manyPower[e]);
        }
        maxPower = mp;

        familyCount = familyTerms.size();
        familyStart = new int[familyCount + 1];
        familyTerm = flatten(familyTerms, familyStart);
        familyOrder = new int[familyTerm.length];
        familyMaxOrder = new int[familyCount];
        int mo = 0;
        for (int f = 0; f < familyCount; f++) {
            for (int e = familyStart[f]; e < familyStart[f + 1]; e++) {
                familyOrder[e] = terms.get(familyTerm[e]).order();
                familyMaxOrder[f] = Math.max(familyMaxOrder[f], familyOrder[e]);
            }
            mo = Math.max(mo, familyMaxOrder[f]);
        }
        maxOrder = mo;

        // triplet lookup by (centre, species of first neighbour, species of second neighbour)
        List<List<int[]>> entries = new ArrayList<>();
        for (int k = 0; k < s2 * species; k++) entries.add(new ArrayList<>());
        int f = 0;
        for (List<Object> key : familyIndex.keySet()) {
            PlipTerm t = terms.get(familyTerms.get(f).get(0));
            int c = t.centre(), a = t.neighbour(), b = t.neighbour2();
            int ka = slot(radials, c, a, t) - (c * species + a) * r;
            int kb = slot(radials, c, b, t) - (c * species + b) * r;
            entries.get((c * species + a) * species + b).add(new int[] {f, ka, kb});
            if (a != b) entries.get((c * species + b) * species + a).add(new int[] {f, kb, ka});
            f++;
        }
        tripletStart = new int[s2 * species + 1];
        int total = 0;
        for (List<int[]> l : entries) total += l.size();
        tripletFamily = new int[total];
        tripletRadial1 = new int[total];
        tripletRadial2 = new int[total];
        int e = 0;
        for (int k = 0; k < entries.size(); k++) {
            tripletStart[k] = e;
            for (int[] x : entries.get(k)) {
                tripletFamily[e] = x[0];
                tripletRadial1[e] = x[1];
                tripletRadial2[e] = x[2];
                e++;
            }
        }
        tripletStart[entries.size()] = e;
    }

    /** Flat index ch·R + k of a radial, for kernels. */
    int radialIndex(int channel, int k) { return channel * maxRadials + k; }

    private void check(PlipTerm t) {
        if (t.centre() >= species || t.neighbour() >= species || t.neighbour2() >= species) {
            throw new IllegalArgumentException("term refers to species beyond the " + species + " of the model: " + t);
        }
    }

    private static void radialOf(List<Map<List<Double>, Integer>> radials, int species, int c, int s, PlipTerm t) {
        Map<List<Double>, Integer> m = radials.get(c * species + s);
        m.putIfAbsent(List.of(t.a(), t.b(), t.cutoff()), m.size());
    }

    private int slot(List<Map<List<Double>, Integer>> radials, int c, int s, PlipTerm t) {
        int ch = c * species + s;
        return ch * maxRadials + radials.get(ch).get(List.of(t.a(), t.b(), t.cutoff()));
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> l = new ArrayList<>(n);
        for (int k = 0; k < n; k++) l.add(new ArrayList<>());
        return l;
    }

    private static int[] flatten(List<List<Integer>> lists, int[] start) {
        int total = 0;
        for (List<Integer> l : lists) total += l.size();
        int[] out = new int[total];
        int e = 0;
        for (int k = 0; k < lists.size(); k++) {
            start[k] = e;
            for (int v : lists.get(k)) out[e++] = v;
        }
        start[lists.size()] = e;
        return out;
    }
}
