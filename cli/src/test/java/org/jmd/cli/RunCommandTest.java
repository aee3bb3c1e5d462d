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
}
