package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jmd.engine.deck.Deck;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Liquid silicon with Stillinger–Weber against LAMMPS (testdata/reference/lammps-liquid): jmd
 * runs the reference's protocol with inputs/si-liquid-analysis.deck (its own velocities and
 * thermostat, so the same statistics, not the same trajectory) and its g(r) and MSD must agree:
 * first peak within 0.02 Å and 5 % in height, MSD at 10 ps within 15 %. Two LAMMPS runs with
 * different seeds differ by 0.7 % in peak height and 0.2 % in MSD at 10 ps. Every temperature
 * with an {@code rdf_T.txt} and {@code msd_T.txt} in the reference directory is checked.
 */
class LammpsLiquidTest {
    static final int ATOMS = 512;
    static final double BOX = 4 * 5.255;

    @TempDir Path out;

    static Path reference() {
        Path dir = Path.of(System.getProperty("jmd.testdata", "../testdata"), "reference", "lammps-liquid");
        assertTrue(Files.isDirectory(dir), "missing reference data " + dir.toAbsolutePath());
        return dir;
    }

    static List<String> temperatures() throws IOException {
        List<String> t = new ArrayList<>();
        try (Stream<Path> files = Files.list(reference())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches("rdf_\\d+\\.txt")).sorted()
                    .forEach(n -> t.add(n.substring(4, n.length() - 4)));
        }
        assertFalse(t.isEmpty(), "no rdf_T.txt in " + reference());
        return t;
    }

    /** Rows of {@code fields} numbers; comments, header lines and LAMMPS's "step rows" lines skipped. */
    static List<double[]> rows(Path file, int fields) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] w = line.trim().split("[\\s,]+");
            if (w.length != fields || !Character.isDigit(w[0].charAt(0))) continue;
            double[] v = new double[fields];
            for (int k = 0; k < fields; k++) v[k] = Double.parseDouble(w[k]);
            rows.add(v);
        }
        return rows;
    }

    static double[] column(List<double[]> rows, int k) { return rows.stream().mapToDouble(r -> r[k]).toArray(); }

    /** Position and height of the parabola through the highest bin and its two neighbors. */
    static double[] firstPeak(double[] r, double[] g) {
        int m = 1;
        for (int b = 1; b < g.length - 1; b++) if (g[b] > g[m]) m = b;
        double h = r[m + 1] - r[m], curvature = g[m - 1] - 2 * g[m] + g[m + 1];
        double offset = 0.5 * (g[m - 1] - g[m + 1]) / curvature;
        return new double[] {r[m] + offset * h, g[m] - 0.25 * (g[m - 1] - g[m + 1]) * offset};
    }

    /** Linear interpolation of y(x) at x0. */
    static double at(double[] x, double[] y, double x0) {
        for (int k = 1; k < x.length; k++) {
            if (x[k] >= x0) return y[k - 1] + (y[k] - y[k - 1]) * (x0 - x[k - 1]) / (x[k] - x[k - 1]);
        }
        throw new AssertionError("no point at " + x0 + " (last " + x[x.length - 1] + ")");
    }

    @ParameterizedTest(name = "{0} K")
    @MethodSource("temperatures")
    void rdfAndMsdAgreeWithLammps(String temperature) throws IOException {
        List<double[]> lammpsRdf = rows(reference().resolve("rdf_" + temperature + ".txt"), 4);
        List<double[]> lammpsMsd = rows(reference().resolve("msd_" + temperature + ".txt"), 2);
        double[] rRef = column(lammpsRdf, 1), gRef = column(lammpsRdf, 2), nRef = column(lammpsRdf, 3);

        // the normalisation jmd documents (N − 1 others per centre in volume V) is LAMMPS's: it turns their g into their coordination column
        double width = rRef[1] - rRef[0], n = 0;
        for (int b = 0; b < gRef.length; b++) {
            double lo = rRef[b] - width / 2, hi = rRef[b] + width / 2;
            n += gRef[b] * (ATOMS - 1) / (BOX * BOX * BOX) * 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
            assertEquals(nRef[b], n, 1e-4 * nRef[b] + 1e-5, "LAMMPS coordination at " + rRef[b]);
        }

        StringWriter screen = new StringWriter();
        Deck deck = new Deck(new PrintWriter(screen, true), new PrintWriter(Writer.nullWriter()), false);
        deck.variables().defineFromCommandLine("T", temperature);
        deck.variables().defineFromCommandLine("out", out.toString());
        Path root = Path.of(System.getProperty("jmd.root", ".."));
        long start = System.nanoTime();
        try (deck) {
            deck.run(root.resolve("inputs/si-liquid-analysis.deck"));
        }
        double seconds = (System.nanoTime() - start) * 1e-9;

        List<double[]> rdf = rows(out.resolve("rdf-" + temperature + ".csv"), 3);
        double[] peak = firstPeak(column(rdf, 0), column(rdf, 1)), peakRef = firstPeak(rRef, gRef);
        List<double[]> msd = rows(out.resolve("msd-" + temperature + ".csv"), 2);
        double msd10 = at(column(msd, 0), column(msd, 1), 10.0);
        double msd10Ref = at(column(lammpsMsd, 0), column(lammpsMsd, 1), 10000); // LAMMPS: steps of 1 fs
        System.out.print(screen);
        System.out.printf(java.util.Locale.ROOT, "%s K (%.0f s): first peak jmd %.4f Å g %.4f, LAMMPS %.4f Å g %.4f; MSD(10 ps) jmd %.2f, LAMMPS %.2f Å²%n",
                temperature, seconds, peak[0], peak[1], peakRef[0], peakRef[1], msd10, msd10Ref);

        assertEquals(peakRef[0], peak[0], 0.02, "first-peak position, Å");
        assertEquals(peakRef[1], peak[1], 0.05 * peakRef[1], "first-peak height");
        assertEquals(msd10Ref, msd10, 0.15 * msd10Ref, "MSD at 10 ps, Å²");
        assertTrue(screen.toString().contains("msd: ") && screen.toString().contains("diffusion coefficient D = "), screen.toString());
        for (String name : new String[] {"adf", "vdos", "coordination"}) {
            assertTrue(Files.isRegularFile(out.resolve(name + "-" + temperature + ".csv")), name + " written");
        }
    }
}
