package org.jmd.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jmd.engine.Arguments;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden file under testdata/reference/ against the potential line it carries, the way
 * LAMMPS keeps its unit-test YAML files: an extended XYZ single point whose comment line holds
 *
 * <pre>
 *   potential="sw ../../potentials/Si.sw"      the deck line; paths relative to the file's folder
 *   energy_tolerance=1e-8                      |E − E_ref| / |E_ref|
 *   forces_tolerance=1e-6                      largest |F − F_ref| component, in the file's force unit
 *   virial_tolerance=1e-6                      largest |W − W_ref| component / largest |W_ref| component
 * </pre>
 *
 * A file is golden when it has any {@code *_tolerance} key; each of its labels (energy, forces,
 * virial) then needs its tolerance, and each tolerance its label, so nothing is skipped silently.
 * docs/testing.md says how to add one.
 */
class GoldenFilesTest {
    static final Set<String> TOLERANCES = Set.of("energy_tolerance", "forces_tolerance", "virial_tolerance");

    static List<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TestData.file("reference"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".extxyz"))
                    .filter(p -> StructureIO.read(p).info.keySet().stream().anyMatch(k -> k.endsWith("_tolerance")))
                    .sorted().toList();
            assertFalse(found.isEmpty(), "no golden files (extended XYZ with *_tolerance keys) under testdata/reference");
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void agreesWithItsReference(Path file) {
        Frame ref = StructureIO.read(file);
        String where = TestData.root().relativize(file).toString();
        for (String key : ref.info.keySet()) {
            assertTrue(!key.endsWith("_tolerance") || TOLERANCES.contains(key), where + ": unknown key " + key + " (known: " + TOLERANCES + ")");
        }
        String line = ref.info.get("potential");
        assertNotNull(line, where + ": no potential=\"NAME ARGS\" key on the comment line");
        Potential p = PotentialRegistry.load().create(Arguments.parseLine(line, file.toString(), 2, file.getParent()));
        ForceResult r = Consistency.evaluate(p, ref.system);

        double eTol = tolerance(ref, "energy_tolerance", ref.energy != null, where);
        double fTol = tolerance(ref, "forces_tolerance", ref.forces != null, where);
        double wTol = tolerance(ref, "virial_tolerance", ref.virial != null, where);
        StringBuilder measured = new StringBuilder();
        if (ref.energy != null) {
            double e = Math.abs(r.energy - ref.energy) / Math.abs(ref.energy);
            measured.append(String.format(Locale.ROOT, "  E rel %.1e", e));
            assertTrue(e <= eTol, where + ": energy " + r.energy + " vs " + ref.energy + ", relative error " + e + " > " + eTol);
        }
        if (ref.forces != null) {
            double f = 0;
            for (int k = 0; k < ref.forces.length; k++) f = Math.max(f, Math.abs(r.forces[k] - ref.forces[k]));
            measured.append(String.format(Locale.ROOT, "  max|dF| %.1e", f));
            assertTrue(f <= fTol, where + ": largest force component error " + f + " > " + fTol);
        }
        if (ref.virial != null) {
            double scale = 0, w = 0;
            for (int k = 0; k < 9; k++) {
                scale = Math.max(scale, Math.abs(ref.virial[k]));
                w = Math.max(w, Math.abs(r.virial[k] - ref.virial[k]));
            }
            measured.append(String.format(Locale.ROOT, "  W rel %.1e", w / scale));
            assertTrue(w <= wTol * scale, where + ": virial error " + w / scale + " of its largest component > " + wTol);
        }
        System.out.printf(Locale.ROOT, "golden %-62s N=%4d%s%n", where, ref.system.size(), measured);
    }

    /** The tolerance a present label needs; a tolerance without its label is an error too. */
    private static double tolerance(Frame ref, String key, boolean labelled, String where) {
        String label = key.substring(0, key.indexOf('_'));
        String text = ref.info.get(key);
        if (!labelled) {
            assertTrue(text == null, where + ": " + key + " given but the file has no " + label);
            return 0;
        }
        assertNotNull(text, where + ": has " + label + " but no " + key);
        double t = Double.parseDouble(text);
        assertTrue(t > 0, where + ": " + key + " must be positive");
        return t;
    }
}
