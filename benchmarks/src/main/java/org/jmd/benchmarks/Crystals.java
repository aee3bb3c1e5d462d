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

    static AtomicSystem rattle(AtomicSystem s, double amplitude, long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < s.x.length; k++) s.x[k] += amplitude * r.nextGaussian();
        return s;
    }
}
