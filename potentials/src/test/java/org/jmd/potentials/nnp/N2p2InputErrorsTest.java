package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad potential files and arguments give InputException naming file, line and what was expected. */
class N2p2InputErrorsTest {
    @TempDir Path tmp;

    private int made;

    /** A fresh, valid potential directory. */
    private Path good() throws Exception {
        return new SyntheticN2p2().sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O H 0.1 1.0 1.0 4.0")
                .keyword("scale_symmetry_functions").write(tmp.resolve("pot" + made++));
    }

    private InputException load(Path dir) {
        return assertThrows(InputException.class, () -> new N2p2Potential(dir, 1, 1, "test"));
    }

    private static void replaceLine(Path file, String contains, String replacement) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).contains(contains)) lines.set(k, replacement);
        Files.write(file, lines);
    }

    private static int lineOf(Path file, String contains) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int k = 0; k < lines.size(); k++) if (lines.get(k).contains(contains)) return k + 1;
        throw new AssertionError(contains);
    }

    @Test void unknownSymmetryFunctionTypeNamesTheLine() throws Exception {
        Path dir = good();
        Path nn = dir.resolve("input.nn");
        replaceLine(nn, "H 3 O H", "symfunction_short H 7 O H 0.1 1.0 1.0 4.0");
        InputException e = load(dir);
        assertEquals(nn.toString(), e.source());
        assertEquals(lineOf(nn, "H 7 O H"), e.line());
        assertTrue(e.getMessage().contains("unknown symmetry function type 7"), e.getMessage());
    }

    @Test void wrongFieldCountAndUnknownElementAndBadNumber() throws Exception {
        Path dir = good();
        Path nn = dir.resolve("input.nn");
        replaceLine(nn, "H 2 O", "symfunction_short H 2 O 0.5 4.0");
        assertTrue(load(dir).getMessage().contains("expected 'ec 2 e1 eta rs rc'"));
        replaceLine(nn, "H 2 O", "symfunction_short H 2 Xx 0.5 0.0 4.0");
        assertTrue(load(dir).getMessage().contains("element 'Xx' is not in 'elements'"));
        replaceLine(nn, "H 2 Xx", "symfunction_short H 2 O 0.5 zero 4.0");
        InputException e = load(dir);
        assertTrue(e.getMessage().contains("must be a number, got 'zero'"), e.getMessage());
        assertEquals(lineOf(nn, "zero"), e.line());
    }

    @Test void missingKeywordBadActivationAndBadCutoffType() throws Exception {
        Path dir = good();
        Path nn = dir.resolve("input.nn");
        replaceLine(nn, "global_activation_short", "global_activation_short t q l");
        assertTrue(load(dir).getMessage().contains("unknown activation 'q'"));
        replaceLine(nn, "global_activation_short", "# none");
        assertTrue(load(dir).getMessage().contains("missing keyword 'global_activation_short'"));
        replaceLine(nn, "# none", "global_activation_short t t l");
        replaceLine(nn, "cutoff_type", "cutoff_type 9");
        assertTrue(load(dir).getMessage().contains("cutoff_type must be 0 to 8"));
    }

    @Test void weightsAndScalingFilesAreChecked() throws Exception {
        Path dir = good();
        List<String> w = Files.readAllLines(dir.resolve("weights.001.data"));
        Files.write(dir.resolve("weights.001.data"), w.subList(0, w.size() - 1));
        InputException e = load(dir);
        assertEquals(dir.resolve("weights.001.data").toString(), e.source());
        assertTrue(e.getMessage().contains("expected 59 weights and biases for a 2-6-5-1 network, found 58"), e.getMessage());
        Files.write(dir.resolve("weights.001.data"), w);
        replaceLine(dir.resolve("scaling.data"), "1 2 ", "1 3 0.0 1.0 0.5 0.1");
        e = load(dir);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("expected element 1 (H) function 2"), e.getMessage());
        dir = good();
        Files.delete(dir.resolve("weights.008.data"));
        assertTrue(load(dir).getMessage().contains("no such file"));
        assertTrue(load(tmp.resolve("nowhere")).getMessage().contains("not a directory"));
    }

    @Test void providerOptionsAndUnknownSpecies() throws Exception {
        Path dir = good();
        PotentialRegistry reg = PotentialRegistry.load();
        InputException e = assertThrows(InputException.class, () -> reg.create("nnp " + dir + " length_units=bohr", null));
        assertTrue(e.getMessage().contains("unknown option 'length_units'"), e.getMessage());
        e = assertThrows(InputException.class, () -> reg.create("nnp " + dir + " length_unit=nm", null));
        assertTrue(e.getMessage().contains("length_unit= must be one of bohr, angstrom"), e.getMessage());
        var p = reg.create("nnp " + dir, null);
        AtomicSystem s = new AtomicSystem(Cell.open(), new String[] {"H", "C"}, new int[] {0, 1}, new double[] {0, 0, 0, 1, 0, 0});
        e = assertThrows(InputException.class, () -> Consistency.evaluate(p, s));
        assertTrue(e.getMessage().contains("atom 2 is 'C'"), e.getMessage());
    }
}
