package org.jmd.engine.deck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Thermodynamics;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deck parsing, variables and every error path that needs no potential (those are in the cli module's tests). */
class DeckTest {
    @TempDir Path dir;
    final StringWriter screen = new StringWriter();

    private Deck deck() { return new Deck(new PrintWriter(screen, true), new PrintWriter(new StringWriter()), false); }

    private Deck run(String text) {
        Deck d = deck();
        d.run(text, "test.deck", dir);
        d.close();
        return d;
    }

    /** Runs a deck that must fail, and returns the error after checking it names the file and line. */
    private InputException fails(String text, int line, String... fragments) {
        InputException e = assertThrows(InputException.class, () -> run(text));
        assertEquals("test.deck", e.source(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.deck:" + line + ": "), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "'" + f + "' missing from: " + e.getMessage());
        return e;
    }

    @Test void commentsContinuationsAndBlankLinesKeepLineNumbers() {
        List<DeckLine> lines = DeckReader.parse("# header\n\nlattice fcc a=3.6 &\n   species=Cu & # trailing\n  repeat=1,1,1\nrun 5 # x\n", "d");
        assertEquals(2, lines.size());
        assertEquals(new DeckLine("lattice fcc a=3.6 species=Cu repeat=1,1,1", "d", 3), lines.get(0));
        assertEquals(new DeckLine("run 5", "d", 6), lines.get(1));
        assertEquals("print 'a # b'", DeckReader.parse("print 'a # b' # c", "d").get(0).text());
        assertThrows(InputException.class, () -> DeckReader.parse("run 5 &", "d"));
    }

    @Test void unknownCommandSuggestsTheNearestOne() {
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\n\nrnu 10\n", 3, "unknown command 'rnu'", "did you mean 'run'");
        fails("minimise fire fmax=0.1\n", 1, "unknown command 'minimise'", "did you mean 'minimize'");
    }

    @Test void unknownAndMisspeltKeysAreErrors() {
        fails("thermo every=10 fil=t.csv\n", 1, "unknown option 'fil'");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nvelocity temperature=300 sed=4\n", 2, "missing seed=", "'sed='");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1 colour=red\n", 1, "unknown option 'colour'");
        fails("dump every=10\n", 1, "missing file=");
    }

    @Test void badValuesAreErrors() {
        fails("timestep fast\n", 1, "timestep", "'fast'");
        fails("timestep -1\n", 1, "must be positive");
        fails("lattice fcc a=big species=Cu repeat=1,1,1\n", 1, "a expects a number, got 'big'");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1\n", 1, "repeat= expects 3");
        fails("lattice fcc a=3.6 species=Cu repeat=1,x,1\n", 1, "whole numbers");
        fails("lattice fccc a=3.6 species=Cu repeat=1,1,1\n", 1, "unknown lattice 'fccc'", "did you mean 'fcc'");
        fails("lattice rocksalt a=5.6 species=Na repeat=1,1,1\n", 1, "takes 2 species");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nrun many\n", 2, "whole number of steps");
        fails("thermo every=0\n", 1, "at least 1");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nmass Zn 65.4\n", 2, "no species 'Zn'");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nthermo every=10 extra=econs,pres\n", 2, "unknown thermo quantity 'pres'", "did you mean 'press'");
    }

    @Test void missingRequirementsAreErrors() {
        fails("run 10\n", 1, "no atoms");
        fails("velocity temperature=300 seed=1\n", 1, "no atoms");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\ntimestep 1\nrun 10\n", 3, "no potential");
        fails("minimize nosuch fmax=0.01\n", 1, "unknown minimizer 'nosuch'");
        fails("potential nosuch x=1\n", 1, "unknown potential 'nosuch'");
        fails("ensemble nosuch\n", 1, "unknown ensemble 'nosuch'");
        fails("read missing.extxyz\n", 1, "missing.extxyz", "no such file");
        fails("restart missing.chk\n", 1, "no such checkpoint file");
        fails("lattice diamond a=5.43 species=Si repeat=1,1,1\ncut sphere radius=0.1 center=1,1,1\n", 2, "no atom within");
        fails("lattice diamond a=5.43 species=Si repeat=1,1,1\ncut box radius=3\n", 2, "unknown shape 'box'");
    }

    @Test void variablesSubstituteAndCommandLineValuesWin() throws Exception {
        Deck d = deck();
        d.variables().defineFromCommandLine("n", "2");
        d.run("variable n 5\nvariable a 3.6\nvariable species Cu\nlattice fcc a=${a} species=${species} repeat=${n},${n},${n}\n", "test.deck", dir);
        assertEquals(4 * 8, d.simulation().system().size()); // n=2 from the command line, not 5
        assertEquals(7.2, d.simulation().system().cell().h(0, 0), 1e-12);
        fails("variable shared /data\nread ${shraed}/x.extxyz\n", 2, "undefined variable 'shraed'", "did you mean 'shared'", "-v shraed=");
        fails("variable 2x 1\n", 1, "variable name '2x'");
        fails("variable x\n", 1, "variable NAME VALUE");
        fails("print ${x\n", 1, "unclosed '${'");
    }

    @Test void writeReadsBackAndPathsResolveAgainstTheDeckDirectory() {
        run("lattice wurtzite a=3.25 c=5.2 u=0.38 species=Zn,O repeat=2,2,2\nmass O 16.5\nvelocity temperature=500 seed=3\nwrite out/zno.extxyz\n");
        Path out = dir.resolve("out/zno.extxyz");
        assertTrue(Files.exists(out));
        Frame f = StructureIO.read(out);
        AtomicSystem s = f.system;
        assertEquals(32, s.size());
        assertTrue(f.hasVelocities);
        assertEquals(500, Thermodynamics.temperature(withMasses(s, 16.5)), 1e-9, "velocities read back exactly");
        assertEquals(null, f.energy); // no potential: no energy is claimed
    }

    @Test void cutSphereKeepsTheAtomsInsideAndLeavesVacuum() {
        Deck d = deck();
        d.run("lattice diamond a=5.431 species=Si repeat=4,4,4\ncut sphere radius=7.0\n", "test.deck", dir);
        AtomicSystem s = d.simulation().system();
        assertFalse(s.cell().anyPeriodic());
        // the cell centre (2a,2a,2a) is an atom site; count independently over the crystal's sites
        int expected = 0;
        double a = 5.431;
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 4; k++)
            for (double[] b : basis) {
                double dx = (i + b[0] - 2) * a, dy = (j + b[1] - 2) * a, dz = (k + b[2] - 2) * a;
                if (dx * dx + dy * dy + dz * dz <= 49.0) expected++;
            }
        assertEquals(expected, s.size());
        for (int i = 0; i < s.size(); i++) {
            double dx = s.x[3 * i] - 2 * a, dy = s.x[3 * i + 1] - 2 * a, dz = s.x[3 * i + 2] - 2 * a;
            assertTrue(dx * dx + dy * dy + dz * dz <= 49.0 + 1e-9);
        }
    }

    @Test void massCommandAppliesToLaterStructuresToo() {
        Deck d = deck();
        d.run("mass Cu 70.0\nlattice fcc a=3.6 species=Cu repeat=1,1,1\n", "test.deck", dir);
        for (double m : d.simulation().system().mass) assertEquals(70.0, m);
        fails("mass Cu -1\n", 1, "mass must be positive");
    }

    @Test void pressuresTakeBarOrGPa() {
        org.jmd.engine.Arguments a = new org.jmd.engine.Arguments("minimize", List.of("p=1.5GPa", "q=300bar", "r=7"), "x", 1, dir);
        assertEquals(15000, a.pressure("p", 0), 1e-9);
        assertEquals(300, a.pressure("q", 0), 0);
        assertEquals(7, a.pressure("r", 0), 0);
        assertArrayEquals(new double[] {0}, new double[] {a.pressure("absent", 0)});
    }

    /** The whole deck is checked before its first line runs: a bad last line leaves nothing written by the first ones. */
    @Test void aDeckIsCheckedWholeBeforeItsFirstLineRuns() throws Exception {
        Files.writeString(dir.resolve("plain"), "a file, not a directory\n");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\nthermo every=10 file=plain/t.csv\n", 3,
                "plain/t.csv", "is a file, not a directory");
        Files.createDirectories(dir.resolve("made.extxyz"));
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\ndump every=10 file=made.extxyz\n", 3, "is a directory");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\ncheckpoint every=10 file=plain/x.chk\n", 3, "is a file");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\nwrite out/a.txt\n", 3, "cannot tell the structure format");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\nrun 10 sideways\n", 3, "only 'upto'");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\nrun 10 upto\n", 3, "no potential");
        fails("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/a.extxyz\nread missing.extxyz\n", 3, "no such file");
        assertFalse(Files.exists(dir.resolve("out")), "no line ran");
    }

    /** A file the deck writes and then reads is not there when the deck is checked: the check lets it through. */
    @Test void aFileTheDeckWritesAndReadsBackPassesTheCheck() {
        Deck d = run("lattice fcc a=3.6 species=Cu repeat=1,1,1\nwrite out/cu.extxyz\nlattice fcc a=3.6 species=Cu repeat=2,2,2\n"
                + "read out/cu.extxyz\n");
        assertEquals(4, d.simulation().system().size(), "the real run read the file");
    }

    @Test void checkingADeckSummarisesItAndWritesNothing() {
        Deck d = deck();
        String summary = d.check("lattice fcc a=3.6 species=Cu repeat=2,2,2\nthermo every=10 file=out/t.csv\ndump every=5 file=out/d.extxyz\n"
                + "checkpoint every=100 file=out/run.chk\nwrite out/final.extxyz\n", "test.deck", dir);
        assertTrue(summary.startsWith("32 atoms (Cu); 0 MD steps in 0 runs, 0 minimizations; writes "), summary);
        for (String f : List.of("t.csv", "d.extxyz", "run.chk", "final.extxyz")) assertTrue(summary.contains(f), summary);
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(null, d.simulation().system(), "the deck itself ran nothing");
        assertEquals("", screen.toString(), "the check prints nothing");
    }

    private static AtomicSystem withMasses(AtomicSystem s, double oxygen) {
        s.setMass("O", oxygen);
        return s;
    }
}
