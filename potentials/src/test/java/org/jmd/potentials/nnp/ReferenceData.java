package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.io.StructureIO;

/** The shared n2p2 reference cases: potential directory, structure and n2p2's predictions. */
final class ReferenceData {
    private ReferenceData() {}

    /** Directory of a case under shared/reference/n2p2; fails the test if it is missing. */
    static Path dir(String name) {
        String shared = System.getProperty("jmd.testdata");
        if (shared == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path d = Path.of(shared, "reference", "n2p2", name);
        if (!Files.isRegularFile(d.resolve("reference.txt"))) fail("reference data missing: " + d.resolve("reference.txt"));
        return d;
    }

    /** reference.txt: energy, then 3 force components per atom. */
    static double[] reference(Path dir) throws IOException {
        List<Double> v = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("reference.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            for (String w : line.trim().split("\\s+")) v.add(Double.parseDouble(w));
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The structure of input.data, read by jmd's n2p2 reader (numbers as stored: the potential's units). */
    static AtomicSystem structure(Path dir) {
        return StructureIO.read(dir.resolve("input.data")).system;
    }
}
