package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmd train}: the shipped example decks and how errors come out. */
class TrainCommandTest {
    @TempDir Path tmp;

    private static Path deck(String name) {
        Path p = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/train").resolve(name);
        assertTrue(Files.isRegularFile(p), "missing example deck " + p);
        return p;
    }

    /**
     * Each example reads its data from testdata/ (through -v data=...), selects and splits it and
     * checks its model line; --dry-run stops before training and writes nothing.
     */
    @Test void exampleDecksReadAndSplitTheirData() {
        String data = Jmd.shared("data").toAbsolutePath().toString();
        for (String system : List.of("si", "zno")) {
            for (String model : List.of("linear", "plip", "nnp")) {
                String name = system + "-" + model + ".deck";
                Jmd.Run r = Jmd.run("train", deck(name).toString(), "--dry-run", "-v", "data=" + data, "--out", tmp.resolve(name).toString());
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains(system.equals("si") ? "read 214 structures, 13233 atoms" : "read 192 structures"), r.out());
                assertTrue(r.out().contains(system.equals("si") ? "split: 193 training, 21 validation" : "split: 173 training, 19 validation"), r.out());
                assertTrue(r.out().contains("dry run: would train '" + model + "'"), r.out());
                assertTrue(r.out().contains("invariant_points: the isolated atom of each element"), "every shipped deck monitors an invariant point: " + r.out());
                assertFalse(Files.exists(tmp.resolve(name)), "a dry run writes nothing");
            }
        }
        // the invariant-point example builds its 13 points (isolated atom, 4 lattices at 3 volumes) with SW
        String name = "si-sw-invariant-points.deck";
        Jmd.Run r = Jmd.run("train", deck(name).toString(), "--dry-run", "-v", "data=" + data, "--out", tmp.resolve(name).toString());
        assertEquals(0, r.code(), r.err());
        for (String lattice : List.of("diamond", "sc", "bcc", "fcc")) {
            assertTrue(r.out().contains("invariant_points: 3 " + lattice + " Si crystal(s)"), r.out());
        }
        assertTrue(r.out().contains("dry run: would train 'nnp'"), r.out());
    }

    @Test void errorsNameTheDeckAndLineWithoutAStackTrace() throws Exception {
        Path d = tmp.resolve("bad.deck");
        Files.writeString(d, "variable data " + Jmd.shared("data/si-pbe").toAbsolutePath() + "\nread ${data}/si_mlearn_test.extxyz\n\n"
                + "select config_type=Elastc\n");
        Jmd.Run r = Jmd.run("train", d.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.deck:4: select: no structure has config_type 'Elastc' (did you mean 'Elastic'?)"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());

        r = Jmd.run("train", tmp.resolve("nothere.deck").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such deck file"), r.err());
    }

    @Test void defaultOutputDirectoryIsTheDecksName() {
        assertEquals(Path.of("si-nnp"), TrainCommand.defaultOut(Path.of("inputs/train/si-nnp.deck")));
        assertEquals(Path.of("deck.out"), TrainCommand.defaultOut(Path.of("deck")));
    }
}
