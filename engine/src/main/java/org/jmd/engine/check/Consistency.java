package org.jmd.engine.check;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;

/**
 * Checks any {@link Potential} against itself: forces and virial against central finite
 * differences of the energy, per-atom energies against the total, and the energy's invariance
 * under translation, rotation, permutation and choice of cell. Each check returns the worst
 * discrepancy so tests state their own tolerance.
 */
public final class Consistency {
    private Consistency() {}

    public static ForceResult evaluate(Potential p, AtomicSystem s) {
        ForceResult r = new ForceResult();
        new ForceCalculator(p, 0.0).compute(s, r);
        return r;
    }

    public static double energy(Potential p, AtomicSystem s) { return evaluate(p, s).energy; }

    /** Largest |F_analytic − (−∂E/∂x)| over all components, central differences with step h (Å). */
    public static double maxForceError(Potential p, AtomicSystem s, double h) {
        int[] all = new int[s.size()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return maxForceError(p, s, h, all);
    }

    /**
     * The same over the three components of the given atoms only: each component costs two
     * energy evaluations of the whole system, which for large or expensive models is what limits
     * a test.
     */
    public static double maxForceError(Potential p, AtomicSystem s, double h, int[] atoms) {
        ForceResult r = evaluate(p, s);
        double worst = 0;
        for (int i : atoms) {
            for (int k = 3 * i; k < 3 * i + 3; k++) {
                AtomicSystem plus = s.copy(), minus = s.copy();
                plus.x[k] += h;
                minus.x[k] -= h;
                double numeric = -(energy(p, plus) - energy(p, minus)) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - r.forces[k]));
            }
        }
        return worst;
    }

    /**
     * Largest |W_analytic − W_numeric| over the nine components, where W_ab = −∂E/∂ε_ba under
     * the homogeneous deformation x → (1 + ε) x of positions and cell.
     */
    public static double maxVirialError(Potential p, AtomicSystem s, double h) {
        ForceResult r = evaluate(p, s);
        double worst = 0;
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double ep = energy(p, strained(s, a, b, h)), em = energy(p, strained(s, a, b, -h));
                double numeric = -(ep - em) / (2 * h);
                worst = Math.max(worst, Math.abs(numeric - r.virial[3 * b + a]));
            }
        return worst;
    }

    /** |Σ per-atom energies − total|. */
    public static double atomEnergySumError(Potential p, AtomicSystem s) {
        ForceResult r = evaluate(p, s);
        double sum = 0;
        for (double e : r.atomEnergies) sum += e;
        return Math.abs(sum - r.energy);
    }

    /** Largest energy change under a random translation, a random rotation of atoms and cell, and a random permutation. */
    public static double maxInvarianceError(Potential p, AtomicSystem s, long seed) {
        Random rnd = new Random(seed);
        double e0 = energy(p, s);
        double worst = 0;
        worst = Math.max(worst, Math.abs(energy(p, Structures.translate(s, 3 * rnd.nextGaussian(), 3 * rnd.nextGaussian(), 3 * rnd.nextGaussian())) - e0));
        double[] rot = Structures.rotation(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), 2 * Math.PI * rnd.nextDouble());
        worst = Math.max(worst, Math.abs(energy(p, Structures.rotate(s, rot)) - e0));
        int[] order = new int[s.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1), t = order[i]; order[i] = order[j]; order[j] = t;
        }
        worst = Math.max(worst, Math.abs(energy(p, Structures.permute(s, order)) - e0));
        // choice of periodic image: move each atom by a random lattice translation
        AtomicSystem shifted = s.copy();
        Cell c = s.cell();
        for (int i = 0; i < s.size(); i++)
            for (int k = 0; k < 3; k++) {
                if (!c.periodic(k)) continue;
                int m = rnd.nextInt(5) - 2;
                for (int d = 0; d < 3; d++) shifted.x[3 * i + d] += m * c.h(k, d);
            }
        worst = Math.max(worst, Math.abs(energy(p, shifted) - e0));
        return worst;
    }

    /** |E(2×2×2 supercell) − 8 E| for a fully periodic system. */
    public static double supercellError(Potential p, AtomicSystem s) {
        return Math.abs(energy(p, Structures.repeat(s, 2, 2, 2)) - 8 * energy(p, s));
    }

    /** A random triclinic, fully periodic system of the given species at roughly the given volume per atom. */
    public static AtomicSystem randomTriclinic(String[] speciesTable, int n, double volumePerAtom, double minDistance, long seed) {
        Random rnd = new Random(seed);
        double l = Math.cbrt(n * volumePerAtom);
        for (int attempt = 0; attempt < 1000; attempt++) {
            double[] h = {l * (0.9 + 0.2 * rnd.nextDouble()), 0, 0,
                0.3 * l * (rnd.nextDouble() - 0.5), l * (0.9 + 0.2 * rnd.nextDouble()), 0,
                0.3 * l * (rnd.nextDouble() - 0.5), 0.3 * l * (rnd.nextDouble() - 0.5), l * (0.9 + 0.2 * rnd.nextDouble())};
            double vol = h[0] * h[4] * h[8];
            double scale = Math.cbrt(n * volumePerAtom / vol);
            for (int k = 0; k < 9; k++) h[k] *= scale;
            Cell cell = new Cell(h, new boolean[] {true, true, true});
            double[] x = new double[3 * n], s = new double[3];
            int[] type = new int[n];
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                boolean placed = false;
                for (int tries = 0; tries < 2000 && !placed; tries++) {
                    for (int d = 0; d < 3; d++) s[d] = rnd.nextDouble();
                    cell.toCartesian(s, 0, x, i);
                    placed = true;
                    for (int j = 0; j < i && placed; j++) placed = minImageDistance(cell, x, i, j) >= minDistance;
                }
                ok = placed;
                type[i] = i % speciesTable.length;
            }
            if (ok) return new AtomicSystem(cell, speciesTable, type, x);
        }
        throw new IllegalArgumentException("cannot place " + n + " atoms " + minDistance + " Å apart");
    }

    private static double minImageDistance(Cell c, double[] x, int i, int j) {
        double best = Double.MAX_VALUE;
        for (int a = -1; a <= 1; a++)
            for (int b = -1; b <= 1; b++)
                for (int cc = -1; cc <= 1; cc++) {
                    double r2 = 0;
                    for (int d = 0; d < 3; d++) {
                        double dd = x[3 * j + d] - x[3 * i + d] + a * c.h(0, d) + b * c.h(1, d) + cc * c.h(2, d);
                        r2 += dd * dd;
                    }
                    best = Math.min(best, r2);
                }
        return Math.sqrt(best);
    }

    private static AtomicSystem strained(AtomicSystem s, int a, int b, double e) {
        double[] m = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        m[3 * a + b] += e;
        AtomicSystem out = Structures.rotate(s, m); // any linear map; not only rotations
        System.arraycopy(s.v, 0, out.v, 0, s.v.length);
        return out;
    }
}
