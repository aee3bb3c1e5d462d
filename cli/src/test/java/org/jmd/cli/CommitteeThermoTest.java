package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.potentials.committee.CommitteePotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MD with {@code potential committee DIR} logs the largest force spread as thermo column {@code fspread}. */
class CommitteeThermoTest {
    @TempDir Path dir;

    private Path committee() throws Exception { return writeLjCommittee(dir.resolve("committee")); }

    /**
     * A committee directory of three slightly different Lennard-Jones members ({@code member-K/POTENTIAL}),
     * so that forces differ between members and the spread is non-zero; returns the directory.
     */
    static Path writeLjCommittee(Path c) throws java.io.IOException {
        String[] lines = {"lj epsilon=0.010 sigma=2.0 cutoff=5.0", "lj epsilon=0.012 sigma=2.05 cutoff=5.0", "lj epsilon=0.011 sigma=1.95 cutoff=5.0"};
        for (int k = 0; k < lines.length; k++) {
            Path m = c.resolve("member-" + (k + 1));
            Files.createDirectories(m);
            Files.writeString(m.resolve("POTENTIAL"), lines[k] + "\n");
        }
        return c;
    }

    @Test void fspreadIsAThermoColumnAndStartsAtTheCommitteesValue() throws Exception {
        Path c = committee();
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 20, 16.0, 2.2, 8);
        Path start = dir.resolve("start.extxyz");
        StructureIO.write(start, new Frame(s));
        Path deck = dir.resolve("md.deck");
        Files.writeString(deck, "read start.extxyz\npotential committee committee\nvelocity temperature=300 seed=1\nensemble nve\ntimestep 1\n"
                + "thermo every=5 file=thermo.csv extra=fspread,fmax\nrun 20\n");
        Jmd.Run r = Jmd.run("run", deck.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(dir.resolve("thermo.csv"));
        List<String> header = Arrays.asList(rows.get(0).split(","));
        int col = header.indexOf("fspread");
        assertTrue(col > 0, "no fspread column in " + header);
        assertEquals(6, rows.size(), "header and steps 0, 5, 10, 15, 20");
        CommitteePotential direct = (CommitteePotential) PotentialRegistry.load().create("committee " + c, null);
        ForceCalculator calculator = new ForceCalculator(direct, 0.0);
        calculator.compute(s, new ForceResult());
        assertEquals(((Uncertainty) calculator.workspace()).maxForceSpread(), Double.parseDouble(rows.get(1).split(",")[col]), 1e-12);
        for (String row : rows.subList(1, rows.size())) {
            double v = Double.parseDouble(row.split(",")[col]);
            assertTrue(v > 0 && Double.isFinite(v), row);
        }
    }

    @Test void fspreadWithoutACommitteeIsAnErrorAtTheRunLine() throws Exception {
        Path deck = dir.resolve("bad.deck");
        Files.writeString(deck, "lattice fcc a=5.26 species=Ar repeat=2,2,2\npotential lj epsilon=0.0104 sigma=3.4 cutoff=8.5\n"
                + "ensemble nve\nthermo every=1 extra=fspread\nrun 1\n");
        Jmd.Run r = Jmd.run("run", deck.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.deck:5: run: thermo extra=fspread needs a potential that reports a force spread"), r.err());
    }
}
