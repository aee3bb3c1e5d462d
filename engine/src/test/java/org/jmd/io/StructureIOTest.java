package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jmd.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureIOTest {
    @TempDir Path tmp;

    @Test void formatFollowsTheFileName() {
        assertSame(ExtXyz.FORMAT, StructureFormat.forFile(Path.of("a/train.extxyz")));
        assertSame(ExtXyz.FORMAT, StructureFormat.forFile(Path.of("mol.XYZ")));
        assertSame(N2p2Data.FORMAT, StructureFormat.forFile(Path.of("nnp/input.data")));
        assertSame(N2p2Data.FORMAT, StructureFormat.forFile(Path.of("set.n2p2")));
        assertSame(LammpsData.FORMAT, StructureFormat.forFile(Path.of("restart.data")));
        assertSame(LammpsData.FORMAT, StructureFormat.forFile(Path.of("box.lmp")));
        assertSame(Poscar.FORMAT, StructureFormat.forFile(Path.of("run/POSCAR")));
        assertSame(Poscar.FORMAT, StructureFormat.forFile(Path.of("CONTCAR_relaxed")));
        assertSame(Poscar.FORMAT, StructureFormat.forFile(Path.of("si.vasp")));
        assertSame(Poscar.FORMAT, StructureFormat.forFile(Path.of("si.poscar")));
        assertSame(LammpsData.FORMAT, StructureFormat.choose(Path.of("whatever.txt"), "lammps-data"));
        InputException e = assertThrows(InputException.class, () -> StructureFormat.forFile(Path.of("notes.txt")));
        assertTrue(e.getMessage().startsWith("notes.txt: ") && e.getMessage().contains("extxyz, lammps-data, poscar, n2p2"), e.getMessage());
        e = assertThrows(InputException.class, () -> StructureFormat.choose(Path.of("x.xyz"), "cif"));
        assertTrue(e.getMessage().contains("unknown structure format 'cif'; choose one of extxyz, lammps-data, poscar, n2p2"), e.getMessage());
    }

    @Test void aFailedWriteLeavesNoPartialFileAndKeepsTheOldOne() throws IOException {
        Path target = tmp.resolve("out.extxyz");
        Files.writeString(target, "old content\n");
        InputException e = assertThrows(InputException.class, () -> StructureIO.writeAtomically(target, w -> {
            w.write("2\nhalf a frame\n");
            w.flush();
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full"));
        assertEquals("old content\n", Files.readString(target));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
        // a format that refuses the second frame after writing the first: still no file at all
        Path n2p2 = tmp.resolve("input.data");
        Frame good = TestFrames.znoTriclinic(1, false);
        Frame slab = TestFrames.znoTriclinic(2, false);
        slab.system.setCell(new org.jmd.neighbor.Cell(TestFrames.GENERAL_CELL, new boolean[] {true, true, false}));
        e = assertThrows(InputException.class, () -> StructureIO.write(n2p2, List.of(good, slab)));
        assertTrue(e.getMessage().contains("periodic in all three directions or in none"), e.getMessage());
        assertFalse(Files.exists(n2p2));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test void trajectoryWriterAppendsAndFlushesEachFrame() throws IOException {
        Path p = tmp.resolve("dump.extxyz");
        Frame f = TestFrames.znoTriclinic(4, true);
        try (TrajectoryWriter w = new TrajectoryWriter(p, null, false)) {
            for (int step = 0; step < 3; step++) {
                f.info.put("step", Integer.toString(step));
                w.write(f);
                // readable while the run goes on: every written frame is on disk
                assertEquals(step + 1, StructureIO.readAll(p).size());
            }
        }
        try (TrajectoryWriter w = new TrajectoryWriter(p, null, true)) {
            w.write(f);
        }
        List<Frame> frames = StructureIO.readAll(p);
        assertEquals(4, frames.size());
        assertEquals("1", frames.get(1).info.get("step"));
        assertThrows(InputException.class, () -> new TrajectoryWriter(tmp.resolve("POSCAR"), null, false));
    }

    @Test void readerStreamsAndEmptyFilesAreAnError() throws IOException {
        Path p = tmp.resolve("three.extxyz");
        Frame f = TestFrames.znoTriclinic(4, true);
        StructureIO.write(p, List.of(f, f, f));
        try (StructureReader r = StructureIO.open(p, (String) null)) {
            assertTrue(r.hasNext());
            r.next();
            assertEquals(1, r.framesRead());
            r.next();
            r.next();
            assertFalse(r.hasNext());
        }
        Path empty = tmp.resolve("empty.xyz");
        Files.writeString(empty, "\n\n");
        InputException e = assertThrows(InputException.class, () -> StructureIO.readAll(empty));
        assertTrue(e.getMessage().contains("no structure in file"));
        e = assertThrows(InputException.class, () -> StructureIO.read(tmp.resolve("missing.xyz")));
        assertTrue(e.getMessage().contains("no such file"));
    }

    @Test void convertingBetweenAllFormatsKeepsTheStructure() {
        Frame f = TestFrames.znoTriclinic(9, false);
        // a lower-triangular cell so that LAMMPS needs no rotation and every format is exact
        f.system.setCell(new org.jmd.neighbor.Cell(new double[] {6, 0, 0, 1, 5, 0, -1, 0.5, 7}, new boolean[] {true, true, true}));
        Frame cur = f;
        for (String name : List.of("a.extxyz", "b.lmp", "POSCAR", "input.data", "c.xyz")) {
            Path p = tmp.resolve(name);
            StructureIO.write(p, cur);
            cur = StructureIO.read(p);
            TestFrames.assertSameAtoms(f.system, cur.system, 0.0);
        }
    }

    @Test void writtenFilesAreReadableByOthersLikeAnyProgramOutput() throws Exception {
        Path out = tmp.resolve("perm.extxyz");
        StructureIO.writeAtomically(out, w -> w.write("0\n\n"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> p = java.nio.file.Files.getPosixFilePermissions(out);
        org.junit.jupiter.api.Assertions.assertTrue(p.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), p.toString());
        StructureIO.writeAtomically(tmp.resolve("plot.png"), new byte[] {1, 2, 3});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3}, java.nio.file.Files.readAllBytes(tmp.resolve("plot.png")));
    }
}
