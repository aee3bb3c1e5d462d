package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PLIP model file: exact round trip, loading through the registry, and errors that name file and line. */
class PlipModelFileTest {
    @TempDir Path dir;

    @Test void roundTripIsExactAndLoadsThroughTheRegistry() {
        PlipModel m = SyntheticPlip.random(new String[] {"Si", "C", "Ge"}, 42);
        Path file = dir.resolve("model.plip");
        m.write(file, "synthetic\nsecond comment line");
        PlipModel back = PlipModel.read(file);
        assertArrayEquals(m.elements(), back.elements());
        assertArrayEquals(m.offsets(), back.offsets(), 0.0);
        assertEquals(m.terms(), back.terms());
        assertArrayEquals(m.weights(), back.weights(), 0.0);

        Potential p = PotentialRegistry.load().create("plip " + file, null);
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si", "C", "Ge"}, 6, 16.0, 2.0, 1);
        assertEquals(Consistency.energy(new PlipPotential(m, "direct"), s), Consistency.energy(p, s), 0.0);
        assertTrue(p.describe().startsWith("plip "));
        // tabulate=no: the term-by-term evaluation, the same bits as made directly
        Potential exact = PotentialRegistry.load().create("plip " + file + " tabulate=no", null);
        assertEquals(Consistency.energy(new PlipPotential(m, "direct", PlipKernel.Radial.EXACT), s), Consistency.energy(exact, s), 0.0);
        assertTrue(exact.describe().endsWith("tabulate=no"), exact.describe());
        InputException bad = assertThrows(InputException.class, () -> PotentialRegistry.load().create("plip " + file + " tabulate=maybe", null));
        assertTrue(bad.getMessage().contains("tabulate= expects yes or no"), bad.getMessage());
    }

    @Test void handWrittenFileWithCommentsAndEitherNeighbourOrder() {
        String text = String.join("\n",
                "# a hand-written model", "", "plip 1   # version", "element Zn -1.5", "element O -2.5",
                "2b Zn O 1.0 2.0 5.0 -0.25", "3b O Zn O 0.5 2.0 4.0 2 0.125", "3b O O Zn 0.5 2.0 4.0 1 0.5", "nb O Zn 1.0 2.0 5.0 2 0.01", "");
        PlipModel m = PlipModel.parse(text, "hand.plip");
        assertEquals(4, m.terms().size());
        assertEquals(PlipTerm.threeBody(1, 1, 0, 0.5, 2.0, 4.0, 2), m.terms().get(1));
        assertEquals(0, m.terms().get(2).neighbour(), "neighbour pair stored in element order");
        assertEquals(-2.5, m.offset(1), 0);
    }

    @Test void errorsNameFileLineAndWhatWasExpected() {
        String ok = "plip 1\nelement Si -5\n";
        expect("", "f.plip", 0, "empty PLIP model file");
        expect("2b Si Si 1 2 3 4\n", "f.plip", 1, "header 'plip 1'");
        expect("plip 2\n", "f.plip", 1, "unsupported PLIP format version 2");
        expect("plip x\n", "f.plip", 1, "whole number");
        expect("plip 1\n", "f.plip", 1, "no 'element SYMBOL OFFSET' line");
        expect(ok + "3c Si Si 1 2 3 4\n", "f.plip", 3, "unknown keyword '3c'");
        expect(ok + "2b Si Si 1 2 3\n", "f.plip", 3, "2b CENTRE NEIGHBOUR a b rc weight");
        expect(ok + "3b Si Si Si 1 2 3 4\n", "f.plip", 3, "3b CENTRE NEIGHBOUR1 NEIGHBOUR2 a b rc l weight");
        expect(ok + "nb Si Si 1 2 3 0.5 1\n", "f.plip", 3, "whole number for the power m");
        expect(ok + "2b Si O 1 2 3 4\n", "f.plip", 3, "element 'O' is not declared");
        expect(ok + "2b Si Si 1 two 3 4\n", "f.plip", 3, "number for b");
        expect(ok + "2b Si Si 1 2 3 nan\n", "f.plip", 3, "finite number for the weight");
        expect(ok + "2b Si Si -1 2 3 4\n", "f.plip", 3, "a must be >= 0");
        expect(ok + "2b Si Si 1 2 0 4\n", "f.plip", 3, "rc must be positive");
        expect(ok + "3b Si Si Si 1 2 3 -1 4\n", "f.plip", 3, "angular order l must be");
        expect(ok + "nb Si Si 1 2 3 0 4\n", "f.plip", 3, "power m must be");
        expect(ok + "2b Si Si 1 2 3 4\n\n2b Si Si 1 2 3 5\n", "f.plip", 5, "same term appears twice (first on line 3)");
        expect(ok + "element Si 1\n", "f.plip", 3, "declared twice (first on line 2)");
        expect(ok + "2b Si Si 1 2 3 4\nelement O 1\n", "f.plip", 4, "before the terms");
        expect("plip 1\nelement Si\n", "f.plip", 2, "element SYMBOL OFFSET");
    }

    @Test void missingFileAndUnknownSpecies() throws Exception {
        InputException e = assertThrows(InputException.class, () -> PotentialRegistry.load().create("plip " + dir.resolve("none.plip"), null));
        assertTrue(e.getMessage().contains("none.plip") && e.getMessage().contains("no such PLIP model file"), e.getMessage());
        Path file = dir.resolve("si.plip");
        Files.writeString(file, "plip 1\nelement Si -5\n2b Si Si 1 2.3 4 -0.5\n");
        Potential p = PotentialRegistry.load().create("plip " + file, null);
        AtomicSystem s = new AtomicSystem(Cell.open(), new String[] {"Si", "O"}, new int[] {0, 1}, new double[] {0, 0, 0, 2, 0, 0});
        InputException u = assertThrows(InputException.class, () -> Consistency.energy(p, s));
        assertTrue(u.getMessage().contains("atom 2 is O") && u.getMessage().contains("Si"), u.getMessage());
        InputException extra = assertThrows(InputException.class, () -> PotentialRegistry.load().create("plip " + file + " " + file, null));
        assertTrue(extra.getMessage().contains("unexpected argument"), extra.getMessage());
    }

    private static void expect(String text, String source, int line, String fragment) {
        InputException e = assertThrows(InputException.class, () -> PlipModel.parse(text, source), "should reject: " + text);
        assertEquals(source, e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }
}
