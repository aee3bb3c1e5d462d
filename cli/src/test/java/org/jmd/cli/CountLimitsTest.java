package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.ThreadTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts in decks that size something at once — threads (a team starts them all), L-BFGS memory
 * and Nosé–Hoover chains (arrays), a network's widths, a PLIP candidate grid — are bounded: a
 * mistyped 10⁹ is an error at its line, not an attempt to allocate it.
 */
class CountLimitsTest {
    @TempDir Path tmp;

    @Test void threadCountsBeyondTheLimitAreErrors() throws Exception {
        Path deck = tmp.resolve("d.deck");
        Files.writeString(deck, "lattice diamond a=5.431 species=Si repeat=1,1,1\nthreads 1000000000\n");
        Jmd.Run r = Jmd.run("run", deck.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("d.deck:2: threads: threads must be at most " + ThreadTeam.MAX_THREADS + ", got 1000000000"), r.err());

        Path data = tmp.resolve("data.extxyz");
        Files.writeString(data, "1\nLattice=\"5.43 0 0 0 5.43 0 0 0 5.43\" Properties=species:S:1:pos:R:3 energy=-4 pbc=\"T T T\"\nSi 0 0 0\n");
        Path train = tmp.resolve("t.deck");
        Files.writeString(train, "read data.extxyz\nmodel linear\ntrain threads=100000\n");
        r = Jmd.run("train", train.toString(), "--dry-run", "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("t.deck:3: train: threads= must be 1 to " + ThreadTeam.MAX_THREADS + ", got 100000"), r.err());

        r = Jmd.run("run", "--threads", "1000000000", deck.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--threads must be at most " + ThreadTeam.MAX_THREADS), r.err());
    }

    @Test void minimizerMemoryAndThermostatChainAreBounded() throws Exception {
        Path sw = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw").toAbsolutePath();
        String head = "lattice diamond a=5.431 species=Si repeat=1,1,1\npotential sw " + sw + "\n";
        Path deck = tmp.resolve("d.deck");
        Files.writeString(deck, head + "minimize lbfgs fmax=0.01 memory=1000000000\n");
        Jmd.Run r = Jmd.run("run", deck.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("d.deck:3: lbfgs: memory= must be 1 to 1000, got 1000000000"), r.err());

        Files.writeString(deck, head + "ensemble nvt-nhc temperature=300 damping=100 chain=1000000000\n");
        r = Jmd.run("run", deck.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("d.deck:3: nvt-nhc: chain= must be 1 to 1000, got 1000000000"), r.err());
    }

    @Test void trainerOptionsThatSizeArraysAreBounded() throws Exception {
        Path data = tmp.resolve("data.extxyz");
        Files.writeString(data, "1\nLattice=\"5.43 0 0 0 5.43 0 0 0 5.43\" Properties=species:S:1:pos:R:3 energy=-4 pbc=\"T T T\"\nSi 0 0 0\n");
        String[][] cases = {
            {"model nnp lbfgs_memory=1000000000", "lbfgs_memory= (L-BFGS correction pairs) must be 1 to 1000"},
            {"model nnp hidden=100000,100000", "hidden= '100000,100000' makes a network of over 10^8 weights"},
            {"model plip b2=1:5:1e-300", "b2= makes 4.00e+300 values; that is too many"},
        };
        for (String[] c : cases) {
            Path train = tmp.resolve("t.deck");
            Files.writeString(train, "read data.extxyz\n" + c[0] + "\ntrain\n");
            Jmd.Run r = Jmd.run("train", train.toString(), "--dry-run", "--out", tmp.resolve("out").toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertTrue(r.err().contains("t.deck:2: ") && r.err().contains(c[1]), c[0] + ": " + r.err());
        }
    }
}
