package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code *.buck.extxyz} in {@code reference/lammps-singlepoint}: LAMMPS {@code buck/coul/long}
 * + {@code kspace_style ewald 1e-12}, {@code pair_modify shift yes table 0}. Energy to 1e-6
 * relative, each force component to 1e-5 eV/Å, the virial to 1e-4 of its largest component.
 *
 * <p>The agreement is limited by the reference, not by either Ewald sum: LAMMPS evaluates the
 * real-space erfc with the Abramowitz–Stegun polynomial 7.1.26 (about 1e-7 absolute) and uses
 * k_e = 14.399645 eV·Å rather than CODATA's 14.3996454784. Substituting both into jmd (a
 * throw-away experiment, not kept) brought the differences down from 9.5e-7 to 4.1e-8 in energy,
 * 4.1e-6 to 2.4e-7 eV/Å in force and 4.0e-5 to 2.2e-6 in virial. The virial is a sum of Coulomb
 * and repulsive parts of ~1000 eV that cancel to ~10 eV, so the reference's 1e-7 errors show up
 * there magnified; 1e-6 of its largest component cannot be reached against this reference, and
 * the test asks for 1e-4 (worst measured 4.0e-5).
 */
class BuckinghamLammpsReferenceTest {
    static final String DECK = "buckingham cutoff=10.0 shift=yes coulomb=ewald ewald_accuracy=1e-12 charges=Zn:2,O:-2"
            + " pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";

    static Path referenceDir() {
        String shared = System.getProperty("jmd.shared");
        assertNotNull(shared, "system property jmd.shared is not set (surefire sets it to ../shared beside the checkout)");
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

    @TestFactory Stream<DynamicTest> agreesWithLammps() throws IOException {
        Potential pot = PotentialRegistry.load().create(DECK, null);
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
            System.out.printf("%s: N=%d energy rel err %.2e, max force err %.2e eV/Å, virial rel err %.2e%n",
                    path.getFileName(), ref.system.size(), eErr, fErr, wErr);
            assertTrue(eErr < 1e-6, "energy " + r.energy + " vs LAMMPS " + ref.energy + " (relative error " + eErr + ")");
            assertTrue(fErr < 1e-5, "largest force component error " + fErr + " eV/Å");
            assertTrue(wErr < 1e-4, "virial error " + wErr + " relative to its largest component");
        }));
    }
}
