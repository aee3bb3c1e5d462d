package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;

/** The shared n2p2 reference cases: potential directory, structure and n2p2's predictions. */
final class ReferenceData {
    private ReferenceData() {}

    /** Directory of a case under shared/reference/n2p2; fails the test if it is missing. */
    static Path dir(String name) {
        String shared = System.getProperty("jmd.shared");
        if (shared == null) fail("system property jmd.shared is not set (surefire sets it to ../shared)");
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

    /** The first structure of input.data, positions as stored (the potential's length unit). */
    static AtomicSystem structure(Path dir) throws IOException {
        double[] h = new double[9];
        int lattice = 0;
        List<String> symbols = new ArrayList<>();
        List<Double> x = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("input.data"))) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("lattice")) {
                for (int d = 0; d < 3; d++) h[3 * lattice + d] = Double.parseDouble(w[1 + d]);
                lattice++;
            } else if (w[0].equals("atom")) {
                for (int d = 0; d < 3; d++) x.add(Double.parseDouble(w[1 + d]));
                symbols.add(w[4]);
            } else if (w[0].equals("end")) {
                break;
            }
        }
        Cell cell = lattice == 3 ? new Cell(h, new boolean[] {true, true, true}) : Cell.open();
        return AtomicSystem.of(cell, symbols.toArray(new String[0]), x.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
