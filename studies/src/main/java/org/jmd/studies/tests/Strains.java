package org.jmd.studies.tests;

import org.jmd.engine.Arguments;

/** {@code strain=MIN:MAX:N}: N linear strains from MIN to MAX (fractions of the lattice constants). */
final class Strains {
    private Strains() {}

    static double[] parse(Arguments a, String key, String fallback) {
        String text = a.string(key, fallback);
        String[] f = text.split(":", -1);
        if (f.length != 3) throw a.error(key + "= expects MIN:MAX:N, e.g. -0.05:0.05:11, got '" + text + "'");
        double lo = a.parseReal(key, f[0]), hi = a.parseReal(key, f[1]);
        int n;
        try {
            n = Integer.parseInt(f[2]);
        } catch (NumberFormatException e) {
            throw a.error(key + "= expects a whole number of points after the second ':', got '" + f[2] + "'");
        }
        if (n < 5) throw a.error(key + "= needs at least 5 points for an equation-of-state fit, got " + n);
        if (!(lo < 0 && hi > 0)) throw a.error(key + "= must span the given lattice constant (MIN < 0 < MAX), got " + text);
        if (!(lo > -0.5 && hi < 0.5)) throw a.error(key + "= strains are fractions of the lattice constant; |strain| < 0.5, got " + text);
        double[] s = new double[n];
        for (int k = 0; k < n; k++) s[k] = lo + (hi - lo) * k / (n - 1);
        return s;
    }

    /** Every other point, keeping both ends, until at most {@code max} remain (for --quick). */
    static double[] thin(double[] s, int max) {
        if (s.length <= max) return s;
        double[] out = new double[max];
        for (int k = 0; k < max; k++) out[k] = s[(int) Math.round((double) k * (s.length - 1) / (max - 1))];
        return out;
    }
}
