package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.io.StructureReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at any moment loses nothing. {@code jmd run} runs as a child process (its own JVM) with
 * thermo, dump and checkpoint, and is killed with SIGKILL at random (seeded) moments — during JVM
 * start, the deck check, the run, a checkpoint or a record being written. After each kill every
 * output is a complete earlier version: the thermo CSV and the trajectory are byte for byte the
 * beginning of the uninterrupted run's files (whole rows and frames; at most the record being
 * written when the kill came is cut short, which the kernel may do between pages of one write),
 * and the checkpoint is a whole file whose atoms are exactly the uninterrupted run's at its step.
 * The restart deck then continues from the checkpoint; when a run finally ends, its thermo,
 * trajectory, checkpoint and final structure are the uninterrupted run's, byte for byte — the
 * same final state to the bit, and no step written twice.
 */
class KilledRunTest {
    static final int KILLS = 22;
    static final int STEPS = 2000;

    @TempDir Path dir;

    static String runDeck(String potential) {
        return "lattice diamond a=5.431 species=Si repeat=2,2,2\npotential sw " + potential + "\nvelocity temperature=1500 seed=7\n"
                + "ensemble nvt-langevin temperature=1500 damping=100 seed=3\n" + outputs("") + "run " + STEPS + " upto\nwrite out/final.extxyz\n";
    }

    static String restartDeck(String potential) {
        return "restart out/run.chk\npotential sw " + potential + "\n" + outputs(" append=yes") + "run " + STEPS + " upto\nwrite out/final.extxyz\n";
    }

    static String outputs(String append) {
        return "thermo every=10 file=out/thermo.csv" + append + "\ndump every=50 file=out/traj.extxyz" + append
                + "\ncheckpoint every=100 file=out/run.chk\n";
    }

    static final List<String> OUTPUTS = List.of("thermo.csv", "traj.extxyz", "run.chk", "final.extxyz");

    @Test void killedAtRandomMomentsAndRestartedTheRunEndsAsIfNeverKilled() throws Exception {
        String potential = DeckRunTest.repositoryFile("inputs/potentials/Si.sw");
        Path ref = Files.createDirectories(dir.resolve("reference")), work = Files.createDirectories(dir.resolve("work"));
        for (Path d : List.of(ref, work)) {
            Files.writeString(d.resolve("run.deck"), runDeck(potential));
            Files.writeString(d.resolve("restart.deck"), restartDeck(potential));
        }
        long start = System.nanoTime();
        Process p = jmd(ref, "run.deck");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the uninterrupted run did not finish");
        // kills come uniformly within the time a whole run takes here (JVM start included), so they land anywhere in its life
        int latestKill = (int) Math.max(500, (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, p.exitValue(), Files.readString(ref.resolve("log.txt")));
        byte[][] expected = new byte[OUTPUTS.size()][];
        for (int k = 0; k < expected.length; k++) expected[k] = Files.readAllBytes(ref.resolve("out").resolve(OUTPUTS.get(k)));
        List<Frame> frames = StructureIO.readAll(ref.resolve("out/traj.extxyz"));
        assertEquals(STEPS / 50 + 1, frames.size());

        Random random = new Random(20240612);
        int kills = 0, finished = 0, cut = 0, restarts = 0;
        List<Long> checkpointSteps = new ArrayList<>();
        while (kills < KILLS) {
            boolean restart = Files.exists(work.resolve("out/run.chk"));
            restarts += restart ? 1 : 0;
            Process child = jmd(work, restart ? "restart.deck" : "run.deck");
            if (child.waitFor(random.nextInt(latestKill), TimeUnit.MILLISECONDS)) {
                // it finished before its kill: the run is complete and must be the uninterrupted one
                assertEquals(0, child.exitValue(), Files.readString(work.resolve("log.txt")));
                assertSameFiles(expected, work.resolve("out"));
                finished++;
                deleteTree(work.resolve("out"));
                continue;
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no finally
            assertTrue(child.waitFor(1, TimeUnit.MINUTES));
            kills++;
            cut += checkWhole(expected, frames, work.resolve("out"), checkpointSteps);
        }
        // and on to the end
        Process last = jmd(work, Files.exists(work.resolve("out/run.chk")) ? "restart.deck" : "run.deck");
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(work.resolve("log.txt")));
        assertSameFiles(expected, work.resolve("out"));
        System.out.printf("KilledRunTest: a run takes %d ms; %d kills (checkpoints of steps %s found), %d restarts, %d runs finished before their kill plus the last,"
                + " %d outputs ended inside a record%n", latestKill, kills, checkpointSteps, restarts, finished, cut);
        assertTrue(checkpointSteps.stream().filter(s -> s > 0).count() >= 5, "kills should land during runs too: " + checkpointSteps);
    }

    /** jmd run as a child JVM on this test's classpath, one thread, output to log.txt. */
    static Process jmd(Path dir, String deck) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.jmd.cli.Main", "run", "--threads", "1", deck);
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("log.txt").toFile());
        return pb.start();
    }

    /**
     * After a kill: thermo and trajectory are beginnings of the uninterrupted run's files, the
     * trajectory's whole frames read back, the checkpoint holds exactly the uninterrupted run's
     * atoms at its step, and a final structure, if written, is the final one. Returns how many
     * files end inside a record.
     */
    static int checkWhole(byte[][] expected, List<Frame> frames, Path out, List<Long> checkpointSteps) throws IOException {
        int cut = 0;
        for (int k = 0; k < 2; k++) {
            Path f = out.resolve(OUTPUTS.get(k));
            if (!Files.exists(f)) continue;
            byte[] got = Files.readAllBytes(f);
            assertTrue(got.length <= expected[k].length && Arrays.equals(got, 0, got.length, expected[k], 0, got.length),
                    f + " (" + got.length + " bytes) is not the beginning of the uninterrupted run's");
            boolean whole = got.length == 0 || got[got.length - 1] == '\n';
            if (k == 1) {
                // a reader gets every whole frame (and then, only if the last one is cut short, an error)
                int read = 0;
                try (StructureReader r = StructureIO.open(f, (String) null)) {
                    while (r.hasNext()) {
                        Frame fr = r.next();
                        assertEquals(frames.get(read).info.get("step"), fr.info.get("step"));
                        read++;
                    }
                } catch (org.jmd.engine.InputException e) {
                    whole = false;
                }
                long frameEnds = countFrameEnds(expected[1], got.length);
                if (whole && read != frameEnds) whole = false;
                assertEquals(frameEnds, read, f + ": whole frames read back");
            }
            if (!whole) cut++;
        }
        Path chk = out.resolve("run.chk");
        if (Files.exists(chk)) {
            Frame c = StructureIO.read(chk, "extxyz"); // complete, or this throws
            long step = Long.parseLong(c.info.get("step"));
            assertEquals(0, step % 100, "checkpoints are written every 100 steps");
            Frame same = frames.get((int) (step / 50));
            assertEquals(Long.toString(step), same.info.get("step"));
            assertArrayEquals(same.system.x, c.system.x, "checkpoint positions at step " + step);
            assertArrayEquals(same.system.v, c.system.v, "checkpoint velocities at step " + step);
            checkpointSteps.add(step);
        } else {
            checkpointSteps.add(-1L);
        }
        Path fin = out.resolve("final.extxyz");
        if (Files.exists(fin)) assertArrayEquals(expected[3], Files.readAllBytes(fin), "final structure");
        try (Stream<Path> s = Files.list(out.getParent())) {
            // nothing else appears beside the decks (temporary files of atomic writes stay inside out/, hidden)
            assertTrue(s.allMatch(p -> List.of("out", "run.deck", "restart.deck", "log.txt").contains(p.getFileName().toString())));
        }
        return cut;
    }

    /** Frames that end within the first {@code length} bytes of a trajectory of 64-atom frames. */
    static long countFrameEnds(byte[] traj, int length) {
        long frames = 0;
        int lines = 0;
        for (int k = 0; k < length; k++) {
            if (traj[k] == '\n' && ++lines % 66 == 0) frames++;
        }
        return frames;
    }

    static void assertSameFiles(byte[][] expected, Path out) throws IOException {
        for (int k = 0; k < OUTPUTS.size(); k++) {
            assertArrayEquals(expected[k], Files.readAllBytes(out.resolve(OUTPUTS.get(k))), OUTPUTS.get(k) + " differs from the uninterrupted run's");
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
