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
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.Matrix3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsDataTest {
    @TempDir Path tmp;

    /** Row-major R with a_new = R a_old for every lattice vector: R = (H_old⁻¹ H_new)ᵀ. */
    static double[] rotationBetween(double[] hOld, double[] hNew) {
        return Matrix3.transpose(Matrix3.multiply(Matrix3.inverse(hOld), hNew));
    }

    static double[] apply(double[] r, double[] v, int i) {
        double x = v[3 * i], y = v[3 * i + 1], z = v[3 * i + 2];
        return new double[] {r[0] * x + r[1] * y + r[2] * z, r[3] * x + r[4] * y + r[5] * z, r[6] * x + r[7] * y + r[8] * z};
    }

    @Test void generalTriclinicCellIsRotatedRigidlyIntoLammpsForm() {
        Frame f = TestFrames.znoTriclinic(7, true);
        Path p = tmp.resolve("zno.lmp");
        StructureIO.write(p, f);
        Frame g = StructureIO.read(p);
        double[] h = g.system.cell().matrix();
        assertEquals(0.0, h[1], 0.0);
        assertEquals(0.0, h[2], 0.0);
        assertEquals(0.0, h[5], 0.0);
        assertTrue(h[0] > 0 && h[4] > 0 && h[8] > 0);
        double[] r = rotationBetween(f.system.cell().matrix(), h);
        // R is a proper rotation
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            double dot = r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2];
            assertEquals(i == j ? 1.0 : 0.0, dot, 1e-14);
        }
        assertEquals(1.0, Matrix3.determinant(r), 1e-14);
        // positions and velocities rotated with the cell
        for (int i = 0; i < f.system.size(); i++) {
            assertArrayEquals(apply(r, f.system.x, i), java.util.Arrays.copyOfRange(g.system.x, 3 * i, 3 * i + 3), 1e-13);
            assertArrayEquals(apply(r, f.system.v, i), java.util.Arrays.copyOfRange(g.system.v, 3 * i, 3 * i + 3), 1e-16);
        }
        assertArrayEquals(f.system.symbols(), g.system.symbols());
        assertArrayEquals(f.system.charge, g.system.charge, 0.0);
        assertArrayEquals(f.system.mass, g.system.mass, 0.0);
        assertTrue(g.hasCharges && g.hasVelocities);
    }

    @Test void lammpsFormCellRoundTripsExactlyAndVelocitiesAreInAngstromPerPs() throws IOException {
        AtomicSystem s = AtomicSystem.of(new Cell(new double[] {5, 0, 0, 1, 4, 0, -0.5, 0.25, 6}, new boolean[] {true, true, true}),
                new String[] {"Si", "Si", "C"}, new double[] {0.1, 0.2, 0.3, 2.5, 2.5, 2.5, 4.9, 3.9, 5.9});
        s.v[0] = 0.01;   // Å/fs
        s.v[8] = -0.002;
        Frame f = new Frame(s);
        f.hasVelocities = true;
        Path p = tmp.resolve("sic.data");
        StructureIO.write(p, f);
        String text = Files.readString(p);
        assertTrue(text.contains("\n1 10.0 0.0 0.0\n"), "0.01 Å/fs is 10 Å/ps:\n" + text);
        assertTrue(text.contains("1.0 -0.5 0.25 xy xz yz"), text);
        assertTrue(text.contains("1 28.085 # Si") && text.contains("2 12.011 # C"), text);
        assertTrue(text.contains("Atoms # atomic"), text);
        Frame g = StructureIO.read(p);
        TestFrames.assertSameAtoms(s, g.system, 0.0);
        assertArrayEquals(s.v, g.system.v, 1e-18);
        assertFalse(g.hasCharges);
    }

    /** As LAMMPS write_data lays a file out, with image flags, IDs out of order and a Pair Coeffs section. */
    static final String WRITTEN_BY_LAMMPS = String.join("\n",
            "LAMMPS data file via write_data, version 29 Sep 2021, timestep = 100",
            "",
            "4 atoms",
            "2 atom types",
            "",
            "-1.0 4.0 xlo xhi",
            "0.0 5.0 ylo yhi",
            "0.0 6.0 zlo zhi",
            "",
            "Masses",
            "",
            "1 65.38",
            "2 15.9994",
            "",
            "Pair Coeffs # buck",
            "",
            "1 0 1 0",
            "2 9547.96 0.21916 32",
            "",
            "Atoms # charge",
            "",
            "3 2 -2.0 1.0 1.0 1.0 0 0 0",
            "1 1 2.0 0.5 0.5 0.5 1 0 -1",
            "4 2 -2.0 3.0 3.0 3.0 0 2 0",
            "2 1 2.0 2.0 2.0 2.0 0 0 0",
            "",
            "Velocities",
            "",
            "2 0 0 0",
            "1 1.5 -3.0 100.0",
            "4 0 0 0",
            "3 0 0 1",
            "");

    @Test void readsWhatLammpsWritesWithImagesIdOrderAndMassInference() throws IOException {
        Path p = tmp.resolve("restart.data");
        Files.writeString(p, WRITTEN_BY_LAMMPS);
        Frame f = StructureIO.read(p);
        AtomicSystem s = f.system;
        assertArrayEquals(new String[] {"Zn", "Zn", "O", "O"}, s.symbols(), "types from masses 65.38 and 15.9994, atoms by ID");
        assertArrayEquals(new double[] {5, 0, 0, 0, 5, 0, 0, 0, 6}, s.cell().matrix(), 0.0);
        // atom 1: (0.5, 0.5, 0.5) + 1·a − 1·c
        assertArrayEquals(new double[] {5.5, 0.5, -5.5}, java.util.Arrays.copyOfRange(s.x, 0, 3), 0.0);
        // atom 4: (3, 3, 3) + 2·b
        assertArrayEquals(new double[] {3.0, 13.0, 3.0}, java.util.Arrays.copyOfRange(s.x, 9, 12), 0.0);
        assertArrayEquals(new double[] {2, 2, -2, -2}, s.charge, 0.0);
        assertArrayEquals(new double[] {0.0015, -0.003, 0.1}, java.util.Arrays.copyOfRange(s.v, 0, 3), 1e-18);
        assertEquals(0.001, s.v[8], 1e-18);
        assertEquals(15.9994, s.mass[2], 0.0, "the file's mass is kept");
        assertTrue(f.hasCharges && f.hasVelocities);
    }

    @Test void speciesFromCommentsLabelsOrGivenList() throws IOException {
        String base = "t\n\n2 atoms\n2 atom types\n0 3 xlo xhi\n0 3 ylo yhi\n0 3 zlo zhi\n\n";
        Path p = tmp.resolve("a.lmp");
        Files.writeString(p, base + "Masses\n\n1 2.014 # H\n2 1.0 # He  (fake mass)\n\nAtoms\n\n1 1 0 0 0\n2 2 1 1 1\n");
        assertArrayEquals(new String[] {"H", "He"}, StructureIO.read(p).system.symbols());
        Files.writeString(p, base + "Atom Type Labels\n\n1 Cu\n2 Ag\n\nAtoms # atomic\n\n1 1 0 0 0\n2 2 1 1 1\n");
        assertArrayEquals(new String[] {"Cu", "Ag"}, StructureIO.read(p).system.symbols());
        Files.writeString(p, base + "Atoms\n\n1 1 0 0 0\n2 2 1 1 1\n");
        InputException e = assertThrows(InputException.class, () -> StructureIO.read(p));
        assertTrue(e.getMessage().contains("missing Masses section"), e.getMessage());
        Frame f = StructureIO.read(p, LammpsData.FORMAT.withSpecies("Ga", "N"));
        assertArrayEquals(new String[] {"Ga", "N"}, f.system.symbols());
    }

    @Test void structureWithoutLatticeGoesInABoundingBox() throws IOException {
        AtomicSystem s = AtomicSystem.of(Cell.open(), new String[] {"Ar", "Ar"}, new double[] {-3, 0, 1, 2, 5, 1});
        Path p = tmp.resolve("cluster.lmp");
        StructureIO.write(p, new Frame(s));
        String text = Files.readString(p);
        assertTrue(text.contains("-4.0 3.0 xlo xhi") && text.contains("-1.0 6.0 ylo yhi") && text.contains("0.0 2.0 zlo zhi"), text);
        assertArrayEquals(s.x, StructureIO.read(p).system.x, 0.0);
    }

    @Test void leftHandedCellIsRefused() {
        AtomicSystem s = AtomicSystem.of(new Cell(new double[] {0, 4, 0, 4, 0, 0, 0, 0, 4}, new boolean[] {true, true, true}),
                new String[] {"Cu"}, new double[3]);
        Path p = tmp.resolve("left.lmp");
        InputException e = assertThrows(InputException.class, () -> StructureIO.write(p, new Frame(s)));
        assertTrue(e.getMessage().contains("left-handed"), e.getMessage());
        assertFalse(Files.exists(p));
    }

    // ---------------------------------------------------------------- malformed input

    void assertError(String text, int line, String words) throws IOException {
        Path p = tmp.resolve("bad.lmp");
        Files.writeString(p, text);
        InputException e = assertThrows(InputException.class, () -> StructureIO.readAll(p));
        assertTrue(e.getMessage().startsWith(p + ":" + (line > 0 ? line + ":" : "")), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test void malformedFilesNameFileLineAndWhatWasExpected() throws IOException {
        String f = WRITTEN_BY_LAMMPS;
        assertError(f.replace("4 atoms", "5 atoms"), 27, "expected 5 lines ('id type x y z') in Atoms, got 4 before 'Velocities'");
        assertError(f.replace("3 2 -2.0 1.0 1.0 1.0", "3 2 -2.0 1.0 x 1.0"), 22, "expected a number for y, got 'x'");
        assertError(f.replace("3 2 -2.0 1.0 1.0 1.0", "3 3 -2.0 1.0 1.0 1.0"), 22, "expected an atom type 1..2, got 3");
        assertError(f.replace("Atoms # charge", "Atoms # full"), 20, "atom_style 'full' is not supported");
        assertError(f.replace("3 2 -2.0 1.0 1.0 1.0 0 0 0", "3 2 -2.0 1.0 1.0"), 22, "expected 6 or 9 columns for atom_style charge");
        assertError(f.replace("2 atom types", "2 atom typez"), 4, "expected a header line");
        assertError(f.replace("2 15.9994", "2 2.5"), 13, "atom type 2 has mass 2.5, which is no element's standard atomic weight");
        assertError(f.replace("2 1 2.0 2.0", "1 1 2.0 2.0"), 20, "atom ID 1 appears twice");
        assertError(f.replace("Velocities", "Velocitys"), 27, "expected a section");
        assertError(f.substring(0, f.indexOf("4 2 -2.0")), 23, "Atoms ends after 2 of 4 lines");
        assertError(f.substring(0, f.indexOf("Atoms #")), 0, "missing Atoms section");
        assertError("title\n\n2 atoms\n1 atom types\n3 bonds\n", 5, "'bonds' is not supported");
    }
}
