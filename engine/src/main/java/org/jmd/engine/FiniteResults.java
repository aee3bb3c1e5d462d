package org.jmd.engine;

import java.util.Locale;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;

/**
 * The one check that a potential's results are numbers: a NaN or infinite energy, force, virial
 * or per-atom energy is never reported, written or fitted, but becomes an error that says what
 * was not finite and which atoms are involved — the closest pair and their distance, since two
 * atoms on top of each other (or nearly) are what makes almost every potential give NaN or inf.
 * Commands that know the structure locate the message (file, line, structure number); see
 * {@code Frame.requireFinite}, the evaluator of many structures and the deck's safety check.
 */
public final class FiniteResults {
    private FiniteResults() {}

    /**
     * Null when everything {@code r} holds (forces, and the energy, virial and per-atom energies
     * if computed) is finite; otherwise what is not, with the closest pair of atoms.
     */
    public static String problem(AtomicSystem s, ForceResult r) {
        java.util.List<String> bad = new java.util.ArrayList<>(4);
        if (r.has(ForceResult.ENERGY) && !Double.isFinite(r.energy)) bad.add("energy (" + r.energy + ")");
        int atoms = 0, first = -1;
        double[] f = r.forces;
        for (int i = 0; 3 * i + 2 < f.length; i++) {
            if (!(Double.isFinite(f[3 * i]) && Double.isFinite(f[3 * i + 1]) && Double.isFinite(f[3 * i + 2]))) {
                if (atoms++ == 0) first = i;
            }
        }
        if (atoms == 1) bad.add("force on atom " + (first + 1) + " (" + s.symbol(first) + ")");
        if (atoms > 1) bad.add("forces on " + atoms + " atoms (the first: atom " + (first + 1) + ", " + s.symbol(first) + ")");
        if (r.has(ForceResult.VIRIAL) && !allFinite(r.virial, 9)) bad.add("virial");
        if (r.has(ForceResult.ATOM_ENERGIES) && !allFinite(r.atomEnergies, r.atomEnergies.length)) bad.add("per-atom energies");
        if (bad.isEmpty()) return null;
        return "the potential gave a non-finite " + String.join(", ", bad) + "; " + closestPair(s);
    }

    private static boolean allFinite(double[] v, int n) {
        for (int k = 0; k < n; k++) if (!Double.isFinite(v[k])) return false;
        return true;
    }

    /** Throws an {@link InputException} at {@code source:line} saying "{@code structure}: problem" when {@link #problem} finds one. */
    public static void require(AtomicSystem s, ForceResult r, String source, int line, String structure) {
        String p = problem(s, r);
        if (p != null) throw new InputException(source, line, structure == null ? p : structure + ": " + p);
    }

    /**
     * "closest pair: atoms 1 (Si) and 2 (Si), 0.0000 Å apart", periodic images included; or the
     * atom whose position is not finite; or that there is no pair. Found with a cell list whose
     * cutoff doubles from 2 Å until a pair turns up — it must by the longest periodic lattice
     * vector (an atom and its own image) or the atoms' extent, so the search ends.
     */
    public static String closestPair(AtomicSystem s) {
        int n = s.size();
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(s.x[3 * i + d])) return "atom " + (i + 1) + " (" + s.symbol(i) + ") has a non-finite position";
            }
        }
        double limit = extent(s);
        if (n == 0 || (n == 1 && !s.cell().anyPeriodic())) return "the structure has no pair of atoms";
        NeighborList list = new NeighborList();
        CellListSearch search = new CellListSearch();
        double[] d = new double[3];
        for (double cutoff = 2.0; ; cutoff *= 2) {
            double rc = Math.min(cutoff, limit);
            try {
                search.build(s.x, n, s.cell(), rc, NeighborList.Kind.HALF, list);
            } catch (IllegalArgumentException e) {
                return "no closest pair: " + e.getMessage();
            }
            int bi = -1, bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                for (int p = list.start(i); p < list.end(i); p++) {
                    list.displacement(s.x, i, p, d);
                    double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                    if (r2 < best) { best = r2; bi = i; bj = list.neighbor(p); }
                }
            }
            if (bi >= 0) {
                return String.format(Locale.ROOT, "closest pair: atoms %d (%s) and %d (%s), %.4f Å apart%s", bi + 1, s.symbol(bi), bj + 1, s.symbol(bj),
                        Math.sqrt(best), bi == bj ? " (an atom and its periodic image)" : "");
            }
            if (rc >= limit) return "no two atoms within " + String.format(Locale.ROOT, "%.3g", limit) + " Å";
        }
    }

    /** A distance within which some pair must lie: the longest periodic lattice vector, or the atoms' bounding-box diagonal. */
    private static double extent(AtomicSystem s) {
        double longest = 0;
        for (int k = 0; k < 3; k++) {
            if (!s.cell().periodic(k)) continue;
            double l2 = 0;
            for (int d = 0; d < 3; d++) l2 += s.cell().h(k, d) * s.cell().h(k, d);
            longest = Math.max(longest, Math.sqrt(l2));
        }
        double diagonal2 = 0;
        for (int d = 0; d < 3; d++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.size(); i++) { lo = Math.min(lo, s.x[3 * i + d]); hi = Math.max(hi, s.x[3 * i + d]); }
            if (hi > lo) diagonal2 += (hi - lo) * (hi - lo);
        }
        // a little more than either, so the pair at exactly that distance is inside the cutoff
        return 1.001 * Math.max(longest, Math.sqrt(diagonal2)) + 1e-6;
    }
}
