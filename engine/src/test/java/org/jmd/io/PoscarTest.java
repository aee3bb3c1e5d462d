package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoscarTest {
    @TempDir Path tmp;

    static final String DIAMOND = String.join("\n",
            "Si diamond",
            "  5.43",
            "0.0 0.5 0.5",
            "0.5 0.0 0.5",
            "0.5 0.5 0.0",
            "Si",
            "2",
            "Direct",
            "0.0 0.0 0.0",
            "0.25 0.25 0.25",
            "");

    @Test void directCoordinatesAndScale() throws IOException {
        Path p = tmp.resolve("POSCAR");
        Files.writeString(p, DIAMOND);
        Frame f = StructureIO.read(p);
        AtomicSystem s = f.system;
        assertArrayEquals(new double[] {0, 2.715, 2.715, 2.715, 0, 2.715, 2.715, 2.715, 0}, s.cell().matrix(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 1.3575, 1.3575, 1.3575}, s.x, 1e-15);
        assertEquals("Si diamond", f.info.get("comment"));
        assertTrue(s.cell().fullyPeriodic());
        assertFalse(f.hasVelocities);
    }

    @Test void negativeScaleIsTheVolumeAndThreeScalesScaleXyz() throws IOException {
        Path p = tmp.resolve("CONTCAR");
        // volume of the fcc primitive cell with a = 5.43: a³/4
        Files.writeString(p, DIAMOND.replace("  5.43", "-" + (5.43 * 5.43 * 5.43 / 4)).replace("0.0 0.5 0.5", "0.0 1.0 1.0")
                .replace("0.5 0.0 0.5", "1.0 0.0 1.0").replace("0.5 0.5 0.0", "1.0 1.0 0.0"));
        assertArrayEquals(new double[] {0, 2.715, 2.715, 2.715, 0, 2.715, 2.715, 2.715, 0}, StructureIO.read(p).system.cell().matrix(), 1e-14);
        Files.writeString(p, "x\n2 3 4\n1 0 0\n0 1 0\n0 0 1\nAr\n1\nCartesian\n1 1 1\n");
        Frame f = StructureIO.read(p);
        assertArrayEquals(new double[] {2, 0, 0, 0, 3, 0, 0, 0, 4}, f.system.cell().matrix(), 0.0);
        assertArrayEquals(new double[] {2, 3, 4}, f.system.x, 0.0, "Cartesian positions are scaled too");
    }

    @Test void roundTripWithSelectiveDynamicsAndVelocities() {
        Frame f = TestFrames.znoTriclinic(5, false);
        f.arrays.put(Poscar.MOVE_MASK, new Frame.Column('L', 3, "T T T F F F T F T T T T T T T F F T".split(" ")));
        f.info.put("comment", "ZnO test cell");
        Path p = tmp.resolve("zno.vasp");
        StructureIO.write(p, f);
        Frame g = StructureIO.read(p);
        TestFrames.assertSameAtoms(f.system, g.system, 0.0);
        assertArrayEquals(f.system.v, g.system.v, 0.0);
        assertTrue(g.hasVelocities);
        assertArrayEquals(f.arrays.get(Poscar.MOVE_MASK).values(), g.arrays.get(Poscar.MOVE_MASK).values());
        assertEquals("ZnO test cell", g.info.get("comment"));
    }

    @Test void interleavedSpeciesAreGroupedKeepingOrderWithinASpecies() {
        Frame f = TestFrames.znoTriclinic(5, true); // Zn O Zn O Zn O
        Path p = tmp.resolve("POSCAR_interleaved");
        StructureIO.write(p, f);
        Frame g = StructureIO.read(p);
        AtomicSystem expected = Structures.permute(f.system, new int[] {0, 2, 4, 1, 3, 5});
        TestFrames.assertSameAtoms(expected, g.system, 0.0);
        assertArrayEquals(expected.v, g.system.v, 0.0);
    }

    @Test void vasp4NeedsSpeciesAndContcarVelocityBlocksRead() throws IOException {
        Path p = tmp.resolve("POSCAR.vasp4");
        String vasp4 = "NaCl\n1.0\n5.64 0 0\n0 5.64 0\n0 0 5.64\n1 1\nSelective dynamics\nDirect\n"
                + "0 0 0 F F F\n0.5 0.5 0.5 T T T\n\n0.001 0.002 0.003\n-0.001 -0.002 -0.003\n";
        Files.writeString(p, vasp4);
        InputException e = assertThrows(InputException.class, () -> StructureIO.read(p, "poscar"));
        assertTrue(e.getMessage().startsWith(p + ":6: ") && e.getMessage().contains("no species line (VASP 4 format)"), e.getMessage());
        Frame f = StructureIO.read(p, Poscar.FORMAT.withSpecies("Na", "Cl"));
        assertArrayEquals(new String[] {"Na", "Cl"}, f.system.symbols());
        assertArrayEquals(new double[] {2.82, 2.82, 2.82}, java.util.Arrays.copyOfRange(f.system.x, 3, 6), 0.0);
        assertArrayEquals(new double[] {0.001, 0.002, 0.003, -0.001, -0.002, -0.003}, f.system.v, 0.0);
        assertArrayEquals("F F F T T T".split(" "), f.arrays.get(Poscar.MOVE_MASK).values());
        // the same with a "Cartesian" header on the velocity block and a VASP 6 POTCAR label
        Files.writeString(p, vasp4.replace("1 1\n", "Na_pv Cl/a1b2\n1 1\n").replace("\n\n0.001", "\nCartesian\n0.001"));
        assertArrayEquals(new double[] {0.001, 0.002, 0.003, -0.001, -0.002, -0.003}, StructureIO.read(p, "poscar").system.v, 0.0);
    }

    @Test void withoutLatticeIsRefusedAndNothingWritten() {
        AtomicSystem s = AtomicSystem.of(Cell.open(), new String[] {"He"}, new double[3]);
        Path p = tmp.resolve("POSCAR");
        InputException e = assertThrows(InputException.class, () -> StructureIO.write(p, new Frame(s)));
        assertTrue(e.getMessage().contains("needs three lattice vectors"), e.getMessage());
        assertFalse(Files.exists(p));
    }

    // ---------------------------------------------------------------- malformed input

    void assertError(String text, int line, String words) throws IOException {
        Path p = tmp.resolve("POSCAR_bad");
        Files.writeString(p, text);
        InputException e = assertThrows(InputException.class, () -> StructureIO.readAll(p));
        assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test void malformedFilesNameFileLineAndWhatWasExpected() throws IOException {
        String f = DIAMOND;
        assertError(f.replace("  5.43", "five"), 2, "expected a number for the scale factor, got 'five'");
        assertError(f.replace("0.5 0.0 0.5", "0.5 0.0"), 4, "expected three numbers for lattice vector 2");
        assertError(f.replace("Si\n2", "Xx\n2"), 6, "expected element symbols in the species line, got 'Xx'");
        assertError(f.replace("Si\n2", "Si\n3"), 10, "position 3 of 3");
        assertError(f.replace("Si\n2", "Si\n1"), 10, "do the atom counts match the positions?");
        assertError(f.replace("Si\n2", "Si\n2 2"), 7, "expected 1 atom counts");
        assertError(f.replace("Direct", "Fractional"), 8, "expected 'Direct' or 'Cartesian'");
        assertError(f.replace("0.25 0.25 0.25", "0.25 abc 0.25"), 10, "expected a number for y of atom 2, got 'abc'");
        assertError(f.substring(0, f.indexOf("Si\n2")), 5, "expected the species or the atom counts (line 6), got end of file");
        assertError(f.replace("0.0 0.5 0.5\n0.5 0.0 0.5", "0.5 0.5 0.0\n0.5 0.5 0.0"), 5, "linearly dependent");
        assertError(f + "\nDirect\n0 0 0\n0 0 0\n", 12, "Direct mode");
    }

    @Test void severalFramesCannotGoToOnePoscar() {
        Frame f = TestFrames.znoTriclinic(1, false);
        Path p = tmp.resolve("POSCAR");
        InputException e = assertThrows(InputException.class, () -> StructureIO.write(p, List.of(f, f)));
        assertTrue(e.getMessage().contains("poscar holds one structure, but there are 2 frames"), e.getMessage());
    }
}
