package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.engine.deck.Deck;
import org.jmd.engine.deck.RunInterrupted;
import org.jmd.engine.deck.ThermoColumn;
import org.jmd.engine.md.Thermodynamics;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decks that run MD with the real providers (lj, nve): thermo, dumps, checkpoints, safety stops. */
class DeckRunTest {
    static final String LJ = "potential lj epsilon=0.0104 sigma=3.4 cutoff=8.0\n";
    static final String ARGON = "lattice fcc a=5.26 species=Ar repeat=3,3,3\n" + LJ + "velocity temperature=80 seed=5\ntimestep 4\nensemble nve\n";

    @TempDir Path dir;
    final StringWriter screen = new StringWriter();

    Deck run(String text) {
        Deck d = new Deck(new PrintWriter(screen, true), new PrintWriter(new StringWriter()), false);
        try (d) {
            d.run(text, "test.deck", dir);
        }
        return d;
    }

    @Test void thermoCsvHasTheHeaderAndValuesConsistentWithThermodynamics() throws Exception {
        Deck d = run(ARGON + "thermo every=10 file=thermo.csv extra=econs\nrun 25\n");
        List<String> lines = Files.readAllLines(dir.resolve("thermo.csv"));
        assertEquals("step,time,pe,ke,etotal,temp,press,vol,econs", lines.get(0));
        // rows every 10 steps, and the last step of the run
        assertEquals(List.of("0", "10", "20", "25"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        String[] last = lines.get(lines.size() - 1).split(",");
        AtomicSystem s = d.simulation().system();
        ForceResult f = Consistency.evaluate(PotentialRegistry.load().create(LJ.substring("potential ".length()).trim(), dir), s);
        double pe = Double.parseDouble(last[2]), ke = Double.parseDouble(last[3]);
        assertEquals(100.0, Double.parseDouble(last[1]), 0, "time = 25 steps × 4 fs");
        assertEquals(f.energy, pe, 1e-12 * Math.abs(f.energy));
        assertEquals(Thermodynamics.kineticEnergy(s), ke, 0);
        assertEquals(pe + ke, Double.parseDouble(last[4]), 1e-12);
        assertEquals(Thermodynamics.temperature(s), Double.parseDouble(last[5]), 0);
        assertEquals(Thermodynamics.pressure(s, f), Double.parseDouble(last[6]), 1e-9 * Math.abs(Thermodynamics.pressure(s, f)));
        assertEquals(Math.pow(3 * 5.26, 3), Double.parseDouble(last[7]), 1e-9);
        assertEquals(Double.parseDouble(last[4]), Double.parseDouble(last[8]), 0, "NVE: econs = etotal");
        // first row: the velocity command's exact temperature; energy conserved to O(dt²) over the run
        String[] first = lines.get(1).split(",");
        assertEquals(80.0, Double.parseDouble(first[5]), 1e-9);
        assertEquals(Double.parseDouble(first[4]), Double.parseDouble(last[4]), 1e-3);
        assertTrue(screen.toString().contains("step            time              pe"), screen.toString());
    }

    @Test void extraThermoColumnsCanBeRegistered() throws Exception {
        Deck d = new Deck(new PrintWriter(screen, true), new PrintWriter(new StringWriter()), false);
        d.simulation().addThermoColumn(ThermoColumn.of("natoms", "", (dyn, i) -> dyn.system.size()));
        try (d) {
            d.run(ARGON + "thermo every=5 file=t.csv extra=natoms\nrun 5\n", "test.deck", dir);
        }
        List<String> lines = Files.readAllLines(dir.resolve("t.csv"));
        assertEquals("step,time,pe,ke,etotal,temp,press,vol,natoms", lines.get(0));
        assertEquals(108.0, Double.parseDouble(lines.get(2).split(",")[8]));
    }

    @Test void dumpAndWriteRoundTripPositionsVelocitiesForcesAndEnergy() {
        Deck d = run(ARGON + "dump every=5 file=traj.extxyz\nrun 12\nwrite final.extxyz\n");
        AtomicSystem s = d.simulation().system();
        ForceResult f = Consistency.evaluate(PotentialRegistry.load().create(LJ.substring("potential ".length()).trim(), dir), s);
        List<Frame> frames = StructureIO.readAll(dir.resolve("traj.extxyz"));
        assertEquals(List.of("0", "5", "10"), frames.stream().map(fr -> fr.info.get("step")).toList());
        Frame fin = StructureIO.read(dir.resolve("final.extxyz"));
        assertEquals("12", fin.info.get("step"));
        assertArrayEquals(s.x, fin.system.x, "positions are written with full precision");
        assertArrayEquals(s.v, fin.system.v);
        assertEquals(f.energy, fin.energy, 1e-12 * Math.abs(f.energy));
        for (int k = 0; k < f.forces.length; k++) assertEquals(f.forces[k], fin.forces[k], 1e-12);
        double sum = 0;
        for (double e : fin.atomEnergies) sum += e;
        assertEquals(fin.energy, sum, 1e-10);
        // a second deck appending continues the same file
        run(ARGON + "dump every=5 file=traj.extxyz append=yes\nrun 5\n");
        assertEquals(5, StructureIO.readAll(dir.resolve("traj.extxyz")).size());
    }

    @Test void restartContinuesBitForBit() throws Exception {
        // hot enough to melt: atoms travel further than half the skin, so the lists are rebuilt on both sides of the restart
        String hot = ARGON.replace("temperature=80", "temperature=400");
        String outputs = "thermo every=10\ncheckpoint every=30 file=%s\n";
        Deck straight = run(hot + String.format(outputs, "a.chk") + "run 60\n");
        run(hot + String.format(outputs, "b.chk") + "run 30\n");
        Deck resumed = run("restart b.chk\n" + LJ + "checkpoint every=30 file=c.chk\nrun 30\n");
        assertEquals(60, resumed.simulation().step());
        assertEquals(240.0, resumed.simulation().time());
        assertArrayEquals(straight.simulation().system().x, resumed.simulation().system().x);
        assertArrayEquals(straight.simulation().system().v, resumed.simulation().system().v);
        // and the checkpoints the two runs leave at step 60 are the same file
        assertEquals(Files.readString(dir.resolve("a.chk")), Files.readString(dir.resolve("c.chk")));
    }

    /**
     * A run killed after its checkpoint at step 20 had written rows and frames to step 37 and
     * half of the next ones. The restart deck appends: what the killed run wrote after its
     * checkpoint is removed, and the files end up byte for byte those of the run never killed
     * (no step twice), as does the final checkpoint. {@code run N upto} ends both at step 60.
     */
    @Test void aRestartAppendingToTheKilledRunsFilesEndsWithTheFilesOfTheRunNeverKilled() throws Exception {
        String hot = ARGON.replace("temperature=80", "temperature=400");
        String outputs = "thermo every=5 file=%1$s/thermo.csv%2$s\ndump every=10 file=%1$s/traj.extxyz%2$s\n";
        run(hot + String.format(outputs, "a", "") + "checkpoint every=20 file=a/run.chk\nrun 60 upto\n");
        run(hot + String.format(outputs, "b", "") + "checkpoint every=20 file=b/run.chk\nrun 20\ncheckpoint every=1000 file=b/later.chk\nrun 17\n");
        Files.writeString(dir.resolve("b/thermo.csv"), "40,160.0,-8.", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("b/traj.extxyz"), "108\nLattice=\"15.78 0.0", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(Files.readString(dir.resolve("b/thermo.csv")).contains("\n35,"));
        run("restart b/run.chk\n" + LJ + String.format(outputs, "b", " append=yes") + "checkpoint every=20 file=b/run.chk\nrun 60 upto\n");
        for (String f : List.of("thermo.csv", "traj.extxyz", "run.chk")) {
            assertEquals(Files.readString(dir.resolve("a").resolve(f)), Files.readString(dir.resolve("b").resolve(f)), f);
        }
        List<String> steps = Files.readAllLines(dir.resolve("b/thermo.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(13, steps.size(), "steps 0, 5, ..., 60 once each: " + steps);
        // appending with other columns would mix two tables in one file
        InputException e = assertThrows(InputException.class, () -> run("restart b/run.chk\n" + LJ + "thermo every=5 file=b/thermo.csv append=yes extra=econs\nrun 70 upto\n"));
        assertTrue(e.getMessage().contains("thermo append=yes: the file has the columns 'step,time,pe,ke,etotal,temp,press,vol' but this thermo writes"), e.getMessage());
    }

    /** Threads change nothing: a run restarted on 3 threads, or switched to 2 mid-deck, follows the 1-thread run bit for bit. */
    @Test void aRunContinuedWithAnotherThreadCountFollowsTheSameTrajectory() throws Exception {
        // 216 Si atoms: several atom blocks, so the threads really split the work; hot, so lists are rebuilt
        String si = "lattice diamond a=5.431 species=Si repeat=3,3,3\npotential sw " + repositoryFile("inputs/potentials/Si.sw")
                + "\nvelocity temperature=2500 seed=3\ntimestep 1\nensemble nve\nthermo every=10\n";
        Deck straight = run("threads 1\n" + si + "checkpoint every=20 file=a.chk\nrun 40\n");
        run("threads 1\n" + si + "checkpoint every=20 file=b.chk\nrun 20\n");
        Deck resumed = run("threads 3\nrestart b.chk\npotential sw " + repositoryFile("inputs/potentials/Si.sw") + "\nrun 20\n");
        assertEquals(40, resumed.simulation().step());
        assertArrayEquals(straight.simulation().system().x, resumed.simulation().system().x);
        assertArrayEquals(straight.simulation().system().v, resumed.simulation().system().v);
        Deck switched = run(si + "threads 1\nrun 20\nthreads 2\nrun 20\n");
        assertArrayEquals(straight.simulation().system().x, switched.simulation().system().x);
        assertArrayEquals(straight.simulation().system().v, switched.simulation().system().v);
    }

    static String repositoryFile(String relative) {
        return java.nio.file.Path.of(System.getProperty("jmd.root", "..")).resolve(relative).toAbsolutePath().toString();
    }

    @Test void tooCloseAtomsStopTheRunNamingStepAndAtoms() {
        // 0.3 Å apart from the start
        StructureIO.write(dir.resolve("pair.extxyz"), new Frame(new AtomicSystem(org.jmd.neighbor.Cell.orthorhombic(20, 20, 20), new String[] {"Ar"}, new int[2],
                new double[] {1, 1, 1, 1.3, 1, 1})));
        String pair = "lattice fcc a=5.26 species=Ar repeat=2,2,2\n" + LJ + "velocity temperature=50 seed=2\ntimestep 1\nensemble nve\n";
        InputException e = assertThrows(InputException.class, () -> run("read pair.extxyz\n" + LJ + "ensemble nve\nsafety max_force=1e30\nrun 10\n"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("step 0: atoms 1 (Ar) and 2 (Ar) are 0.3000 Å apart"), e.getMessage());
        // a force beyond the limit
        e = assertThrows(InputException.class, () -> run(pair + "safety max_force=1e-9\nrun 10\n"));
        assertTrue(e.getMessage().matches(".*step \\d+: the force on atom \\d \\(Ar\\) is .* eV/Å.*"), e.getMessage());
        // a timestep far too long: the crystal explodes some steps in
        e = assertThrows(InputException.class, () -> run("lattice fcc a=5.26 species=Ar repeat=3,3,3\n" + LJ
                + "velocity temperature=3000 seed=1\ntimestep 200\nensemble nve\nrun 1000\n"));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().matches("test\\.deck:6: run: step [1-9]\\d*: .*"), e.getMessage());
    }

    @Test void runNeedsAnEnsembleAndMinimizeNeedsAPotential() {
        InputException e = assertThrows(InputException.class, () -> run("lattice fcc a=5.26 species=Ar repeat=1,1,1\n" + LJ + "run 5\n"));
        assertTrue(e.getMessage().startsWith("test.deck:3: run: no ensemble"), e.getMessage());
        e = assertThrows(InputException.class, () -> run("lattice fcc a=5.26 species=Ar repeat=1,1,1\n" + LJ + "ensemble nve extra=1\n"));
        assertTrue(e.getMessage().startsWith("test.deck:3: nve: unknown option 'extra'"), e.getMessage());
        e = assertThrows(InputException.class, () -> run("lattice fcc a=5.26 species=Ar repeat=1,1,1\npotential lj epsilon=0.01 sigma=3.4\n"));
        assertTrue(e.getMessage().startsWith("test.deck:2: lj: missing cutoff="), e.getMessage());
    }

    @Test void anInterruptedRunLeavesAReadableTrajectoryAndACheckpointThatResumesExactly() throws Exception {
        String outputs = "dump every=4 file=%s\ncheckpoint every=1000 file=%s\nthermo every=1 extra=stopper\n";
        Deck straight = new Deck(new PrintWriter(screen, true), new PrintWriter(new StringWriter()), false);
        straight.simulation().addThermoColumn(ThermoColumn.of("stopper", "", (dyn, i) -> 0));
        try (straight) {
            straight.run(ARGON + String.format(outputs, "a.extxyz", "a.chk") + "run 40\n", "test.deck", dir);
        }
        // the same run, stopped from another thread's request (what Ctrl-C's shutdown hook does) at step 17
        Deck stopped = new Deck(new PrintWriter(screen, true), new PrintWriter(new StringWriter()), false);
        stopped.simulation().addThermoColumn(ThermoColumn.of("stopper", "", (dyn, i) -> {
            if (dyn.clock.step == 17) stopped.stopSignal().request();
            return 0;
        }));
        RunInterrupted r;
        try (stopped) {
            r = assertThrows(RunInterrupted.class, () -> stopped.run(ARGON + String.format(outputs, "b.extxyz", "b.chk") + "run 40\n", "test.deck", dir));
        }
        assertEquals(17, r.step());
        List<Frame> frames = StructureIO.readAll(dir.resolve("b.extxyz"));
        assertEquals(List.of("0", "4", "8", "12", "16", "17"), frames.stream().map(f -> f.info.get("step")).toList());
        Deck resumed = run("restart b.chk\n" + LJ + "checkpoint every=1000 file=c.chk\nrun 23\n");
        assertArrayEquals(straight.simulation().system().x, resumed.simulation().system().x);
        assertArrayEquals(straight.simulation().system().v, resumed.simulation().system().v);
    }
}
