package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.Test;

/**
 * jmd's own parameter files in inputs/potentials, written from the papers, give the same
 * energies and forces as the files LAMMPS ships (Debian lammps-data) on random silicon cells.
 */
class ParameterFilesTest {
    static final int STRUCTURES = 4;

    /** Largest relative energy and absolute force difference between two potentials over random Si cells. */
    static double[] compare(Potential ours, Potential theirs) {
        double energy = 0, force = 0;
        for (long seed = 1; seed <= STRUCTURES; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 24, 19.0, 2.0, seed);
            ForceResult a = Consistency.evaluate(ours, s), b = Consistency.evaluate(theirs, s);
            energy = Math.max(energy, Math.abs(a.energy - b.energy) / Math.abs(b.energy));
            for (int k = 0; k < a.forces.length; k++) force = Math.max(force, Math.abs(a.forces[k] - b.forces[k]));
        }
        return new double[] {energy, force};
    }

    static double[] compareFiles(String ours, String theirs, List<String> theirElements,
                                 BiFunction<java.nio.file.Path, List<String>, Potential> reader) {
        double[] d = compare(reader.apply(ReferenceFiles.repo(ours), null),
                reader.apply(ReferenceFiles.lammpsPotential(theirs), theirElements));
        System.out.printf(Locale.ROOT, "%-36s vs LAMMPS %-14s energy rel %.1e  force %.1e eV/A%n", ours, theirs, d[0], d[1]);
        return d;
    }

    @Test void stillingerWeberMatchesLammpsSiSw() {
        // Our cos θ0 is −1/3 to full precision, LAMMPS's −0.333333333333: a 3e-13 change in
        // cos θ0 moves energies by ~1e-13 relative, so the tolerance is 1e-11 rather than 1e-15.
        double[] d = compareFiles("inputs/potentials/Si.sw", "Si.sw", null, StillingerWeber::read);
        assertTrue(d[0] < 1e-11, "energy differs by " + d[0] + " relative");
        assertTrue(d[1] < 1e-10, "forces differ by " + d[1] + " eV/Å");
    }

    @Test void tersoffSiBMatchesLammpsSiTersoff() {
        double[] d = compareFiles("inputs/potentials/Si.tersoff", "Si.tersoff", null, Tersoff::read);
        assertTrue(d[0] < 1e-14, "energy differs by " + d[0] + " relative");
        assertTrue(d[1] < 1e-12, "forces differ by " + d[1] + " eV/Å");
    }

    @Test void tersoffSiCMatchesTheSiCEntryOfLammpsSiCGe() {
        double[] d = compareFiles("inputs/potentials/Si_1988C.tersoff", "SiCGe.tersoff", List.of("Si=Si(C)"), Tersoff::read);
        assertTrue(d[0] < 1e-14, "energy differs by " + d[0] + " relative");
        assertTrue(d[1] < 1e-12, "forces differ by " + d[1] + " eV/Å");
    }
}
