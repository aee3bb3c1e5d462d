package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.engine.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtXyzTest {
    @TempDir Path tmp;

    @Test void everyFieldSurvivesARoundTripExactly() {
        Frame f = TestFrames.znoTriclinic(3, true);
        f.system.setMass("O", 16.5); // non-standard mass: must be written as a masses column
        f.info.put("config_type", "rattled");
        f.info.put("description", "snapshot 3 of \"ZnO\" at 300 K");
        f.info.put("step", "42");
        f.arrays.put("tags", new Frame.Column('I', 1, new String[] {"0", "1", "2", "3", "4", "5"}));
        f.arrays.put("move_mask", new Frame.Column('L', 3, "T T F T T T F F F T T T T T T T T T".split(" ")));
        f.arrays.put("label", new Frame.Column('S', 1, new String[] {"a", "b", "c", "d", "e", "f"}));
        f.arrays.put("dipole", new Frame.Column('R', 3, "1 2 3 4 5 6 7 8 9 1e-3 2.5 -3 0 0 0 1 1 1".split(" ")));
        Path p = tmp.resolve("all.extxyz");
        StructureIO.write(p, List.of(f, f));
        List<Frame> back = StructureIO.readAll(p);
        assertEquals(2, back.size());
        Frame g = back.get(1);
        TestFrames.assertSameAtoms(f.system, g.system, 0.0);
        assertArrayEquals(f.system.v, g.system.v, 0.0);
        assertArrayEquals(f.system.charge, g.system.charge, 0.0);
        assertArrayEquals(f.system.mass, g.system.mass, 0.0);
        assertArrayEquals(f.forces, g.forces, 0.0);
        assertArrayEquals(f.atomEnergies, g.atomEnergies, 0.0);
        assertArrayEquals(f.virial, g.virial, 0.0);
        assertArrayEquals(f.stress, g.stress, 0.0);
        assertEquals(f.energy, g.energy);
        assertEquals(f.info, g.info);
        assertEquals(f.arrays.keySet(), g.arrays.keySet());
        for (String k : f.arrays.keySet()) {
            assertEquals(f.arrays.get(k).type(), g.arrays.get(k).type());
            assertArrayEquals(f.arrays.get(k).values(), g.arrays.get(k).values(), k);
        }
        assertTrue(g.hasVelocities && g.hasCharges);
    }

    /** ASE takes velocities from momenta only: both columns are written, and ASE's get_velocities() agrees with vel. */
    @Test void aseSeesTheVelocities() throws Exception {
        Frame f = TestFrames.znoTriclinic(3, true);
        f.system.setMass("O", 16.5);
        Path p = tmp.resolve("v.extxyz");
        StructureIO.write(p, f);
        assertTrue(java.nio.file.Files.readAllLines(p).get(1).contains(":vel:R:3:momenta:R:3"));
        Ase.assume();
        double[] relative = Ase.reals(Ase.run(String.join("\n",
                "a = read(sys.argv[1])",
                "v = a.get_velocities() * units.fs",
                "num('relative', [np.max(np.abs(v - a.arrays['vel'])) / np.max(np.abs(a.arrays['vel']))])"), p), "relative");
        assertTrue(relative[0] < 1e-12, "ASE's velocities differ from vel by " + relative[0] + " (relative)");
    }

    @Test void plainXyzReadsWithTitleAsComment() throws IOException {
        Path p = tmp.resolve("water.xyz");
        Files.writeString(p, "3\nwater molecule, it's bent\nO 0.0 0.0 0.117\nH 0.0 0.757 -0.467\nH 0.0 -0.757 -0.467\n");
        Frame f = StructureIO.read(p);
        assertEquals(3, f.system.size());
        assertArrayEquals(new String[] {"O", "H", "H"}, f.system.symbols());
        assertEquals(0.757, f.system.x[4], 0.0);
        assertEquals("water molecule, it's bent", f.info.get("comment"));
        assertFalse(f.system.cell().anyPeriodic());
        assertNull(f.forces);
    }

    @Test void aseStyleColumnsAndKeys() throws IOException {
        // what ASE 3.22 writes: Z with species, momenta, initial_charges, 9-number stress, bare flags, [arrays]
        double m = 28.085, p = 0.5; // amu, amu·Å/(ASE time)
        Path f = tmp.resolve("ase.extxyz");
        Files.writeString(f, "2\nLattice=\"5.43 0.0 0.0 0.0 5.43 0.0 0.0 0.0 5.43\" "
                + "Properties=species:S:1:pos:R:3:Z:I:1:momenta:R:3:initial_charges:R:1 energy=-10.5 "
                + "stress=\"1 0 0 0 2 0 0 0 3\" free_energy=-10.6 converged nested=[1, 2, 3] pbc=\"T T F\"\n"
                + "Si 0 0 0 14 " + p + " 0 0 0.25\n"
                + "Si 1.3575 1.3575 1.3575 14 0 0 0 -0.25\n");
        Frame g = StructureIO.read(f);
        assertEquals(p / m / Math.sqrt(Units.AMU_A2_PER_FS2_ASE), g.system.v[0], 1e-15, "momenta → Å/fs");
        assertTrue(g.hasVelocities);
        assertEquals(0.25, g.system.charge[0], 0.0);
        assertEquals(-10.5, g.energy, 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3}, g.stress, 0.0);
        assertEquals("-10.6", g.info.get("free_energy"));
        assertEquals("T", g.info.get("converged"));
        assertEquals("1  2  3", g.info.get("nested"));
        assertArrayEquals(new boolean[] {true, true, false}, g.system.cell().pbc());
        assertTrue(g.arrays.containsKey("Z"), "Z duplicating species is kept as a column");
    }

    @Test void sixNumberStressIsVoigt() throws IOException {
        Path f = tmp.resolve("v.extxyz");
        Files.writeString(f, "1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3 stress=\"1 2 3 4 5 6\"\nAr 0 0 0\n");
        // Voigt order xx yy zz yz xz xy
        assertArrayEquals(new double[] {1, 6, 5, 6, 2, 4, 5, 4, 3}, StructureIO.read(f).stress, 0.0);
    }

    @Test void readsTheSharedLammpsReferenceFrames() throws IOException {
        Path p = SharedData.file("reference/lammps-singlepoint/si_cluster.sw.extxyz");
        Frame f = StructureIO.read(p);
        List<String> lines = Files.readAllLines(p);
        assertEquals(Integer.parseInt(lines.get(0).trim()), f.system.size());
        assertEquals(-108.24208634490931, f.energy, 0.0);
        assertEquals(-0.48404551461034329, f.virial[0], 0.0);
        assertEquals(-1.6195303884319914, f.forces[0], 0.0);
        assertEquals(8.6743329093965684, f.system.x[0], 0.0);
    }

    @Test void streamsTheSiTrainingSetFrameByFrame() throws IOException {
        Path p = SharedData.file("data/si-pbe/si_mlearn_training.extxyz");
        int frames = 0;
        long atoms = 0;
        int vacancy = 0;
        try (StructureReader r = StructureIO.open(p, (String) null)) {
            for (Frame f : r) {
                frames++;
                atoms += f.system.size();
                assertEquals(f.system.size() * 3, f.forces.length);
                assertTrue(f.system.cell().fullyPeriodic());
                if ("Vacancy".equals(f.info.get("config_type"))) vacancy++;
            }
        }
        // counts stated in shared/README.md
        assertEquals(214, frames);
        assertEquals(13233, atoms);
        assertTrue(vacancy > 0);
    }

    // ---------------------------------------------------------------- malformed input

    Path file(String text) throws IOException {
        Path p = tmp.resolve("bad.extxyz");
        Files.writeString(p, text);
        return p;
    }

    void assertError(String text, int line, String words) throws IOException {
        Path p = file(text);
        InputException e = assertThrows(InputException.class, () -> StructureIO.readAll(p));
        assertTrue(e.getMessage().startsWith(p + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    static final String HEAD = "Lattice=\"4 0 0 0 4 0 0 0 4\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.0";

    @Test void malformedFilesNameFileLineAndWhatWasExpected() throws IOException {
        String ok = "2\n" + HEAD + "\nSi 0 0 0 0 0 0\nSi 1 1 1 0 0 0\n";
        assertEquals(2, StructureIO.readAll(file(ok + ok)).size());
        assertError("two\n" + HEAD + "\n", 1, "expected the number of atoms");
        assertError("3\n" + HEAD + "\nSi 0 0 0 0 0 0\nSi 1 1 1 0 0 0\n", 4, "expected atom 3 of 3");
        assertError("3\n" + HEAD + "\nSi 0 0 0 0 0 0\nSi 1 1 1 0 0 0\n" + ok, 5, "expected atom 3 of 3 with 7 columns");
        assertError("2\n" + HEAD + "\nSi 0 0 0 0 0 0\nSi 1 x 1 0 0 0\n", 4, "expected a number for column 'pos', got 'x'");
        assertError("2\n" + HEAD + "\nSi 0 0 0 0 0 0\nSi 1 1 1d 0 0 0\n", 4, "got '1d'");
        assertError("2\n" + HEAD + "\nSi 0 0 0 0 0 0\nQq 1 1 1 0 0 0\n", 4, "element symbol");
        assertError("2\n" + HEAD + "\nSi 0 0 0 0 0\nSi 1 1 1 0 0 0\n", 3, "got 6");
        assertError("2\n" + HEAD.replace("energy=-1.0", "energy=abc") + "\nSi 0 0 0 0 0 0\nSi 1 1 1 0 0 0\n", 2, "number for energy");
        assertError("2\n" + HEAD.replace("4 0 0 0 4 0 0 0 4", "4 0 0 0 4 0") + "\nSi 0 0 0 0 0 0\nSi 1 1 1 0 0 0\n", 2, "Lattice");
        assertError("2\n" + HEAD.replace("forces:R:3", "forces:Q:3") + "\n", 2, "expected R, I, S or L");
        assertError("1\nProperties=species:S:1:pos:R:3 note=\"unclosed\nSi 0 0 0\n", 2, "closing \"");
        assertError("1\nProperties=species:S:1:pos:R:3:n:I:1\nSi 0 0 0 1.5\n", 3, "whole number for column 'n'");
        assertError("1\nProperties=species:S:1:pos:R:3 pbc=\"T T T\"\nSi 0 0 0\n", 2, "no Lattice");
        assertError("2\n" + HEAD + "\n", 2, "got end of file");
    }

    @Test void standardMassesAreNotWritten() throws IOException {
        Frame f = TestFrames.znoTriclinic(1, false);
        Path p = tmp.resolve("m.extxyz");
        StructureIO.write(p, f);
        assertFalse(Files.readString(p).contains("masses"));
        AtomicSystem s = StructureIO.read(p).system;
        assertEquals(Elements.mass("Zn"), s.mass[0], 0.0);
    }
}
