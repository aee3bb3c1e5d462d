package org.jmd.training.plip;

import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.potentials.plip.PlipTerm;

/**
 * The candidate PLIP terms a fit chooses from: Gaussians on a grid of (a, b) for every
 * centre/neighbour channel, with cutoffs per body order. Lasso then keeps the few that matter.
 *
 * <p>Deck options (lists are {@code v1,v2,...} or {@code start:stop:step}, inclusive):
 * <pre>
 *   rc2=5.5        cutoff of two-body terms (Å)
 *   a2=0.5,1.5,4   b2=1.5:5.5:0.25       two-body Gaussian exponents (Å⁻²) and centres (Å)
 *   rc3=4.2        cutoff of three-body terms
 *   a3=0.5,1,2,4   b3=1.8:4.2:0.3        three-body Gaussians; l = 0..lmax
 *   lmax=6
 *   rcn=5.5        cutoff of many-body terms
 *   an=1           bn=1.5:5.5:0.5        many-body Gaussians; powers m from {@code powers}
 *   powers=2,3
 * </pre>
 * Many-body powers start at 2 by default because m = 1 repeats the two-body term of the same
 * Gaussian. Any list may be empty ({@code a3=} or {@code lmax=-1} switch three-body terms off).
 */
record PlipGrid(double rc2, double[] a2, double[] b2, double rc3, double[] a3, double[] b3, int lmax,
                double rcn, double[] an, double[] bn, int[] powers) {

    static PlipGrid fromArguments(Arguments args) {
        double rc2 = positive(args, "rc2", 5.5);
        double rc3 = positive(args, "rc3", 4.2);
        double rcn = positive(args, "rcn", rc2);
        double[] a2 = list(args, "a2", "0.5,1.5,4");
        double[] b2 = list(args, "b2", "1.6:5.4:0.2");
        double[] a3 = list(args, "a3", "0.5,1,2,4");
        double[] b3 = list(args, "b3", "1.8:4.2:0.3");
        double[] an = list(args, "an", "1");
        double[] bn = list(args, "bn", "1.6:5.2:0.4");
        int lmax = args.integer("lmax", 6);
        if (lmax > PlipTerm.MAX_ANGULAR_ORDER) throw args.error("lmax must be at most " + PlipTerm.MAX_ANGULAR_ORDER + ", got " + lmax);
        double[] pw = list(args, "powers", "2,3");
        int[] powers = new int[pw.length];
        for (int k = 0; k < pw.length; k++) {
            if (pw[k] != Math.rint(pw[k]) || pw[k] < 1 || pw[k] > PlipTerm.MAX_POWER)
                throw args.error("powers= must be whole numbers from 1 to " + PlipTerm.MAX_POWER + ", got " + pw[k]);
            powers[k] = (int) pw[k];
        }
        for (double[] as : new double[][] {a2, a3, an})
            for (double a : as) if (!(a >= 0)) throw args.error("Gaussian exponents a must be >= 0 (1/Å²), got " + a);
        return new PlipGrid(rc2, a2, b2, rc3, a3, b3, lmax, rcn, an, bn, powers);
    }

    /** Every candidate term for these elements (indices into the element list). */
    List<PlipTerm> terms(int species) {
        List<PlipTerm> out = new ArrayList<>();
        for (int c = 0; c < species; c++) {
            for (int s = 0; s < species; s++) {
                for (double a : a2) for (double b : b2) out.add(PlipTerm.twoBody(c, s, a, b, rc2));
                for (double a : an) for (double b : bn) for (int m : powers) out.add(PlipTerm.manyBody(c, s, a, b, rcn, m));
            }
            for (int s1 = 0; s1 < species; s1++)
                for (int s2 = s1; s2 < species; s2++)
                    for (double a : a3) for (double b : b3) for (int l = 0; l <= lmax; l++)
                        out.add(PlipTerm.threeBody(c, s1, s2, a, b, rc3, l));
        }
        return out;
    }

    /**
     * Column of each term in the design matrix. A two-body term centred on A with neighbours B
     * and its mirror centred on B with neighbours A have the same structure sum (each A–B pair
     * once), so as separate columns they would be exactly collinear and the Lasso's pick between
     * them a matter of round-off. They share one column instead, and both are saved with its
     * weight: the pair energy is then split evenly between the two atoms.
     */
    static int[] columns(List<PlipTerm> terms) {
        int[] col = new int[terms.size()];
        java.util.Map<PlipTerm, Integer> seen = new java.util.HashMap<>();
        int next = 0;
        for (int t = 0; t < terms.size(); t++) {
            PlipTerm x = terms.get(t);
            Integer c = null;
            if (x.body() == PlipTerm.Body.TWO && x.centre() != x.neighbour()) {
                c = seen.get(PlipTerm.twoBody(x.neighbour(), x.centre(), x.a(), x.b(), x.cutoff()));
            }
            if (c == null) c = next++;
            col[t] = c;
            seen.put(x, c);
        }
        return col;
    }

    private static double positive(Arguments args, String key, double fallback) {
        double v = args.real(key, fallback);
        if (!(v > 0)) throw args.error(key + " must be positive (Å), got " + v);
        return v;
    }

    /** "v1,v2,..." or "start:stop:step" (inclusive of stop within round-off), or empty. */
    static double[] list(Arguments args, String key, String fallback) {
        String text = args.string(key, fallback).trim();
        if (text.isEmpty()) return new double[0];
        if (text.contains(":")) {
            String[] p = text.split(":");
            if (p.length != 3) throw args.error(key + "= expects start:stop:step or a comma-separated list, got '" + text + "'");
            double start = args.parseReal(key, p[0]), stop = args.parseReal(key, p[1]), step = args.parseReal(key, p[2]);
            if (!(step > 0) || stop < start) throw args.error(key + "= needs step > 0 and stop >= start, got '" + text + "'");
            double count = Math.floor((stop - start) / step + 1e-9) + 1; // in double: a tiny step must not overflow an int
            if (count > 10000) throw args.error(key + "= makes " + String.format(java.util.Locale.ROOT, "%.3g", count) + " values; that is too many (at most 10000)");
            int n = (int) count;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) out[k] = start + k * step;
            return out;
        }
        String[] p = text.split(",");
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) out[k] = args.parseReal(key, p[k].trim());
        return out;
    }
}
