package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real LAMMPS ({@code lmp}, Debian package lammps) on random triclinic structures and
 * compares energy, forces, per-atom energies ({@code compute pe/atom}) and virial
 * ({@code compute pressure NULL virial} × V) with jmd, for single- and multi-element parameter
 * files, through {@link LammpsRunner}. Skipped, saying why, when no {@code lmp} is installed.
 */
class LammpsDifferentialTest {
    @TempDir Path dir;

    /**
     * @param style    LAMMPS pair style and jmd potential name
     * @param file     LAMMPS potentials file
     * @param jmdExtra extra jmd arguments (element mapping)
     * @param lammpsElements the pair_coeff element names, one per species
     */
    record Case(String style, String file, String jmdExtra, String[] species, String[] lammpsElements, double volumePerAtom, double minDistance) {
        @Override public String toString() { return style + " " + file + " " + String.join("-", lammpsElements); }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("sw", "Si.sw", "", new String[] {"Si"}, new String[] {"Si"}, 18, 2.0),
                new Case("sw", "GaN.sw", "", new String[] {"Ga", "N"}, new String[] {"Ga", "N"}, 10, 1.6),
                new Case("tersoff", "Si.tersoff", "", new String[] {"Si"}, new String[] {"Si"}, 18, 2.0),
                new Case("tersoff", "SiC.tersoff", "", new String[] {"Si", "C"}, new String[] {"Si", "C"}, 12, 1.5),
                new Case("tersoff", "SiCGe.tersoff", "elements=Si=Si(C)", new String[] {"Si"}, new String[] {"Si(C)"}, 18, 2.0),
                new Case("tersoff", "ZnO_Erhart2006.tersoff", "", new String[] {"Zn", "O"}, new String[] {"Zn", "O"}, 11, 1.7))
                .map(Arguments::of);
    }

    Path potentialFile(String name) {
        return name.startsWith("ZnO") ? ReferenceFiles.shared("potentials/" + name) : ReferenceFiles.lammpsPotential(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithLammps(Case c) throws Exception {
        LammpsRunner lammps = LammpsRunner.in(dir);
        Path file = potentialFile(c.file());
        Potential ours = PotentialRegistry.load().create(c.style() + " " + file + " " + c.jmdExtra(), dir);
        double worstE = 0, worstF = 0, worstEi = 0, worstW = 0;
        for (long seed = 11; seed <= 12; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(c.species(), 30, c.volumePerAtom(), c.minDistance(), seed);
            ForceResult r = Consistency.evaluate(ours, s);
            ForceResult ref = lammps.run(s, "pair_style " + c.style() + "\npair_coeff * * " + file + " " + String.join(" ", c.lammpsElements())).values();
            worstE = Math.max(worstE, Math.abs(r.energy - ref.energy) / Math.abs(ref.energy));
            double wScale = 0, wErr = 0;
            for (int k : new int[] {0, 4, 8, 1, 2, 5}) { // the six components LAMMPS reports
                wScale = Math.max(wScale, Math.abs(ref.virial[k]));
                wErr = Math.max(wErr, Math.abs(r.virial[k] - ref.virial[k]));
            }
            worstW = Math.max(worstW, wErr / wScale);
            for (int i = 0; i < s.size(); i++) {
                for (int d = 0; d < 3; d++) worstF = Math.max(worstF, Math.abs(r.forces[3 * i + d] - ref.forces[3 * i + d]));
                worstEi = Math.max(worstEi, Math.abs(r.atomEnergies[i] - ref.atomEnergies[i]));
            }
        }
        System.out.printf(Locale.ROOT, "lmp %-40s E rel %.1e  max|dF| %.1e eV/A  max|de_i| %.1e eV  W rel %.1e%n", c, worstE, worstF, worstEi, worstW);
        assertTrue(worstE < 1e-10, c + ": energy relative error " + worstE);
        assertTrue(worstF < 1e-8, c + ": force error " + worstF + " eV/Å");
        assertTrue(worstEi < 1e-8, c + ": per-atom energy error " + worstEi + " eV");
        // 1e-6: LAMMPS's nktv2p (1.6021765e6) rounds the eV/Å³-to-bar factor at 8e-8 relative.
        assertTrue(worstW < 1e-6, c + ": virial error " + worstW + " relative to its largest component");
    }
}
