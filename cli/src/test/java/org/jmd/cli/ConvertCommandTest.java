package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {
    @TempDir Path tmp;

    static Jmd.Run jmd(String... args) { return Jmd.run(args); }

    /** Three frames of an Ar dimer at growing separation, with velocities. */
    Path trajectory() {
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            AtomicSystem s = AtomicSystem.of(new Cell(new double[] {8, 0, 0, 0.5, 8, 0, 0, 0, 8}, new boolean[] {true, true, true}),
                    new String[] {"Ar", "Ar"}, new double[] {1, 1, 1, 4 + k, 1, 1});
            s.v[0] = 0.001 * (k + 1);
            Frame f = new Frame(s);
            f.hasVelocities = true;
            f.energy = -0.01 * k;
            frames.add(f);
        }
        Path p = tmp.resolve("traj.extxyz");
        StructureIO.write(p, frames);
        return p;
    }

    @Test void helpListsTheOptions() {
        Jmd.Run r = jmd("convert", "--help");
        assertEquals(0, r.code());
        for (String opt : List.of("--from", "--to", "--frame", "--species", "IN", "OUT")) assertTrue(r.out().contains(opt), r.out());
        assertTrue(jmd("--help").out().contains("convert"));
    }

    @Test void multiFrameToSingleStructureFormatNeedsFrame() throws IOException {
        Path in = trajectory();
        Path out = tmp.resolve("last.lmp");
        Jmd.Run r = jmd("convert", in.toString(), out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds several frames but lammps-data holds one structure; choose one with --frame K"), r.err());
        assertFalse(Files.exists(out));

        r = jmd("convert", in.toString(), out.toString(), "--frame", "-1");
        assertEquals(0, r.code(), r.err());
        Frame last = StructureIO.readAll(in).get(2);
        Frame got = StructureIO.read(out);
        assertArrayEquals(last.system.x, got.system.x, 0.0);
        assertArrayEquals(last.system.v, got.system.v, 1e-18);

        r = jmd("convert", in.toString(), tmp.resolve("first.vasp").toString(), "--frame", "0");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(StructureIO.readAll(in).get(0).system.x, StructureIO.read(tmp.resolve("first.vasp")).system.x, 0.0);

        r = jmd("convert", in.toString(), out.toString(), "--frame", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("only 3 frames"), r.err());
    }

    @Test void streamsAllFramesBetweenMultiFrameFormats() {
        Path in = trajectory();
        Path out = tmp.resolve("set.n2p2");
        Jmd.Run r = jmd("convert", in.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        List<Frame> a = StructureIO.readAll(in), b = StructureIO.readAll(out);
        assertEquals(3, b.size());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(a.get(k).system.x, b.get(k).system.x, 0.0);
            assertEquals(a.get(k).energy, b.get(k).energy);
        }
    }

    @Test void explicitFormatsSpeciesAndErrors() throws IOException {
        Path vasp4 = tmp.resolve("structure.txt");
        Files.writeString(vasp4, "NaCl\n1.0\n5.64 0 0\n0 5.64 0\n0 0 5.64\n1 1\nDirect\n0 0 0\n0.5 0.5 0.5\n");
        Path out = tmp.resolve("nacl.out");
        Jmd.Run r = jmd("convert", vasp4.toString(), out.toString(), "--from", "poscar", "--to", "extxyz");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(vasp4 + ":6: ") && r.err().contains("VASP 4"), r.err());
        r = jmd("convert", vasp4.toString(), out.toString(), "--from", "poscar", "--to", "extxyz", "--species", "Na,Cl");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(new String[] {"Na", "Cl"}, StructureIO.read(out, "extxyz").system.symbols());

        r = jmd("convert", vasp4.toString(), out.toString(), "--from", "cif");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("choose one of extxyz, lammps-data, poscar, n2p2"), r.err());
        r = jmd("convert", vasp4.toString(), out.toString(), "--from", "poscar", "--species", "Na,Cl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot tell the structure format from the file name"), r.err());
    }
}
