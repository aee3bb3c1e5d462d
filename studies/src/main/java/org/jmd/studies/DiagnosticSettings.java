package org.jmd.studies;

import org.jmd.engine.Arguments;

/**
 * The {@code diagnostics} line: how the descriptor-space diagnostics are computed.
 *
 * @param enabled        false after {@code diagnostics off}
 * @param neighbours     k of the k-nearest-neighbour distance to the training environments
 * @param components     principal components kept for the convex-hull test
 * @param hullPoints     training environments (per element, at random) that span the hull
 * @param environments   training environments (per element, at random) kept for the distances
 * @param maxForceSpread committee force spread (eV/Å) whose first crossing the liquid runs record; NaN for none
 * @param seed           seed of the random picks
 */
public record DiagnosticSettings(boolean enabled, int neighbours, int components, int hullPoints, int environments, double maxForceSpread, long seed) {
    public static DiagnosticSettings defaults() { return new DiagnosticSettings(true, 5, 4, 1500, 4000, Double.NaN, 1); }

    /** {@code diagnostics off} or {@code diagnostics [k=5] [components=4] [hull_points=1500] [environments=4000] [max_fspread=S] [seed=1]}. */
    public static DiagnosticSettings parse(Arguments a) {
        if (a.positionalCount() == 1 && a.positional(0, "").equals("off")) {
            a.requireAllUsed();
            DiagnosticSettings d = defaults();
            return new DiagnosticSettings(false, d.neighbours, d.components, d.hullPoints, d.environments, d.maxForceSpread, d.seed);
        }
        a.requirePositionalAtMost(0);
        DiagnosticSettings d = defaults();
        int k = a.integer("k", d.neighbours);
        int components = a.integer("components", d.components);
        int hull = a.integer("hull_points", d.hullPoints);
        int env = a.integer("environments", d.environments);
        double spread = a.real("max_fspread", Double.NaN);
        long seed = a.integer("seed", 1);
        a.requireAllUsed();
        if (k < 1) throw a.error("k= must be at least 1, got " + k);
        if (components < 1 || components > 20) throw a.error("components= must be between 1 and 20, got " + components);
        if (hull < components + 1) throw a.error("hull_points= must exceed components=, got " + hull);
        if (env < k) throw a.error("environments= must be at least k=, got " + env);
        if (a.has("max_fspread") && !(spread > 0)) throw a.error("max_fspread= must be positive (eV/Å), got " + spread);
        return new DiagnosticSettings(true, k, components, hull, env, spread, seed);
    }
}
