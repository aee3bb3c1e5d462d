package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmd against the real LAMMPS binary (Debian's {@code lammps}, {@code /usr/bin/lmp}; another
 * binary via {@code -Djmd.lmp=PATH}) on random triclinic Zn–O cells: DSF against
 * {@code buck + coul/dsf} and Ewald against {@code buck/coul/long + kspace_style ewald}. Skipped
 * with a message when LAMMPS is not installed.
 *
 * <p>With the default {@code compat=lammps} jmd uses LAMMPS's k_e = 14.399645 eV·Å and its erfc
 * polynomial, so DSF agrees to round-off; Ewald differs only in the k-vectors summed (LAMMPS takes
 * a larger sphere than the accuracy needs), by ~1e-9 eV/Å in force. The tolerances sit a few
 * times above the differences measured with LAMMPS 29 Sep 2021.
 */
class BuckinghamLammpsDifferentialTest {
    static final String BUCK_PAIRS = "pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";
    /** Issue 3's deck line, exactly. */
    static final String ISSUE_DECK = "buckingham cutoff=10.0 shift=yes coulomb=ewald ewald_accuracy=1e-10 charges=Zn:2,O:-2 " + BUCK_PAIRS;

    @TempDir Path dir;

    /** The structure with the model's charges on its atoms, as the LAMMPS data file needs them. */
    static AtomicSystem charged(AtomicSystem s) {
        for (int i = 0; i < s.size(); i++) s.charge[i] = s.symbol(i).equals("Zn") ? 2.0 : -2.0;
        return s;
    }

    @Test void dsfAgreesWithCoulDsf() throws Exception {
        LammpsRunner lammps = LammpsRunner.in(dir);
        AtomicSystem s = charged(Consistency.randomTriclinic(new String[] {"Zn", "O"}, 48, 12.0, 1.75, 21));
        String pair = "pair_style hybrid/overlay buck 8.0 coul/dsf 0.22 8.0\n"
                + "pair_coeff * * coul/dsf\n"
                + "pair_coeff 1 2 buck 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 buck 9547.96 0.21916 32.0\n"
                + "pair_modify pair buck shift yes\n";
        ForceResult ref = lammps.run(s, pair).values();
        ForceResult jmd = Consistency.evaluate(PotentialRegistry.load().create(
                "buckingham cutoff=8.0 shift=yes coulomb=dsf alpha=0.22 charges=Zn:2,O:-2 " + BUCK_PAIRS, null), s);
        compare("dsf", jmd, ref, 1e-12, 1e-10, 1e-12);
    }

    @Test void ewaldAgreesWithKspaceEwald() throws Exception {
        LammpsRunner lammps = LammpsRunner.in(dir);
        // a cell narrower than the cutoff, so real space needs several images
        AtomicSystem s = charged(Consistency.randomTriclinic(new String[] {"Zn", "O"}, 24, 12.0, 1.75, 22));
        String pair = "pair_style buck/coul/long 9.0\n"
                + "pair_coeff 1 1 0.0 1.0 0.0\n"
                + "pair_coeff 1 2 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 9547.96 0.21916 32.0\n"
                + "pair_modify shift yes table 0\n"
                + "kspace_style ewald 1e-10\n";
        ForceResult ref = lammps.run(s, pair).values();
        ForceResult jmd = Consistency.evaluate(PotentialRegistry.load().create(
                "buckingham cutoff=9.0 shift=yes coulomb=ewald ewald_accuracy=1e-10 charges=Zn:2,O:-2 " + BUCK_PAIRS, null), s);
        compare("ewald", jmd, ref, 1e-9, 1e-7, 1e-6);
    }

    /**
     * The issue's deck line on the reference structures (one of them a general triclinic cell
     * that goes through LAMMPS rotated) against LAMMPS run with the same accuracy, 1e-10, rather
     * than the reference files' 1e-12: α follows the accuracy, and LAMMPS's polynomial erfc makes
     * the virial depend on α at 1.5e-5 (docs/potentials-ionic.md). The files themselves are golden
     * files, reproduced at their own accuracy by GoldenFilesTest (cli).
     */
    @Test void issueDeckAgreesWithLammpsAtTheSameAccuracy() throws Exception {
        LammpsRunner lammps = LammpsRunner.in(dir);
        var jmdPotential = PotentialRegistry.load().create(ISSUE_DECK, null);
        String pair = "pair_style buck/coul/long 10.0\n"
                + "pair_coeff 1 1 0.0 1.0 0.0\n"
                + "pair_coeff 1 2 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 9547.96 0.21916 32.0\n"
                + "pair_modify shift yes table 0\n"
                + "kspace_style ewald 1e-10\n";
        for (var path : referenceFiles()) {
            AtomicSystem s = charged(StructureIO.read(path).system);
            assertTrue(s.species(0).equals("Zn") && s.species(1).equals("O"), path + ": species table should be Zn, O (LAMMPS types 1, 2)");
            compare(path.getFileName().toString(), Consistency.evaluate(jmdPotential, s), lammps.run(s, pair).values(), 1e-9, 1e-7, 1e-6);
        }
    }

    /** The Zn–O single points of LAMMPS buck/coul/long in testdata/reference/lammps-singlepoint. */
    static List<Path> referenceFiles() throws IOException {
        try (Stream<Path> files = Files.list(ReferenceFiles.shared("reference/lammps-singlepoint"))) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".buck.extxyz")).sorted().toList();
            assertTrue(!list.isEmpty(), "no *.buck.extxyz reference structures");
            return list;
        }
    }

    static void compare(String what, ForceResult jmd, ForceResult ref, double eTol, double fTol, double wTol) {
        double eErr = Math.abs(jmd.energy - ref.energy) / Math.abs(ref.energy), fErr = 0, wMax = 0, wErr = 0;
        for (int k = 0; k < ref.forces.length; k++) fErr = Math.max(fErr, Math.abs(jmd.forces[k] - ref.forces[k]));
        for (int k = 0; k < 9; k++) wMax = Math.max(wMax, Math.abs(ref.virial[k]));
        for (int k = 0; k < 9; k++) wErr = Math.max(wErr, Math.abs(jmd.virial[k] - ref.virial[k]) / wMax);
        System.out.printf("lmp %s: E %.9f vs %.9f (rel %.2e), max force err %.2e eV/Å, virial rel err %.2e%n",
                what, jmd.energy, ref.energy, eErr, fErr, wErr);
        assertTrue(eErr < eTol, what + ": energy relative error " + eErr);
        assertTrue(fErr < fTol, what + ": force error " + fErr);
        assertTrue(wErr < wTol, what + ": virial error " + wErr);
    }
}
