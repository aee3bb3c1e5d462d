package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class N2p2DataTest {
    @TempDir Path tmp;

    static final Path ANISOLE = Path.of("reference/n2p2/Anisole_SCAN/input.data");
    static final Path WATER = Path.of("reference/n2p2/H2O_RPBE-D3/input.data");

    /** Number of atom lines, counted from the text without the parser. */
    static long atomLines(Path p) throws IOException {
        try (var lines = Files.lines(p)) {
            return lines.filter(l -> l.trim().startsWith("atom ")).count();
        }
    }

    @Test void readsTheAnisoleReferenceAsWritten() throws IOException {
        Path p = SharedData.file(ANISOLE.toString());
        List<Frame> frames = StructureIO.readAll(p);
        assertEquals(1, frames.size());
        Frame f = frames.get(0);
        AtomicSystem s = f.system;
        assertEquals(atomLines(p), s.size());
        // first atom line and the block's totals, as they appear in the file
        assertEquals("C", s.symbol(0));
        assertArrayEquals(new double[] {0.86777766879146, 4.73017440716062, 23.07803416989450}, java.util.Arrays.copyOf(s.x, 3), 0.0);
        assertArrayEquals(new double[] {0.01525757175204, 0.02812286837187, 0.00767676377891}, java.util.Arrays.copyOf(f.forces, 3), 0.0);
        assertEquals(-967.50349042280641, f.energy, 0.0);
        assertArrayEquals(new double[] {26.9097, 0, 0, 0, 26.9097, 0, 0, 0, 26.9097}, s.cell().matrix(), 0.0);
        assertTrue(s.cell().fullyPeriodic());
        assertEquals("frame number       26", f.info.get("comment"));
        assertEquals("0", f.info.get("charge"));
        assertNull(f.atomEnergies, "an all-zero energy column is not per-atom energies");
        assertFalse(f.hasCharges);
    }

    @Test void readsTheWaterReferenceAndItsSpecies() throws IOException {
        Path p = SharedData.file(WATER.toString());
        Frame f = StructureIO.read(p);
        assertEquals(atomLines(p), f.system.size());
        assertEquals(42.888632301285426, f.system.cell().h(0, 0), 0.0);
        assertEquals(44.571144109503649, f.system.cell().h(1, 1), 0.0);
        int o = 0, h = 0;
        for (String sym : f.system.symbols()) { if (sym.equals("O")) o++; else if (sym.equals("H")) h++; }
        assertEquals(f.system.size(), o + h);
        assertEquals(2 * o, h, "water: two H per O");
        assertEquals(0.0, f.energy, 0.0);
        assertEquals("Generated from -, TIMESTEP: 20000000", f.info.get("comment"));
    }

    @Test void severalStructuresPerFileAndExactRoundTrip() throws IOException {
        Path both = tmp.resolve("input.data");
        Files.writeString(both, Files.readString(SharedData.file(ANISOLE.toString())) + "\n"
                + Files.readString(SharedData.file(WATER.toString())));
        List<Frame> frames = StructureIO.readAll(both);
        assertEquals(2, frames.size());
        assertEquals("C", frames.get(0).system.symbol(0));
        assertEquals("O", frames.get(1).system.symbol(0));

        Path out = tmp.resolve("again.n2p2");
        StructureIO.write(out, frames);
        List<Frame> back = StructureIO.readAll(out);
        assertEquals(2, back.size());
        for (int k = 0; k < 2; k++) assertSameFrame(frames.get(k), back.get(k));
    }

    @Test void chargesAtomEnergiesAndNonPeriodicRoundTrip() throws IOException {
        AtomicSystem s = AtomicSystem.of(Cell.open(), new String[] {"Zn", "O"}, new double[] {0, 0, 0, 1.9, 0.1, -0.2});
        s.charge[0] = 2;
        s.charge[1] = -2;
        Frame f = new Frame(s);
        f.hasCharges = true;
        f.forces = new double[] {0.1, 0.2, 0.3, -0.1, -0.2, -0.3};
        f.atomEnergies = new double[] {-1.25, -2.5};
        f.energy = -3.75;
        f.info.put("comment", "a ZnO dimer");
        StringWriter w = new StringWriter();
        N2p2Data.write(w, f);
        assertFalse(w.toString().contains("lattice"), "no lattice lines for a non-periodic structure");
        assertTrue(w.toString().contains("\ncharge 0.0\n"), "total charge is the sum of atomic charges");
        Frame back = N2p2Data.read(new java.io.BufferedReader(new java.io.StringReader(w.toString())), "mem", new int[1]);
        assertSameFrame(f, back);
        assertFalse(back.system.cell().anyPeriodic());
        assertTrue(back.hasCharges);
        assertArrayEquals(f.atomEnergies, back.atomEnergies, 0.0);
    }

    static void assertSameFrame(Frame a, Frame b) {
        assertArrayEquals(a.system.symbols(), b.system.symbols());
        assertArrayEquals(a.system.x, b.system.x, 0.0);
        assertArrayEquals(a.system.charge, b.system.charge, 0.0);
        assertArrayEquals(a.system.cell().matrix(), b.system.cell().matrix(), 0.0);
        assertArrayEquals(a.system.cell().pbc(), b.system.cell().pbc());
        assertArrayEquals(a.forces, b.forces, 0.0);
        assertEquals(a.energy, b.energy);
        assertEquals(a.info.get("comment"), b.info.get("comment"));
    }

    // ---------------------------------------------------------------- malformed input

    static final String GOOD = "begin\ncomment x\nlattice 5 0 0\nlattice 0 5 0\nlattice 0 0 5\n"
            + "atom 0 0 0 Si 0 0 0 0 0\natom 1 1 1 Si 0 0 0 0 0\nenergy -1.5\ncharge 0\nend\n";

    InputException bad(String text) throws IOException {
        Path p = tmp.resolve("input.data");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return assertThrows(InputException.class, () -> StructureIO.readAll(p));
    }

    void assertLocated(InputException e, int line, String expectedWords) {
        assertTrue(e.getMessage().startsWith(tmp.resolve("input.data") + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expectedWords), e.getMessage());
    }

    @Test void goodFixtureReads() throws IOException {
        Path p = tmp.resolve("input.data");
        Files.writeString(p, GOOD + GOOD);
        assertEquals(2, StructureIO.readAll(p).size());
    }

    @Test void malformedFilesNameFileLineAndWhatWasExpected() throws IOException {
        assertLocated(bad(GOOD.replace("atom 1 1 1 Si", "atom 1 x 1 Si")), 7, "expected a number for y, got 'x'");
        assertLocated(bad(GOOD.replace("atom 1 1 1 Si 0 0 0 0 0", "atom 1 1 1 Si 0 0 0 0")), 7, "10 fields");
        assertLocated(bad(GOOD.replace("atom 1 1 1 Si", "atom 1 1 1 Qq")), 7, "element symbol");
        assertLocated(bad(GOOD.replace("lattice 0 0 5\n", "")), 4, "3 lattice lines");
        assertLocated(bad(GOOD.replace("lattice 0 0 5\n", "lattice 0 0 5\nlattice 0 0 5\n")), 6, "4th");
        assertLocated(bad(GOOD.replace("end\n", "")), 9, "expected 'end'");
        assertLocated(bad(GOOD.substring(0, GOOD.indexOf("atom 1"))), 6, "got end of file");
        assertLocated(bad("atom 0 0 0 Si 0 0 0 0 0\n"), 1, "expected 'begin'");
        assertLocated(bad(GOOD.replace("energy -1.5", "energy -1.5\nfoo 3")), 9, "expected one of begin");
        assertLocated(bad(GOOD.replace("energy -1.5", "energy -1.5\nenergy 2")), 9, "twice");
        assertLocated(bad(GOOD.replace("end\n", "begin\n")), 10, "expected 'end'");
        assertLocated(bad(GOOD.replace("lattice 0 0 5", "lattice 0 5 0")), 1, "linearly dependent");
    }
}
