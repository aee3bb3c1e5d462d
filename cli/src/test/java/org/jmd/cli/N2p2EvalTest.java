package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code jmd eval --potential "nnp DIR" DIR/input.data OUT} on the shared n2p2 water
 * example reproduces n2p2's energy and forces (reference.txt) in the written extended XYZ, and
 * its per-atom energies sum to the total.
 */
class N2p2EvalTest {
    @TempDir Path tmp;

    @Test void evalWritesN2p2Prediction() throws Exception {
        String shared = System.getProperty("jmd.testdata");
        if (shared == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path dir = Path.of(shared, "reference", "n2p2", "H2O_RPBE-D3");
        if (!Files.isRegularFile(dir.resolve("reference.txt"))) fail("reference data missing: " + dir.resolve("reference.txt"));
        Path out = tmp.resolve("out.xyz");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"eval", "--potential", "nnp \"" + dir + "\"", dir.resolve("input.data").toString(), out.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Frame f = StructureIO.read(out);
        List<Double> ref = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("reference.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            for (String w : line.trim().split("\\s+")) ref.add(Double.parseDouble(w));
        }
        int n = f.system.size();
        assertEquals(1 + 3 * n, ref.size());
        double energyError = Math.abs(f.energy - ref.get(0)) / Math.abs(ref.get(0));
        double maxRef = 0, worst = 0, sum = 0;
        for (int k = 0; k < 3 * n; k++) maxRef = Math.max(maxRef, Math.abs(ref.get(1 + k)));
        for (int k = 0; k < 3 * n; k++) worst = Math.max(worst, Math.abs(f.forces[k] - ref.get(1 + k)));
        for (double e : f.atomEnergies) sum += e;
        System.out.printf("jmd eval nnp: relative energy error %.3e, worst force error %.3e of the largest force%n", energyError, worst / maxRef);
        assertTrue(energyError < 1e-9, "relative energy error " + energyError);
        assertTrue(worst / maxRef < 1e-7, "worst force error relative to the largest force " + worst / maxRef);
        assertTrue(Math.abs(sum - f.energy) < 1e-9 * Math.abs(f.energy), "per-atom energies sum to the total");
    }

    @Test void badPotentialDirectoryIsAnErrorNotAStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"eval", "--potential", "nnp " + tmp.resolve("missing"), "in.xyz", "out.xyz"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("not a directory"), err.toString());
    }
}
