package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Single points against LAMMPS (29 Sep 2021) for every Stillinger–Weber, Tersoff and Erhart ZnO
 * (abop) structure in {@code shared/reference/lammps-singlepoint}: energy to 1e-8 relative,
 * every force component to 1e-6 eV/Å, the virial to 1e-6 of its largest component.
 */
class LammpsAgreementTest {
    static List<Path> cases() throws IOException {
        Path dir = ReferenceFiles.shared("reference/lammps-singlepoint");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".sw.extxyz") || n.endsWith(".tersoff.extxyz") || n.endsWith(".abop.extxyz");
            }).sorted().collect(Collectors.toList());
            assertFalse(found.isEmpty(), "no *.sw/*.tersoff/*.abop reference structures in " + dir);
            return found;
        }
    }

    static Potential potentialFor(Path reference) {
        String n = reference.getFileName().toString();
        if (n.endsWith(".sw.extxyz")) return StillingerWeber.read(ReferenceFiles.lammpsPotential("Si.sw"), null);
        if (n.endsWith(".tersoff.extxyz")) return Tersoff.read(ReferenceFiles.lammpsPotential("Si.tersoff"), null);
        return Tersoff.read(ReferenceFiles.shared("potentials/ZnO_Erhart2006.tersoff"), null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLammps(Path reference) {
        Frame frame = StructureIO.read(reference);
        assertTrue(frame.energy != null && frame.forces != null && frame.virial != null, reference + " lacks energy, forces or virial");
        ForceResult r = Consistency.evaluate(potentialFor(reference), frame.system);

        double energyError = Math.abs(r.energy - frame.energy) / Math.abs(frame.energy);
        double forceError = 0;
        for (int k = 0; k < frame.forces.length; k++) forceError = Math.max(forceError, Math.abs(r.forces[k] - frame.forces[k]));
        double virialScale = 0, virialError = 0;
        for (int k = 0; k < 9; k++) {
            virialScale = Math.max(virialScale, Math.abs(frame.virial[k]));
            virialError = Math.max(virialError, Math.abs(r.virial[k] - frame.virial[k]));
        }
        virialError /= virialScale;
        System.out.printf(Locale.ROOT, "%-36s N=%3d  E rel %.1e  max|dF| %.1e eV/A  W rel %.1e%n",
                reference.getFileName(), frame.system.size(), energyError, forceError, virialError);
        assertTrue(energyError < 1e-8, "energy " + r.energy + " vs LAMMPS " + frame.energy + ": relative error " + energyError);
        assertTrue(forceError < 1e-6, "largest force component error " + forceError + " eV/Å");
        assertTrue(virialError < 1e-6, "virial error " + virialError + " relative to its largest component");
    }
}
