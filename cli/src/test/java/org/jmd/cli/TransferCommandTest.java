package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmd transfer}: a small study end to end, and how errors come out. */
class TransferCommandTest {
    @TempDir Path tmp;

    private static String sw() {
        return "sw " + Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw").toAbsolutePath().normalize();
    }

    @Test void runsAStudyAndWritesItsReport() throws Exception {
        Path deck = tmp.resolve("t.study");
        Files.writeString(deck, "reference " + sw() + "\nmodel tersoff tersoff "
                + Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.tersoff").toAbsolutePath().normalize()
                + "\ndiagnostics off\nbulk lattice=diamond a=5.431 species=Si strain=-0.03:0.03:7\n");
        Jmd.Run r = Jmd.run("transfer", deck.toString(), "--out", tmp.resolve("out").toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote "), r.out());
        for (String f : new String[] {"report.md", "report.html", "summary.json", "bulk-diamond/energy_volume.csv"}) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), f);
        }
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("| bulk diamond Si a=5.431 | a₀ error (%) |"));
        // a second run into the same directory replaces the reports
        assertEquals(0, Jmd.run("transfer", deck.toString(), "--out", tmp.resolve("out").toString()).code());
    }

    @Test void errorsNameTheDeckAndLineWithoutAStackTrace() throws Exception {
        Path deck = tmp.resolve("bad.study");
        Files.writeString(deck, "reference " + sw() + "\nmodel a " + sw() + "\n\nnanoparticle lattice=diamond a=5.431 species=Si radius=6 rattel=0.1\n");
        Jmd.Run r = Jmd.run("transfer", deck.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.study:4: nanoparticle: unknown option 'rattel'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing is written before the deck is checked");

        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/mine.txt"), "not a study");
        Files.writeString(deck, "reference " + sw() + "\nmodel a " + sw() + "\nbulk lattice=diamond a=5.431 species=Si\n");
        r = Jmd.run("transfer", deck.toString(), "--out", tmp.resolve("busy").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a previous 'jmd transfer' output"), r.err());
        assertTrue(Files.exists(tmp.resolve("busy/mine.txt")));
    }
}
