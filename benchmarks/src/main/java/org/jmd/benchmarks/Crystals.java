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
     * Wurtzite ZnO (a = 3.25 Å, c = 5.207 Å, u = 0.382; 4 atoms per hexagonal cell), n×n×m cells
     * with m ≈ n·a/c so the supercell is roughly as tall as it is wide, the smallest such with at
     * least {@code atoms} atoms, rattled by 0.05 Å. Charges are left to the potential.
     */
    public static AtomicSystem zincOxide(int atoms, long seed) {
        double a = 3.25, c = 5.207, u = 0.382;
        double[] h = {a, 0, 0, -a / 2, a * Math.sqrt(3) / 2, 0, 0, 0, c};
        double[][] frac = {{1. / 3, 2. / 3, 0}, {2. / 3, 1. / 3, .5}, {1. / 3, 2. / 3, u}, {2. / 3, 1. / 3, .5 + u}};
        Cell cell = new Cell(h, new boolean[] {true, true, true});
        double[] x = new double[12];
        for (int k = 0; k < 4; k++) cell.toCartesian(frac[k], 0, x, k);
        AtomicSystem unit = new AtomicSystem(cell, new String[] {"Zn", "O"}, new int[] {0, 0, 1, 1}, x);
        int n = 1, m;
        while (true) {
            m = Math.max(1, (int) Math.round(n * a / c));
            if (4L * n * n * m >= atoms) break;
            n++;
        }
        return rattle(Structures.repeat(unit, n, n, m), 0.05, seed);
    }

    static AtomicSystem rattle(AtomicSystem s, double amplitude, long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < s.x.length; k++) s.x[k] += amplitude * r.nextGaussian();
        return s;
    }
}
