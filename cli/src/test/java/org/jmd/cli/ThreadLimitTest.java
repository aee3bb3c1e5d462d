package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.ThreadTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped thread count (teams start their threads at once) is an error at its line, not an
 * attempt to start 10⁹ threads: in a run deck, in a training deck and on the command line.
 */
class ThreadLimitTest {
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
}
