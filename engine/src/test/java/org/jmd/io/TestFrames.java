package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;

/** Structures with every field set, for round trips. */
final class TestFrames {
    private TestFrames() {}

    /** A general (rotated, tilted) right-handed cell: not in LAMMPS's lower-triangular form. */
    static final double[] GENERAL_CELL = {5.1, 0.3, -0.2, 1.2, 4.8, 0.4, -0.7, 0.9, 6.3};

    /** Zn and O in a general triclinic cell with velocities (Å/fs), charges, forces, per-atom energies and labels. */
    static Frame znoTriclinic(long seed, boolean interleaved) {
        Random r = new Random(seed);
        int n = 6;
        String[] sym = interleaved ? new String[] {"Zn", "O", "Zn", "O", "Zn", "O"} : new String[] {"Zn", "Zn", "Zn", "O", "O", "O"};
        Cell cell = new Cell(GENERAL_CELL, new boolean[] {true, true, true});
        double[] s = new double[3 * n], x = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) s[k] = r.nextDouble();
        for (int i = 0; i < n; i++) cell.toCartesian(s, i, x, i);
        AtomicSystem sys = AtomicSystem.of(cell, sym, x);
        Frame f = new Frame(sys);
        for (int k = 0; k < 3 * n; k++) sys.v[k] = 0.01 * r.nextGaussian();
        f.hasVelocities = true;
        for (int i = 0; i < n; i++) sys.charge[i] = sym[i].equals("Zn") ? 2.0 : -2.0;
        f.hasCharges = true;
        f.forces = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) f.forces[k] = r.nextGaussian();
        f.atomEnergies = new double[n];
        for (int i = 0; i < n; i++) f.atomEnergies[i] = -4 + r.nextDouble();
        f.energy = -21.123456789012345;
        f.virial = new double[] {1.5, 0.1, 0.2, 0.1, -2.25, 0.3, 0.2, 0.3, 0.125};
        f.stress = new double[] {-0.01, 0.002, 0.003, 0.002, 0.02, 0.004, 0.003, 0.004, -0.001};
        return f;
    }

    static void assertSameAtoms(AtomicSystem a, AtomicSystem b, double tol) {
        assertEquals(a.size(), b.size());
        assertArrayEquals(a.symbols(), b.symbols());
        assertArrayEquals(a.x, b.x, tol, "positions");
        assertArrayEquals(a.cell().matrix(), b.cell().matrix(), tol, "cell");
        assertArrayEquals(a.cell().pbc(), b.cell().pbc(), "pbc");
    }
}
