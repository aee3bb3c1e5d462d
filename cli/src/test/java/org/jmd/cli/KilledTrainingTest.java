package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jmd train} killed with SIGKILL at random (seeded) moments — once it has saved a
 * checkpoint, so the kills land in the fit or, for a resumed run, anywhere — and continued with
 * {@code --resume} ends with the weights of a training never killed, bit for bit: a small NNP
 * (Adam epochs, then L-BFGS) on the mlearn Si test set, as a child JVM. A resume of another
 * training (here: another seed) into the same directory is refused.
 */
class KilledTrainingTest {
    static final int KILLS = 3;
    static final List<String> SAME = List.of("model/weights.014.data", "model/scaling.data", "predictions.csv");

    @TempDir Path dir;

    static String deck(int seed) {
        return "read " + Jmd.shared("data/si-pbe/si_mlearn_test.extxyz").toAbsolutePath() + "\nselect random=10 seed=2\nsplit fraction=0.25 seed=1\n"
                + "reference_energies fit\nmodel nnp hidden=6 epochs=25 lbfgs=8 batch=4\ntrain seed=" + seed + "\n";
    }

    @Test void aTrainingKilledAtRandomMomentsAndResumedEndsWithTheSameWeights() throws Exception {
        Path deck = Files.writeString(dir.resolve("si.deck"), deck(3));
        long start = System.nanoTime();
        Process p = train(deck, "reference", false);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
        int whole = (int) ((System.nanoTime() - start) / 1_000_000);
        assertFalse(Files.exists(dir.resolve("reference").resolve("training.chk")), "checkpoints are removed at the end");

        Random random = new Random(7);
        int kills = 0, resumed = 0, finished = 0;
        boolean refused = false;
        while (kills < KILLS) {
            Process child = train(deck, "work", true);
            // the kill comes at a random moment once a checkpoint exists (at once for a resumed run: anywhere in its life)
            Path chk = dir.resolve("work/training.chk");
            while (!Files.exists(chk) && child.isAlive()) Thread.sleep(10);
            if (child.waitFor(random.nextInt(whole / 2), TimeUnit.MILLISECONDS)) {
                // finished before its kill (a resumed training has less to do): it must have the weights, and the next starts afresh
                assertEquals(0, child.exitValue(), Files.readString(dir.resolve("log.txt")));
                assertSameResults(dir.resolve("reference"), dir.resolve("work"));
                KilledRunTest.deleteTree(dir.resolve("work"));
                finished++;
                continue;
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(1, TimeUnit.MINUTES));
            kills++;
            if (Files.readString(dir.resolve("log.txt")).contains("resuming from")) resumed++;
            if (!refused && Files.exists(dir.resolve("work/training.chk"))) {
                // another training cannot continue this one
                Path other = Files.writeString(dir.resolve("other.deck"), deck(4));
                Jmd.Run r = Jmd.run("train", other.toString(), "--out", dir.resolve("work").toString(), "--resume", "--threads", "1");
                assertEquals(2, r.code(), r.out() + r.err());
                assertTrue(r.err().contains("training.chk: --resume: this checkpoint belongs to another training"), r.err());
                refused = true;
            }
        }
        Process last = train(deck, "work", true);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("log.txt")));
        if (Files.readString(dir.resolve("log.txt")).contains("resuming from")) resumed++;
        assertSameResults(dir.resolve("reference"), dir.resolve("work"));
        assertTrue(refused, "no kill left a checkpoint to refuse");
        assertTrue(resumed > 0, "no run resumed from a checkpoint");
        System.out.printf("KilledTrainingTest: a training takes %d ms; %d kills, %d runs resumed from a checkpoint (the last included), %d finished before their kill%n",
                whole, kills, resumed, finished);
    }

    static void assertSameResults(Path expected, Path got) throws IOException {
        for (String f : SAME) assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(got.resolve(f)), f);
        assertFalse(Files.exists(got.resolve("training.chk")), "checkpoints are removed at the end");
    }

    /** jmd train as a child JVM on this test's classpath, one thread, output to log.txt. */
    Process train(Path deck, String out, boolean resume) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.jmd.cli.Main", "train", deck.toString(), "--out", out, "--threads", "1"));
        if (resume) cmd.add("--resume");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("log.txt").toFile());
        return pb.start();
    }
}
