package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file cut at any byte — where a killed run may leave it — looks like to the code that
 * continues it: trajectories ({@link TrajectoryWriter}) and line records
 * ({@link AppendOnlyFile#wholeLines}) keep exactly the whole records before the cut, and a
 * continued trajectory drops the frames from a given step on.
 */
class WholeRecordsTest {
    @TempDir Path tmp;

    /** Four frames at steps 0, 5, 10, 15 in the format, and the byte offset where each ends. */
    private record Written(byte[] bytes, long[] ends) {}

    private Written fourFrames(String name) throws IOException {
        Path p = tmp.resolve(name);
        // two atoms with forces: small enough to cut at every byte, with every kind of line
        Frame f = new Frame(org.jmd.engine.AtomicSystem.of(org.jmd.neighbor.Cell.orthorhombic(5, 6, 7), new String[] {"Zn", "O"},
                new double[] {0.5, 0.25, 0.125, 2.5, 3.0, 3.5}));
        f.forces = new double[] {0.1, -0.2, 0.3, -0.1, 0.2, -0.3};
        f.energy = -3.75;
        long[] ends = new long[4];
        try (TrajectoryWriter w = new TrajectoryWriter(p, null, false)) {
            for (int k = 0; k < 4; k++) {
                f.info.put("step", Integer.toString(5 * k));
                f.info.remove(N2p2Data.COMMENT);
                w.write(f);
                ends[k] = Files.size(p);
            }
        }
        return new Written(Files.readAllBytes(p), ends);
    }

    /** The frames a file cut after {@code length} bytes keeps when a run appends to it. */
    private static int wholeFrames(long[] ends, long length) {
        int n = 0;
        while (n < ends.length && ends[n] <= length) n++;
        return n;
    }

    @Test void aTrajectoryCutAtAnyByteIsContinuedAfterItsLastWholeFrame() throws IOException {
        for (String name : List.of("dump.extxyz", "dump.n2p2")) {
            Written full = fourFrames(name);
            StructureFormat format = StructureFormat.forFile(Path.of(name));
            for (int length = 0; length <= full.bytes.length; length++) {
                int whole = wholeFrames(full.ends, length);
                long expected = whole == 0 ? 0 : full.ends[whole - 1];
                AppendOnlyFile.Lines in = new AppendOnlyFile.Lines(new java.io.ByteArrayInputStream(full.bytes, 0, length));
                assertEquals(expected, TrajectoryWriter.FrameScan.wholeFramesBefore(in, Path.of(name), format, Long.MAX_VALUE),
                        name + " cut at byte " + length);
            }
            // on disk: cut in the second frame, continued, read back
            Path cut = tmp.resolve("cut-" + name);
            Files.write(cut, Arrays.copyOf(full.bytes, (int) full.ends[1] - 3));
            new TrajectoryWriter(cut, null, true).close();
            assertArrayEquals(Arrays.copyOf(full.bytes, (int) full.ends[0]), Files.readAllBytes(cut), name);
            Frame f = StructureIO.read(cut);
            assertEquals("0", name.endsWith("n2p2") ? f.info.get(N2p2Data.COMMENT).split("[ =]")[1] : f.info.get("step"));
        }
    }

    @Test void aContinuedTrajectoryDropsTheFramesFromItsFirstStepOn() throws IOException {
        for (String name : List.of("run.extxyz", "run.n2p2")) {
            Written full = fourFrames(name);
            Path p = tmp.resolve(name);
            // killed while writing the frame of step 15; its last checkpoint was at step 5
            Files.write(p, Arrays.copyOf(full.bytes, (int) full.ends[3] - 7));
            TrajectoryWriter.continuing(p, null, 5).close();
            assertArrayEquals(Arrays.copyOf(full.bytes, (int) full.ends[0]), Files.readAllBytes(p), name + ": step 0 kept, 5 and later dropped");
            Files.write(p, full.bytes);
            TrajectoryWriter.continuing(p, null, 11).close();
            assertArrayEquals(Arrays.copyOf(full.bytes, (int) full.ends[2]), Files.readAllBytes(p), name + ": steps 0, 5, 10 kept");
        }
    }

    @Test void aFileThatIsNotATrajectoryIsAnErrorNotSomethingToCut() throws IOException {
        Path p = tmp.resolve("notes.xyz");
        Files.writeString(p, "2\ncomment step=0\nH 0 0 0\nH 0 0 1\nthese are my notes\n");
        InputException e = assertThrows(InputException.class, () -> TrajectoryWriter.continuing(p, null, 10));
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot continue this trajectory"), e.getMessage());
        assertEquals("2\ncomment step=0\nH 0 0 0\nH 0 0 1\nthese are my notes\n".length(), Files.size(p), "left as it was");
    }

    @Test void wholeLinesKeepsTheLinesTheFilterAcceptsUpToTheFirstCutOne() throws IOException {
        String text = "step,pe\n0,-1.5\n10,-1.25\n20,-1.0\n";
        Path p = tmp.resolve("thermo.csv");
        for (int length = 0; length <= text.length(); length++) {
            Files.writeString(p, text.substring(0, length));
            long kept = AppendOnlyFile.wholeLines(p, (n, line) -> true);
            assertEquals(text.substring(0, length).lastIndexOf('\n') + 1, kept, "cut at " + length);
        }
        Files.writeString(p, text);
        List<Integer> seen = new ArrayList<>();
        long kept = AppendOnlyFile.wholeLines(p, (n, line) -> {
            seen.add(n);
            return n == 1 || Long.parseLong(line.split(",")[0]) < 20;
        });
        assertEquals("step,pe\n0,-1.5\n10,-1.25\n".length(), kept);
        assertEquals(List.of(1, 2, 3, 4), seen);
        assertEquals(0, AppendOnlyFile.wholeLines(tmp.resolve("missing.csv"), (n, line) -> true));
        // continuing cuts there and appends each record whole
        try (AppendOnlyFile f = AppendOnlyFile.continued(p, kept)) {
            f.append("20,-0.5\n");
        }
        assertEquals("step,pe\n0,-1.5\n10,-1.25\n20,-0.5\n", Files.readString(p));
    }

    @Test void checkWritableCreatesNothingAndNamesTheProblem() throws IOException {
        StructureIO.checkWritable(tmp.resolve("new/dir/out.csv"));
        assertTrue(!Files.exists(tmp.resolve("new")), "nothing created");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        InputException e = assertThrows(InputException.class, () -> StructureIO.checkWritable(file.resolve("out.csv")));
        assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
        e = assertThrows(InputException.class, () -> StructureIO.checkWritable(tmp));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }
}
