package org.jmd.benchmarks;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;

/** Benchmark structures: crystals of about a requested size with small random displacements. */
public final class Crystals {
    private Crystals() {}

    /** Diamond-structure silicon (a = 5.431 Å), the smallest cubic supercell with at least {@code atoms} atoms, rattled by 0.05 Å. */
    public static AtomicSystem silicon(int atoms, long seed) {
        double a = 5.431;
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0},
            {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        double[] x = new double[3 * basis.length];
        for (int k = 0; k < basis.length; k++) for (int d = 0; d < 3; d++) x[3 * k + d] = basis[k][d] * a;
        AtomicSystem unit = new AtomicSystem(Cell.orthorhombic(a, a, a), new String[] {"Si"}, new int[basis.length], x);
        int m = (int) Math.ceil(Math.cbrt(atoms / 8.0));
        return rattle(Structures.repeat(unit, m, m, m), 0.05, seed);
    }

    /**
     * Wurtzite ZnO at the lattice constants the Erhart 2006 potential relaxes to (a = 3.2189 Å,
     * c = 5.2565 Å, ideal u = 3/8), the smallest m×m×m supercell of the 4-atom hexagonal cell
     * with at least {@code atoms} atoms, rattled by 0.05 Å.
     */
    public static AtomicSystem zincOxide(int atoms, long seed) {
        double a = 3.2189, c = 5.2565, u = 0.375;
        double[] h = {a, 0, 0, -0.5 * a, 0.5 * Math.sqrt(3) * a, 0, 0, 0, c};
        double[][] frac = {{1 / 3.0, 2 / 3.0, 0}, {2 / 3.0, 1 / 3.0, 0.5}, {1 / 3.0, 2 / 3.0, u}, {2 / 3.0, 1 / 3.0, 0.5 + u}};
        double[] x = new double[3 * frac.length];
        for (int k = 0; k < frac.length; k++)
            for (int d = 0; d < 3; d++) x[3 * k + d] = frac[k][0] * h[d] + frac[k][1] * h[3 + d] + frac[k][2] * h[6 + d];
        AtomicSystem unit = new AtomicSystem(new Cell(h, new boolean[] {true, true, true}), new String[] {"Zn", "O"}, new int[] {0, 0, 1, 1}, x);
        int m = (int) Math.ceil(Math.cbrt(atoms / 4.0));
        return rattle(Structures.repeat(unit, m, m, m), 0.05, seed);
    }

    static AtomicSystem rattle(AtomicSystem s, double amplitude, long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < s.x.length; k++) s.x[k] += amplitude * r.nextGaussian();
        return s;
    }
}
