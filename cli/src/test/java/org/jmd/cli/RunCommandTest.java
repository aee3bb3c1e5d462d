package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmd run DECK} end to end through {@link Main#execute}, as a user runs it. */
class RunCommandTest {
    @TempDir Path dir;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int jmd(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test void runsADeckWithPathsRelativeToItsDirectoryAndVariablesFromTheCommandLine() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("case"));
        Files.writeString(sub.resolve("ar.deck"), """
                # argon crystal, a few NVE steps
                variable steps 50
                lattice fcc a=5.26 species=Ar repeat=3,3,3
                potential lj epsilon=0.0104 sigma=3.4 cutoff=8.0
                velocity temperature=${T} seed=9
                ensemble nve          # timestep: the default, 1 fs
                thermo every=10 file=out/thermo.csv
                dump every=20 file=out/traj.extxyz
                run ${steps}
                write out/final.extxyz
                """);
        int code = jmd("run", sub.resolve("ar.deck").toString(), "-v", "T=40", "--var", "steps=30");
        assertEquals(0, code, err.toString());
        List<String> thermo = Files.readAllLines(sub.resolve("out/thermo.csv"));
        assertEquals("step,time,pe,ke,etotal,temp,press,vol", thermo.get(0));
        assertEquals(5, thermo.size(), "steps 0, 10, 20, 30 (steps=30 from the command line wins over the deck's 50)");
        assertEquals(30.0, Double.parseDouble(thermo.get(4).split(",")[1]), 0, "30 steps of the default 1 fs");
        assertEquals(40.0, Double.parseDouble(thermo.get(1).split(",")[5]), 1e-9);
        assertEquals(2, StructureIO.readAll(sub.resolve("out/traj.extxyz")).size());
        Frame last = StructureIO.read(sub.resolve("out/final.extxyz"));
        assertEquals("30", last.info.get("step"));
        assertTrue(out.toString().contains("etotal"), out.toString());
    }

    /** Formats by name where the file name does not say, and the run says where its outputs went. */
    @Test void formatsCanBeNamedAndTheOutputsAreListed() throws Exception {
        Files.writeString(dir.resolve("f.deck"), """
                lattice fcc a=5.26 species=Ar repeat=2,2,2
                write start.txt format=poscar
                read start.txt format=poscar
                potential lj epsilon=0.0104 sigma=3.4 cutoff=8.0
                ensemble nve
                dump every=5 file=traj.frames format=n2p2
                run 10
                write end.dat format=lammps-data
                """);
        assertEquals(0, jmd("run", dir.resolve("f.deck").toString()), err.toString());
        assertEquals(3, StructureIO.readAll(dir.resolve("traj.frames"), "n2p2").size());
        assertEquals(32, StructureIO.read(dir.resolve("end.dat"), "lammps-data").system.size());
        String said = out.toString();
        assertTrue(said.contains("outputs: ") && said.contains("start.txt") && said.contains("traj.frames") && said.contains("end.dat"), said);
        Files.writeString(dir.resolve("g.deck"), "lattice fcc a=5.26 species=Ar repeat=2,2,2\nwrite start.txt format=cif\n");
        assertEquals(2, jmd("run", dir.resolve("g.deck").toString()));
        assertTrue(err.toString().contains("g.deck:2") && err.toString().contains("cif"), err.toString());
    }

    @Test void theLiquidSiliconExampleRunsWithTheRepositorysOwnPotential() throws Exception {
        String root = System.getProperty("jmd.root");
        Path deck = Path.of(root == null ? ".." : root, "inputs/si-liquid.deck");
        assertTrue(Files.exists(deck), "example deck missing: " + deck);
        assertEquals(0, jmd("run", deck.toString(), "-v", "steps=20", "-v", "out=" + dir), err.toString());
        List<String> thermo = Files.readAllLines(dir.resolve("si-liquid.csv"));
        assertEquals(3, thermo.size(), "header, step 0 and the last step");
        assertEquals(6000.0, Double.parseDouble(thermo.get(1).split(",")[5]), 1e-9);
        assertEquals(216, StructureIO.read(dir.resolve("si-liquid-final.extxyz")).system.size());
    }

    @Test void anErrorInTheDeckIsOneLineWithFileAndLineAndExitStatus2() throws Exception {
        Path deck = dir.resolve("bad.deck");
        Files.writeString(deck, "lattice fcc a=5.26 species=Ar repeat=1,1,1\n\npotental lj epsilon=1 sigma=1 cutoff=3\n");
        assertEquals(2, jmd("run", deck.toString()));
        assertEquals("jmd: error: " + deck + ":3: unknown command 'potental' (did you mean 'potential'?)",
                err.toString().lines().findFirst().orElseThrow().replaceAll("; known:.*", ""));
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test void aMissingDeckIsAnError() {
        assertEquals(2, jmd("run", dir.resolve("nope.deck").toString()));
        assertTrue(err.toString().contains("nope.deck: no such deck file"), err.toString());
    }

    @Test void helpDescribesTheCommand() {
        assertEquals(0, jmd("run", "--help"));
        assertTrue(out.toString().contains("NAME=VALUE"), out.toString());
        assertTrue(out.toString().contains("docs/deck.md"), out.toString());
        assertEquals(0, jmd("--help"));
        assertTrue(out.toString().contains("run"), out.toString());
    }

    static final String SI = "lattice diamond a=5.431 species=Si repeat=2,2,2\npotential sw " + DeckRunTest.repositoryFile("inputs/potentials/Si.sw")
            + "\nvelocity temperature=1000 seed=1\nensemble nve\nthermo every=100 file=out/thermo.csv\n";

    /** A typo after a long run stops the deck before its first step, not after the run. */
    @Test void aMistakeAfterALongRunStopsTheDeckBeforeItsFirstStep() throws Exception {
        Path deck = dir.resolve("long.deck");
        Files.writeString(deck, SI + "run 3000000\n\nwirte out/final.extxyz\n");
        long start = System.nanoTime();
        assertEquals(2, jmd("run", deck.toString()));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertEquals("jmd: error: " + deck + ":8: unknown command 'wirte' (did you mean 'write'?)",
                err.toString().lines().findFirst().orElseThrow().replaceAll("; known:.*", ""));
        assertTrue(!Files.exists(dir.resolve("out")), "no step was taken, no thermo file begun");
        assertTrue(seconds < 10, "3 million steps of 64 atoms take minutes; the check took " + seconds + " s");
        // the same for an output that cannot be written, and for a potential that has no parameters for the atoms
        Files.writeString(dir.resolve("out"), "a file where the deck wants a directory\n");
        Files.writeString(deck, SI.replace("thermo every=100 file=out/thermo.csv\n", "") + "run 3000000\nwrite out/final.extxyz\n");
        assertEquals(2, jmd("run", deck.toString()));
        assertTrue(err.toString().contains(deck + ":6: write: " + dir.resolve("out/final.extxyz") + ": "), err.toString());
        Files.writeString(deck, SI.replace("diamond a=5.431 species=Si", "fcc a=5.26 species=Ar").replace("thermo every=100 file=out/thermo.csv\n", "")
                + "run 3000000\n");
        assertEquals(2, jmd("run", deck.toString()));
        assertTrue(err.toString().contains(deck + ":5: run: "), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test void dryRunChecksEveryLineAndWritesNothing() throws Exception {
        Path deck = dir.resolve("si.deck");
        Files.writeString(deck, SI + "dump every=500 file=out/traj.extxyz\ncheckpoint every=1000 file=out/run.chk\nrun 2000\n"
                + "minimize fire fmax=0.01\nrun 3000 upto\nwrite out/final.extxyz\n");
        assertEquals(0, jmd("run", "--dry-run", deck.toString()), err.toString());
        assertEquals(deck + ": valid: 64 atoms (Si); 3000 MD steps in 2 runs (nve), 1 minimization; writes " + dir.resolve("out/thermo.csv")
                + ", " + dir.resolve("out/traj.extxyz") + ", " + dir.resolve("out/run.chk") + ", " + dir.resolve("out/final.extxyz"), out.toString().strip());
        assertTrue(!Files.exists(dir.resolve("out")));
        Files.writeString(deck, SI + "run 2000\nrun 1000 upto\n");
        assertEquals(2, jmd("run", "--dry-run", deck.toString()));
        assertTrue(err.toString().contains(deck + ":7: run: run 1000 upto: the simulation is already at step 2000"), err.toString());
    }
}
