package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent NaN: a structure on which the potential gives a non-finite energy or force, NaN in
 * labelled data and NaN in a potential file are errors (exit status 2) that say where — file,
 * line, structure, the closest pair of atoms and their distance — in every command, and nothing
 * is written.
 */
class NonFiniteNumbersTest {
    @TempDir Path tmp;

    private static Path repository(String relative) {
        Path p = Path.of(System.getProperty("jmd.root", "..")).resolve(relative).toAbsolutePath();
        assertTrue(Files.exists(p), "missing " + p);
        return p;
    }

    private static final String SW = "sw " + repository("inputs/potentials/Si.sw");

    /** One Si atom, in a periodic 5 Å cube, as extended XYZ with a (made-up) energy and forces. */
    private static String frame(double[]... positions) {
        StringBuilder sb = new StringBuilder().append(positions.length).append('\n')
                .append("Lattice=\"5.43 0 0 0 5.43 0 0 0 5.43\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-10.0 pbc=\"T T T\"\n");
        for (double[] x : positions) sb.append("Si ").append(x[0]).append(' ').append(x[1]).append(' ').append(x[2]).append(" 0 0 0\n");
        return sb.toString();
    }

    /**
     * Three structures; the second has atoms 1 and 2 on the same site. It starts on line 4 (after
     * the 3 lines of the first), so every command must say "data.extxyz:4: structure 2".
     */
    private Path twoAtomsOnOneSite() throws Exception {
        Path in = tmp.resolve("data.extxyz");
        Files.writeString(in, frame(new double[] {0, 0, 0})
                + frame(new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {3, 3, 3})
                + frame(new double[] {0, 0, 0}, new double[] {1.36, 1.36, 1.36}));
        return in;
    }

    private static void assertNamesTheStructureAndThePair(Jmd.Run r) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("data.extxyz:4: structure 2: the potential gave a non-finite energy"), r.err());
        assertTrue(r.err().contains("closest pair: atoms 1 (Si) and 2 (Si), 0.0000 Å apart"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test void evalLabelAndTestNameTheStructureAndTheClosestPair() throws Exception {
        Path in = twoAtomsOnOneSite();
        Path out = tmp.resolve("out.extxyz");
        assertNamesTheStructureAndThePair(Jmd.run("eval", "--potential", SW, in.toString(), out.toString()));
        assertNamesTheStructureAndThePair(Jmd.run("label", "--potential", SW, in.toString(), out.toString()));
        assertFalse(Files.exists(out), "nothing written");
        Path json = tmp.resolve("m.json");
        assertNamesTheStructureAndThePair(Jmd.run("test", "--potential", SW, in.toString(), "--out", json.toString()));
        assertFalse(Files.exists(json), "no metrics written");
    }

    @Test void runAndMinimizeStopAtTheFirstStepNamingThePair() throws Exception {
        Files.writeString(tmp.resolve("one.extxyz"), frame(new double[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {3, 3, 3}));
        for (String action : List.of("ensemble nve\nrun 10", "minimize fire fmax=0.01")) {
            Path deck = tmp.resolve("d.deck");
            Files.writeString(deck, "read one.extxyz\npotential " + SW + "\n" + action + "\n");
            Jmd.Run r = Jmd.run("run", deck.toString());
            assertEquals(2, r.code(), r.out() + r.err());
            int line = action.startsWith("ensemble") ? 4 : 3;
            assertTrue(r.err().contains("d.deck:" + line + ": "), r.err());
            assertTrue(r.err().contains("step 0: the potential gave a non-finite"), r.err());
            assertTrue(r.err().contains("closest pair: atoms 1 (Si) and 2 (Si), 0.0000 Å apart"), r.err());
        }
    }

    @Test void nanInLabelledDataIsRefusedAtItsLine() throws Exception {
        Path xyz = tmp.resolve("nan.extxyz");
        Files.writeString(xyz, frame(new double[] {0, 0, 0}) + frame(new double[] {0, 0, 0}).replace("energy=-10.0", "energy=nan"));
        Jmd.Run r = Jmd.run("test", "--potential", SW, xyz.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("nan.extxyz:5: expected a finite number for energy, got 'nan'"), r.err());

        Files.writeString(xyz, frame(new double[] {0, 0, 0}, new double[] {1.3, 1.3, 1.3}).replace("1.3 1.3 1.3 0 0 0", "1.3 1.3 1.3 0 inf 0"));
        r = Jmd.run("test", "--potential", SW, xyz.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("nan.extxyz:4: expected a finite number for column 'forces', got 'inf'"), r.err());

        Path n2p2 = tmp.resolve("input.data");
        Files.writeString(n2p2, "begin\nlattice 5.43 0 0\nlattice 0 5.43 0\nlattice 0 0 5.43\natom 0 0 0 Si 0 0 0.1 NaN 0\n"
                + "energy -5\ncharge 0\nend\n");
        r = Jmd.run("test", "--potential", SW, n2p2.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("input.data:5: expected a finite number for fy, got 'NaN'"), r.err());
    }

    @Test void nanInAPotentialFileIsRefusedAtItsLine() throws Exception {
        Path sw = tmp.resolve("bad.sw");
        List<String> lines = Files.readAllLines(repository("inputs/potentials/Si.sw"));
        int entry = -1;
        for (int k = 0; k < lines.size() && entry < 0; k++) if (lines.get(k).trim().startsWith("Si Si Si")) entry = k;
        lines.set(entry, lines.get(entry).replaceFirst("2\\.0951", "NaN"));
        Files.write(sw, lines);
        Path in = twoAtomsOnOneSite();
        Jmd.Run r = Jmd.run("eval", "--potential", "sw " + sw, in.toString(), tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("bad.sw:" + (entry + 1) + ": "), r.err());
        assertTrue(r.err().contains("expected a number for sigma"), r.err());

        // an n2p2 weight
        Path dir = tmp.resolve("h2o");
        Files.createDirectories(dir);
        Path ref = repository("testdata/reference/n2p2/H2O_RPBE-D3");
        try (Stream<Path> files = Files.list(ref)) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        List<String> weights = Files.readAllLines(dir.resolve("weights.008.data"));
        int w = -1;
        for (int k = 0; k < weights.size() && w < 0; k++) if (!weights.get(k).startsWith("#")) w = k + 10;
        weights.set(w, weights.get(w).replaceFirst("^\\s*\\S+", " NaN"));
        Files.write(dir.resolve("weights.008.data"), weights);
        r = Jmd.run("eval", "--potential", "nnp " + dir, ref.resolve("input.data").toString(), tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("weights.008.data:" + (w + 1) + ": expected a finite number, got 'NaN'"), r.err());
    }

    /** A metric that cannot be computed (force errors of data without forces) is shown as n/a, and is null in the JSON, never NaN. */
    @Test void testReportsNoNaNForMissingForces() throws Exception {
        Path xyz = tmp.resolve("noforces.extxyz");
        Files.writeString(xyz, "2\nLattice=\"5.43 0 0 0 5.43 0 0 0 5.43\" Properties=species:S:1:pos:R:3 energy=-8.0 pbc=\"T T T\"\n"
                + "Si 0 0 0\nSi 1.36 1.36 1.36\n");
        Path json = tmp.resolve("m.json");
        Jmd.Run r = Jmd.run("test", "--potential", SW, xyz.toString(), "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("n/a"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
        String metrics = Files.readString(json);
        assertTrue(metrics.contains("\"force_mae\": null"), metrics);
        assertFalse(metrics.contains("NaN"), metrics);
    }

    /** A NaN label fails when the deck reads it, before any training output exists. */
    @Test void trainRefusesNanLabelsWhenReadingAndWritesNothing() throws Exception {
        Path data = tmp.resolve("train.extxyz");
        String good = frame(new double[] {0, 0, 0}, new double[] {1.36, 1.36, 1.36});
        Files.writeString(data, good + good + good.replace("energy=-10.0", "energy=NaN"));
        Path deck = tmp.resolve("t.deck");
        Files.writeString(deck, "read train.extxyz\nmodel linear\ntrain\n");
        Path out = tmp.resolve("run");
        Jmd.Run r = Jmd.run("train", deck.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("train.extxyz:10: expected a finite number for energy, got 'NaN'"), r.err());
        assertFalse(Files.exists(out), "no output directory");
    }

    /**
     * A training that fails after it has begun writing (here: relabelling meets two atoms on one
     * site) removes what it wrote: the output directory it created is gone, and one that existed
     * (an earlier jmd train output) keeps nothing of the failed run.
     */
    @Test void aFailedTrainingRemovesItsOutput() throws Exception {
        Path data = twoAtomsOnOneSite();
        Path deck = tmp.resolve("t.deck");
        Files.writeString(deck, "read data.extxyz\nlabel potential=\"" + SW + "\"\nmodel linear\ntrain\n");
        Path out = tmp.resolve("run");
        Jmd.Run r = Jmd.run("train", deck.toString(), "--out", out.toString());
        assertNamesTheStructureAndThePair(r);
        assertFalse(Files.exists(out), "the output directory the failed training created is removed");

        Files.createDirectories(out);
        Files.writeString(out.resolve(".jmd-train"), "an earlier output\n");
        r = Jmd.run("train", deck.toString(), "--out", out.toString());
        assertNamesTheStructureAndThePair(r);
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(".jmd-train"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(data.toFile().exists());
    }
}
