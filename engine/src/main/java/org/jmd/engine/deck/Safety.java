package org.jmd.engine.deck;

import java.util.Locale;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.FiniteResults;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Uncertainty;
import org.jmd.neighbor.NeighborList;

/**
 * Stops a run that has gone wrong before it writes garbage for hours: a non-finite energy,
 * force or virial ({@link FiniteResults}, which names the closest pair), a force beyond
 * {@code maxForce}, or two atoms closer than {@code minDistance} (a timestep too long or a
 * potential that lets atoms fuse), and, for a potential that knows its own uncertainty (a
 * committee), a force spread beyond {@code maxForceSpread}: the run has left the model's training
 * data. Checked after every step. The close-contact test walks the neighbor list the potential
 * already has, but not at every step: after a full pass over the pairs, which finds the closest
 * pair of the list at distance r_min, no pair of the same list (same build, same cell) can come
 * closer than r_min − 2 max|Δx|, where Δx is each atom's move since that pass. While that bound
 * stays above the limit the step costs one pass over the atoms instead of one over the pairs
 * (a cheap pair potential spent a tenth of its step here); otherwise the pairs are walked again,
 * so the check reports exactly what a full pass at every step would.
 */
final class Safety {
    /** Å; 0 turns the check off. */
    double minDistance = 0.5;
    /** eV/Å on one atom; infinity turns the check off. */
    double maxForce = 1000;
    /** eV/Å, the largest per-atom force spread ({@link Uncertainty}); infinity turns the check off. */
    double maxForceSpread = Double.POSITIVE_INFINITY;

    // the last full pass over the pairs: its list, build number, positions, cell and closest distance
    private NeighborList passedList;
    private long passedBuild = -1;
    private int passedAtoms = -1;
    private double passedLimit = Double.NaN;
    private double[] passedX = new double[0];
    private final double[] passedCell = new double[9];
    private double passedClosest;
    /** Full passes over the pairs so far (for tests). */
    long fullPasses;

    /** Whether the spread check is on, so the run needs a potential that reports one. */
    boolean checksForceSpread() { return maxForceSpread != Double.POSITIVE_INFINITY; }

    /**
     * A description of what is wrong, or null when all is well; {@code u} is null for a potential
     * without a spread. {@code build} numbers the builds of {@code list} (it changes when the list
     * is rebuilt).
     */
    String check(AtomicSystem s, ForceResult f, NeighborList list, long build, Uncertainty u) {
        String notFinite = FiniteResults.problem(s, f);
        if (notFinite != null) return notFinite;
        double[] force = f.forces;
        double limit2 = maxForce * maxForce;
        for (int i = 0; i < s.size(); i++) {
            double fx = force[3 * i], fy = force[3 * i + 1], fz = force[3 * i + 2];
            double f2 = fx * fx + fy * fy + fz * fz;
            if (!(f2 <= limit2)) {
                return String.format(Locale.ROOT, "the force on atom %d (%s) is %s eV/Å (limit %g, set with 'safety max_force=')",
                        i + 1, s.symbol(i), Double.isFinite(f2) ? String.format(Locale.ROOT, "%.4g", Math.sqrt(f2)) : "not finite", maxForce);
            }
        }
        if (u != null && checksForceSpread()) {
            double[] spread = u.forceSpread();
            for (int i = 0; i < s.size(); i++) {
                if (!(spread[i] <= maxForceSpread)) {
                    return String.format(Locale.ROOT, "the force spread on atom %d (%s) is %.4g eV/Å (limit %s, set with 'safety max_fspread=')",
                            i + 1, s.symbol(i), spread[i], maxForceSpread);
                }
            }
        }
        if (minDistance > 0 && !provablyApart(s, list, build)) {
            int[] start = list.startArray(), nb = list.neighborArray();
            double[] d = new double[3];
            double min2 = minDistance * minDistance, closest2 = Double.POSITIVE_INFINITY;
            fullPasses++;
            for (int i = 0; i < list.atomCount(); i++) {
                for (int p = start[i]; p < start[i + 1]; p++) {
                    list.displacement(s.x, i, p, d);
                    double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                    if (r2 < min2) {
                        int j = nb[p];
                        passedList = null;
                        return String.format(Locale.ROOT, "atoms %d (%s) and %d (%s) are %.4f Å apart (limit %g Å, set with 'safety min_distance=')",
                                i + 1, s.symbol(i), j + 1, s.symbol(j), Math.sqrt(r2), minDistance);
                    }
                    closest2 = Math.min(closest2, r2);
                }
            }
            remember(s, list, build, Math.sqrt(closest2));
        }
        return null;
    }

    /**
     * True when no pair of {@code list} can be closer than {@link #minDistance}: the list and the
     * cell are those of the last full pass and twice the largest move since then is below that
     * pass's margin r_min − minDistance (less a relative 10⁻⁶ for rounding).
     */
    private boolean provablyApart(AtomicSystem s, NeighborList list, long build) {
        int n = s.size();
        if (list != passedList || build != passedBuild || n != passedAtoms || minDistance != passedLimit) return false;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) if (s.cell().h(r, c) != passedCell[3 * r + c]) return false;
        double margin = passedClosest - minDistance;
        if (!(margin > 0)) return false;
        double allowed = 0.5 * margin * (1 - 1e-6), allowed2 = allowed * allowed;
        double[] x = s.x, x0 = passedX;
        for (int k = 0; k < 3 * n; k += 3) {
            double dx = x[k] - x0[k], dy = x[k + 1] - x0[k + 1], dz = x[k + 2] - x0[k + 2];
            if (!(dx * dx + dy * dy + dz * dz < allowed2)) return false;
        }
        return true;
    }

    private void remember(AtomicSystem s, NeighborList list, long build, double closest) {
        int n = s.size();
        if (passedX.length < 3 * n) passedX = new double[3 * n];
        System.arraycopy(s.x, 0, passedX, 0, 3 * n);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) passedCell[3 * r + c] = s.cell().h(r, c);
        passedList = list;
        passedBuild = build;
        passedAtoms = n;
        passedLimit = minDistance;
        passedClosest = closest;
    }
}
