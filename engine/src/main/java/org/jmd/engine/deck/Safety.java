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
 * data. Checked after every step; the close
 * contact test walks the neighbor list the potential already has, so it costs one pass over
 * the pairs and nothing more.
 */
final class Safety {
    /** Å; 0 turns the check off. */
    double minDistance = 0.5;
    /** eV/Å on one atom; infinity turns the check off. */
    double maxForce = 1000;
    /** eV/Å, the largest per-atom force spread ({@link Uncertainty}); infinity turns the check off. */
    double maxForceSpread = Double.POSITIVE_INFINITY;

    /** Whether the spread check is on, so the run needs a potential that reports one. */
    boolean checksForceSpread() { return maxForceSpread != Double.POSITIVE_INFINITY; }

    /** A description of what is wrong, or null when all is well; {@code u} is null for a potential without a spread. */
    String check(AtomicSystem s, ForceResult f, NeighborList list, Uncertainty u) {
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
        if (minDistance > 0) {
            int[] start = list.startArray(), nb = list.neighborArray();
            double[] d = new double[3];
            double min2 = minDistance * minDistance;
            for (int i = 0; i < list.atomCount(); i++) {
                for (int p = start[i]; p < start[i + 1]; p++) {
                    list.displacement(s.x, i, p, d);
                    double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                    if (r2 < min2) {
                        int j = nb[p];
                        return String.format(Locale.ROOT, "atoms %d (%s) and %d (%s) are %.4f Å apart (limit %g Å, set with 'safety min_distance=')",
                                i + 1, s.symbol(i), j + 1, s.symbol(j), Math.sqrt(r2), minDistance);
                    }
                }
            }
        }
        return null;
    }
}
