package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code safety max_fspread=S}: a committee run stops, naming the step and the atom, when an atom's force spread passes S. */
class SafetyForceSpreadTest {
    @TempDir Path dir;

    /** Two Lennard-Jones members that differ in ε only, so each atom's spread is |ε1 − ε2|/2 times its ε = 1 force. */
    private Path start() throws Exception {
        for (int k = 1; k <= 2; k++) {
            Path m = dir.resolve("committee/member-" + k);
            Files.createDirectories(m);
            Files.writeString(m.resolve("POTENTIAL"), "lj epsilon=" + (k == 1 ? "0.010" : "0.014") + " sigma=2.0 cutoff=5.0\n");
        }
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 20, 16.0, 2.2, 8);
        StructureIO.write(dir.resolve("start.extxyz"), new Frame(s));
        return dir.resolve("start.extxyz");
    }

    private static final String HEAD = "read start.extxyz\npotential committee committee\nvelocity temperature=300 seed=1\nensemble nve\ntimestep 1\n";

    private double[] spreadAtStart() throws Exception {
        AtomicSystem s = StructureIO.read(dir.resolve("start.extxyz")).system;
        ForceCalculator c = new ForceCalculator(PotentialRegistry.load().create("committee " + dir.resolve("committee"), null), 0.0);
        c.compute(s, new ForceResult());
        return ((Uncertainty) c.workspace()).forceSpread().clone();
    }

    /** A limit just under the largest spread of the first structure: the run stops at step 0, naming the first atom past it. */
    @Test void stopsAtTheFirstAtomPastTheLimit() throws Exception {
        start();
        double[] spread = spreadAtStart();
        double max = 0;
        for (double v : spread) max = Math.max(max, v);
        double limit = 0.99 * max;
        int atom = 0;
        while (!(spread[atom] > limit)) atom++;
        Files.writeString(dir.resolve("md.deck"), HEAD + "safety max_fspread=" + limit + "\nrun 10\n");
        Jmd.Run r = Jmd.run("run", dir.resolve("md.deck").toString());
        assertEquals(2, r.code(), r.err());
        String expected = String.format(Locale.ROOT, "md.deck:7: run: step 0: the force spread on atom %d (Si) is %.4g eV/Å (limit %s, set with 'safety max_fspread=')",
                atom + 1, spread[atom], limit);
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
    }

    @Test void aLimitAboveTheSpreadLetsTheRunFinish() throws Exception {
        start();
        Files.writeString(dir.resolve("md.deck"), HEAD + "safety max_fspread=100\nthermo every=5 extra=fspread\nrun 10\n");
        Jmd.Run r = Jmd.run("run", dir.resolve("md.deck").toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test void needsACommitteeAndAPositiveLimit() throws Exception {
        Files.writeString(dir.resolve("lj.deck"), "lattice fcc a=5.26 species=Ar repeat=2,2,2\npotential lj epsilon=0.0104 sigma=3.4 cutoff=8.5\n"
                + "ensemble nve\nsafety max_fspread=0.5\nrun 1\n");
        Jmd.Run r = Jmd.run("run", dir.resolve("lj.deck").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("lj.deck:5: run: safety max_fspread= needs a potential that reports a force spread"), r.err());
        Files.writeString(dir.resolve("zero.deck"), "safety max_fspread=0\n");
        r = Jmd.run("run", dir.resolve("zero.deck").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("zero.deck:1: safety: max_fspread must be positive"), r.err());
    }
}
