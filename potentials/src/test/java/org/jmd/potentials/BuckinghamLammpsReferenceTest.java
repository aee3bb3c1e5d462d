package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code *.buck.extxyz} in {@code reference/lammps-singlepoint}: LAMMPS 29 Sep 2021
 * {@code buck/coul/long} + {@code kspace_style ewald 1e-12}, {@code pair_modify shift yes table 0}.
 *
 * <p>{@link #issueDeckAgreesWithLammps}: the deck line of issue 3 (ewald_accuracy=1e-10, default
 * {@code compat=lammps}). Energy to 1e-6 relative and each force component to 1e-5 eV/Å, as the
 * issue asks (worst measured 3.0e-7 and 3.0e-6 eV/Å). The virial is held to 3e-5 of its largest
 * component, not the issue's 1e-6, because no honest choice reaches 1e-6 (worst measured 1.5e-5,
 * zincblende): LAMMPS's real-space erfc is a polynomial with errors up to 1.4e-7 whose effect
 * depends on α, and α follows the accuracy (0.4765 /Å at 1e-10, 0.5227 /Å at 1e-12). The
 * reference's virial carries the polynomial's error at α(1e-12); a run at 1e-10 carries it at
 * α(1e-10). LAMMPS itself, run at 1e-10 on these files, misses its own 1e-12 result by the same
 * 1.5e-5 (and jmd at 1e-10 matches that LAMMPS run to 1.4e-7). With the exact erfc and CODATA
 * k_e ({@code compat=exact}) jmd is 4.0e-5 away. See docs/potentials-ionic.md for the table.
 *
 * <p>{@link #referenceAccuracyReproducesLammps}: with the reference's own accuracy, 1e-12, jmd
 * reproduces LAMMPS to round-off (measured 2.7e-14 energy, 1.3e-11 eV/Å, 4.8e-11 virial), which
 * shows that nothing but α separates the two at 1e-10.
 */
class BuckinghamLammpsReferenceTest {
    static final String PAIRS = " charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";
    /** Issue 3's deck line, exactly. */
    static final String DECK = "buckingham cutoff=10.0 shift=yes coulomb=ewald ewald_accuracy=1e-10" + PAIRS;

    static Path referenceDir() {
        String shared = System.getProperty("jmd.testdata");
        assertNotNull(shared, "system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path dir = Path.of(shared, "reference", "lammps-singlepoint");
        assertTrue(Files.isDirectory(dir), "reference data missing: " + dir.toAbsolutePath());
        return dir;
    }

    static List<Path> referenceFiles() throws IOException {
        try (Stream<Path> files = Files.list(referenceDir())) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".buck.extxyz")).sorted().toList();
            assertFalse(list.isEmpty(), "no *.buck.extxyz in " + referenceDir());
            return list;
        }
    }

    @TestFactory Stream<DynamicTest> issueDeckAgreesWithLammps() throws IOException {
        return agreement(DECK, 1e-6, 1e-5, 3e-5);
    }

    @TestFactory Stream<DynamicTest> referenceAccuracyReproducesLammps() throws IOException {
        return agreement(DECK.replace("ewald_accuracy=1e-10", "ewald_accuracy=1e-12"), 1e-12, 1e-9, 1e-9);
    }

    /** Energy relative error, largest force component error (eV/Å) and virial error relative to its largest component. */
    static Stream<DynamicTest> agreement(String deck, double eTol, double fTol, double wTol) throws IOException {
        Potential pot = PotentialRegistry.load().create(deck, null);
        return referenceFiles().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            Frame ref = StructureIO.read(path);
            assertNotNull(ref.energy, path + ": no energy");
            assertNotNull(ref.forces, path + ": no forces");
            assertNotNull(ref.virial, path + ": no virial");
            ForceResult r = Consistency.evaluate(pot, ref.system);
            double eErr = Math.abs(r.energy - ref.energy) / Math.abs(ref.energy);
            double fErr = 0, wMax = 0, wErr = 0;
            for (int k = 0; k < ref.forces.length; k++) fErr = Math.max(fErr, Math.abs(r.forces[k] - ref.forces[k]));
            for (int k = 0; k < 9; k++) wMax = Math.max(wMax, Math.abs(ref.virial[k]));
            for (int k = 0; k < 9; k++) wErr = Math.max(wErr, Math.abs(r.virial[k] - ref.virial[k]) / wMax);
            System.out.printf("%s (%s): N=%d energy rel err %.2e, max force err %.2e eV/Å, virial rel err %.2e%n",
                    path.getFileName(), deck.replaceAll(".*(ewald_accuracy=\\S+).*", "$1"), ref.system.size(), eErr, fErr, wErr);
            assertTrue(eErr < eTol, "energy " + r.energy + " vs LAMMPS " + ref.energy + " (relative error " + eErr + ")");
            assertTrue(fErr < fTol, "largest force component error " + fErr + " eV/Å");
            assertTrue(wErr < wTol, "virial error " + wErr + " relative to its largest component");
        }));
    }
}
