package org.jmd.potentials.nnp;

/**
 * n2p2's symmetry function scaling, chosen by keywords in input.nn, with per-function statistics
 * (min, max, mean, sigma) from scaling.data:
 * <pre>
 * none                          G_s = G
 * scale_symmetry_functions      G_s = S_min + (S_max − S_min)(G − G_min)/(G_max − G_min)
 * center_symmetry_functions     G_s = G − G_mean
 * scale + center                G_s = S_min + (S_max − S_min)(G − G_mean)/(G_max − G_min)
 * scale_symmetry_functions_sigma G_s = S_min + (S_max − S_min)(G − G_mean)/G_sigma
 * </pre>
 */
public enum Scaling {
    NONE, SCALE, CENTER, SCALE_CENTER, SIGMA;

    /** The mode n2p2 picks from the keywords present (scale and center win over sigma, as in n2p2). */
    static Scaling fromKeywords(boolean scale, boolean center, boolean sigma) {
        if (scale && !center) return SCALE;
        if (!scale && center) return CENTER;
        if (scale) return SCALE_CENTER;
        if (sigma) return SIGMA;
        return NONE;
    }

    boolean usesRange() { return this == SCALE || this == SCALE_CENTER || this == SIGMA; }

    /** Per-function scaling of one element: G_s = smin + factor·(G − reference); inference and training use the same. */
    public static final class Table {
        final double[] smin, reference;
        /** ∂G_s/∂G per function. Do not modify. */
        public final double[] factor;

        public Table(int n) {
            smin = new double[n];
            factor = new double[n];
            reference = new double[n];
        }

        public double apply(int s, double g) { return smin[s] + factor[s] * (g - reference[s]); }

        /** Scaled values of n functions: x[k] = apply(k, g[o + k]). */
        public void apply(double[] g, int o, int n, double[] x) {
            for (int k = 0; k < n; k++) x[k] = smin[k] + factor[k] * (g[o + k] - reference[k]);
        }
    }

    /** Sets function s of a table from its statistics; returns null or a problem description. */
    public String set(Table t, int s, double min, double max, double mean, double sigma, double sMin, double sMax) {
        switch (this) {
            case NONE: t.smin[s] = 0; t.factor[s] = 1; t.reference[s] = 0; return null;
            case CENTER: t.smin[s] = 0; t.factor[s] = 1; t.reference[s] = mean; return null;
            case SIGMA:
                if (!(sigma > 0)) return "sigma must be positive for scale_symmetry_functions_sigma, got " + sigma;
                t.smin[s] = sMin; t.factor[s] = (sMax - sMin) / sigma; t.reference[s] = mean; return null;
            default:
                if (!(max > min)) return "max (" + max + ") must exceed min (" + min + ") to scale";
                t.smin[s] = sMin; t.factor[s] = (sMax - sMin) / (max - min); t.reference[s] = this == SCALE ? min : mean;
                return null;
        }
    }
}
