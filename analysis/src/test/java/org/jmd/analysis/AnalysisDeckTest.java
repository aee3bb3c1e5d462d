package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jmd.engine.InputException;
import org.jmd.engine.deck.Deck;
import org.jmd.engine.deck.RunInterrupted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis commands in decks: found by name, their errors, when they sample and write, and the run summary. */
class AnalysisDeckTest {
    @TempDir Path dir;
    final StringWriter screen = new StringWriter();

    /** 108 argon atoms with Lennard-Jones at 300 K (a hot liquid), ready to run. */
    static final String ARGON = """
            lattice fcc a=5.26 species=Ar repeat=3,3,3
            potential lj epsilon=0.0104 sigma=3.4 cutoff=8.5
            velocity temperature=300 seed=7
            timestep 5
            ensemble nve
            """;

    private Deck deck() { return new Deck(new PrintWriter(screen, true), new PrintWriter(Writer.nullWriter()), false); }

    private void run(String text) {
        try (Deck d = deck()) {
            d.run(text, "test.deck", dir);
        }
    }

    /** Runs a deck that must fail, and returns the error after checking it names the file and line. */
    private InputException fails(String text, int line, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> run(text));
        assertEquals("test.deck", e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        return e;
    }

    private List<String> lines(String file) throws IOException { return Files.readAllLines(dir.resolve(file)); }

    @Test void badOptionsAreErrorsAtTheirLine() throws IOException {
        fails(ARGON + "rdf every=0 cutoff=5 bins=10 file=r.csv\n", 6, "rdf: every= must be at least 1, got 0");
        fails(ARGON + "rdf every=10 cutoff=5 bins=10\n", 6, "rdf: missing file=");
        fails(ARGON + "rdf every=10 cutoff=-1 bins=10 file=r.csv\n", 6, "cutoff= must be positive");
        fails(ARGON + "adf every=10 cutoff=3 bins=0 file=a.csv\n", 6, "adf: bins= must be between 1 and 1000000");
        fails(ARGON + "msd every=10 file=m.csv bins=3\n", 6, "unknown option 'bins' for msd");
        fails(ARGON + "vdos 5 file=v.csv\n", 6, "vdos: unexpected argument '5'");
        fails(ARGON + "msd every=ten file=m.csv\n", 6, "every= expects a whole number");
        fails("coordination cutoff=3 file=c.csv\n", 1, "coordination: no atoms yet");
        Files.writeString(dir.resolve("blocker"), "a file, not a directory\n");
        fails(ARGON + "\nmsd every=10 file=blocker/m.csv\n", 7, "msd: file=blocker/m.csv", "is a file, not a directory");
        fails(ARGON + "msd every=10 file=.\n", 6, "is a directory");
        InputException e = fails(ARGON + "rdff every=10 cutoff=5 bins=10 file=r.csv\n", 6, "unknown command 'rdff'", "did you mean 'rdf'?");
        for (String name : new String[] {"rdf", "adf", "msd", "vdos", "coordination", "run"}) assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    /** An error while sampling (an RDF of atoms in vacuum) stops the run at its line and names the analysis's line. */
    @Test void samplingErrorsNameBothLines() {
        fails("lattice fcc a=5.26 species=Ar repeat=3,3,3\ncut sphere radius=6\npotential lj epsilon=0.0104 sigma=3.4 cutoff=8.5\n"
                + "ensemble nve\nrdf every=1 cutoff=5 bins=10 file=r.csv\nrun 5\n", 6, "run: rdf (test.deck:5)", "periodic");
    }

    @Test void theSummaryGivesTheDiffusionCoefficient() throws IOException {
        run(ARGON + "msd every=10 file=out/msd.csv\nrun 200\n");
        assertTrue(screen.toString().contains("msd: MSD "), screen.toString());
        assertTrue(screen.toString().contains("diffusion coefficient D = "), screen.toString());
        List<String> rows = lines("out/msd.csv");
        assertEquals("time,msd", rows.get(0));
        assertEquals(22, rows.size(), "header and steps 0, 10, ..., 200");
        assertEquals("0.0,0.0", rows.get(1));
        assertEquals(0.05, Double.parseDouble(rows.get(2).split(",")[0]), 1e-12, "10 steps of 5 fs = 0.05 ps");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("msd.csv"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    /**
     * Samplers count steps from the first one they see, across consecutive runs, and write after
     * each: two runs of 60 and 40 steps give the same files as one of 100, and the step where
     * they meet is sampled once.
     */
    @Test void samplingContinuesAcrossRuns() throws IOException {
        String analyses = "msd every=7 file=one/msd.csv\nrdf every=7 cutoff=6 bins=30 file=one/rdf.csv\n"
                + "adf every=7 cutoff=4.2 bins=36 file=one/adf.csv\nvdos every=1 file=one/vdos.csv\n";
        run(ARGON + analyses + "run 100\n");
        screen.getBuffer().setLength(0);
        run(ARGON + analyses.replace("one/", "two/") + "run 60\n" + "run 40\n");
        assertEquals(2, screen.toString().split("msd: ", -1).length - 1, "a summary after each run: " + screen);
        for (String f : new String[] {"msd.csv", "rdf.csv", "adf.csv", "vdos.csv"}) {
            assertEquals(lines("one/" + f), lines("two/" + f), f);
        }
        assertEquals(1 + 15, lines("one/msd.csv").size(), "steps 0, 7, ..., 98");
    }

    @Test void aLaterLineOnTheSameFileStartsAfresh() throws IOException {
        run(ARGON + "msd every=10 file=m.csv\nrun 50\nmsd every=5 file=m.csv\nrun 20\n");
        List<String> rows = lines("m.csv");
        assertEquals(1 + 5, rows.size(), "steps 50, 55, ..., 70 only: " + rows);
        assertEquals("0.0,0.0", rows.get(1));
    }

    @Test void newAtomsEndTheSamplers() throws IOException {
        run(ARGON + "msd every=10 file=m.csv\nrun 20\n" + ARGON + "run 50\n");
        assertTrue(screen.toString().contains("note: msd -> "), screen.toString());
        assertTrue(screen.toString().contains("ends: the atoms were replaced"), screen.toString());
        assertEquals(1 + 3, lines("m.csv").size(), "only the first run's steps 0, 10, 20");
    }

    @Test void coordinationIsWrittenWhenItsLineIsRead() throws IOException {
        run("lattice diamond a=5.431 species=Si repeat=2,2,2\ncoordination cutoff=2.6 file=c.csv\n");
        assertEquals(List.of("coordination,count,count_Si", "0,0.0,0.0", "1,0.0,0.0", "2,0.0,0.0", "3,0.0,0.0", "4,64.0,64.0"), lines("c.csv"));
        assertTrue(screen.toString().contains("coordination: mean neighbors within 2.6 Å: Si 4.000"), screen.toString());
    }

    /** The whole deck is checked before it runs: a typo further down means no analysis file is written at all. */
    @Test void aDeckThatFailsItsCheckWritesNoAnalysis() {
        fails("lattice diamond a=5.431 species=Si repeat=2,2,2\ncoordination cutoff=2.6 file=c.csv\n"
                + "rdf every=10 cutoff=5 bins=10 file=r.csv\nrnu 10\n", 4, "rnu");
        assertFalse(Files.exists(dir.resolve("c.csv")), "coordination written by a deck that failed its check");
        assertFalse(Files.exists(dir.resolve("r.csv")));
    }

    /** Ctrl-C (here asked for before the run) stops after one step; what was sampled is still written. */
    @Test void anInterruptedRunWritesWhatItSampled() throws IOException {
        Deck d = deck();
        d.stopSignal().request();
        assertThrows(RunInterrupted.class, () -> d.run(ARGON + "msd every=1 file=m.csv\nrun 100\n", "test.deck", dir));
        d.close();
        assertEquals(1 + 2, lines("m.csv").size(), "steps 0 and 1");
        assertFalse(screen.toString().isEmpty());
    }
}
