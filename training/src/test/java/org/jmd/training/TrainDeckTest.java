package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.jmd.engine.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deck errors: each names the deck, the line and what was expected. */
class TrainDeckTest {
    @TempDir static Path dir;
    static Path data;

    @BeforeAll static void data() {
        data = SyntheticData.write(dir.resolve("data.extxyz"), SyntheticData.frames(12, new String[] {"Si"}, 5));
    }

    private static InputException fails(String deck) {
        StringWriter out = new StringWriter();
        TrainDeck d = new TrainDeck(new PrintWriter(out), dir.resolve("out-" + System.nanoTime()));
        return assertThrows(InputException.class, () -> d.run(deck, "t.deck", dir));
    }

    private static void assertError(String deck, int line, String... fragments) {
        InputException e = fails(deck);
        assertEquals("t.deck", e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' not in: " + e.getMessage());
    }

    /** {@code label ... window=W} keeps the structures whose labelled energy per atom is within W of the lowest. */
    @Test void labelWindowDropsStructuresFarAboveTheLowest() {
        java.util.List<org.jmd.io.Frame> frames = SyntheticData.frames(12, new String[] {"Si"}, 5);
        double[] perAtom = frames.stream().mapToDouble(f -> f.energy / f.system.size()).sorted().toArray();
        double window = 0.5 * (perAtom[5] + perAtom[6]) - perAtom[0]; // halfway between the 6th and 7th lowest
        TrainingRun.Result r = new TrainDeck(new PrintWriter(new StringWriter()), dir.resolve("window"))
                .run("read data.extxyz\nlabel potential=\"" + SyntheticData.ljLine() + "\" window=" + window + "\nmodel toy\ntrain\n", "w.deck", dir);
        assertEquals(6, r.training().overall().structures());
        assertError("read data.extxyz\nlabel potential=\"" + SyntheticData.ljLine() + "\" window=0\n", 2, "window= must be positive");
    }

    @Test void unknownCommandSuggestsTheNearest() {
        assertError("read data.extxyz\n# comment\nselct config_type=bulk\n", 3, "unknown command 'selct'", "did you mean 'select'");
    }

    @Test void unknownKeyIsAnError() {
        assertError("read data.extxyz\nselect config_type=bulk colour=red\n", 2, "unknown option 'colour'");
        assertError("read data.extxyz\nmodel toy\ntrain comittee=2\n", 3, "unknown option 'comittee'");
    }

    @Test void unknownTrainerAndTrainerOptions() {
        assertError("read data.extxyz\nmodel tyo\n", 2, "unknown trainer 'tyo'", "did you mean 'toy'");
        assertError("read data.extxyz\nmodel toy sigmaa=2\n", 2, "unknown option 'sigmaa'");
        assertError("read data.extxyz\nmodel toy epochs=0\n", 2, "epochs must be at least 1");
    }

    @Test void impossibleSelectionsAndSplits() {
        assertError("read data.extxyz\nselect config_type=bulck\n", 2, "no structure has config_type 'bulck'", "did you mean 'bulk'");
        assertError("read data.extxyz\nselect match=description:9999\n", 2, "leaves no structure");
        assertError("read data.extxyz\nselect match=descripton:300\n", 2, "no structure has info field 'descripton'");
        assertError("read data.extxyz\nexclude config_type=bulk,surface,liquid\n", 2, "leaves no structure");
        assertError("read data.extxyz\nsplit fraction=1.0 seed=1\n", 2, "fraction= must be between 0 and 1");
        assertError("read data.extxyz\nsplit fraction=0.5\n", 2, "missing seed=");
        assertError("read data.extxyz\nsplit config_type=bulk,surface,liquid\n", 2, "leaving none to train on");
        assertError("read data.extxyz\nselect random=13 seed=1\n", 2, "only 12 structures are eligible");
        assertError("read data.extxyz\nselect\n", 2, "say which structures");
        assertError("select config_type=bulk\n", 1, "'read' some first");
    }

    @Test void impossibleTrainSettings() {
        assertError("read data.extxyz\nmodel toy\ntrain committee=0\n", 3, "committee= must be at least 1");
        assertError("read data.extxyz\ntrain\n", 2, "no model");
        assertError("read data.extxyz\nmodel toy\n", 2, "never says 'train'"); // after the last command
        assertError("read data.extxyz\nmodel toy\ntrain threads=1\nvariable x 1\nprint ${x}\n", 5, "print: 'train' (line 3) must be the deck's last command");
        assertError("read data.extxyz\nreference_energies O=-3\nmodel toy\ntrain\n", 2, "no reference energy for Si");
        assertError("read data.extxyz\nreference_energies Xx=-3\n", 2, "'Xx' is not an element");
        assertError("read data.extxyz\nreference_energies fitt\n", 2, "expects 'fit'");
    }

    /** Every line is checked before training starts: a mistake after 'train' costs no training and writes nothing. */
    @Test void aMistakeAfterTrainStopsTheDeckBeforeTraining() {
        Path out = dir.resolve("never");
        TrainDeck d = new TrainDeck(new PrintWriter(new StringWriter()), out);
        InputException e = assertThrows(InputException.class, () -> d.run("read data.extxyz\nmodel toy\ntrain threads=1\n\nprnt done\n", "t.deck", dir));
        assertTrue(e.getMessage().startsWith("t.deck:5: unknown command 'prnt'"), e.getMessage());
        assertTrue(!java.nio.file.Files.exists(out), "nothing trained, nothing written");
    }

    @Test void badFilesAndPotentialLinesAreErrorsAtTheirLine() {
        assertError("variable d nothere\nread ${d}.extxyz\n", 2, "nothere.extxyz", "no such file");
        assertError("read ${undefined}\n", 1, "undefined variable 'undefined'");
        assertError("read data.extxyz\nlabel potential=\"lj epsilon=1 sigma=2\"\n", 2, "missing cutoff=");
        assertError("read data.extxyz\nlabel potential=\"nosuch 1\"\n", 2, "unknown potential 'nosuch'");
        assertError("read data.extxyz format=xyz\n", 1, "format= must be one of extxyz, n2p2");
    }
}
