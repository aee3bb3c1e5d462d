package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An n2p2 directory written with known random weights and statistics, loaded through
 * {@code potential nnp}, against an independent evaluation: descriptors from the public API, the
 * scaling and a tanh network written out here, forces by the chain rule through ∂G/∂δ_p.
 * Energy to 1e-12 relative, forces to 1e-10 eV/Å. The files' data lines have the column layout of
 * n2p2's own files (the shared examples).
 */
class N2p2WriterTest {
    @TempDir Path tmp;

    /** A random two-hidden-layer tanh network with statistics and offsets for every element. */
    static final class Model {
        final BehlerParrinelloDescriptors bp;
        final int[] hidden = {7, 5};
        final double[][][] w, b, stats;
        final double[] atomEnergy;
        final double sMin = -1, sMax = 1, mean = -2.5, conv = 3.0;

        Model(BehlerParrinelloDescriptors bp, long seed) {
            this.bp = bp;
            Random r = new Random(seed);
            int ne = bp.elementCount();
            w = new double[ne][][];
            b = new double[ne][][];
            stats = new double[ne][][];
            atomEnergy = new double[ne];
            for (int e = 0; e < ne; e++) {
                int[] width = {bp.size(e), hidden[0], hidden[1], 1};
                w[e] = new double[3][];
                b[e] = new double[3][];
                for (int m = 0; m < 3; m++) {
                    w[e][m] = new double[width[m] * width[m + 1]];
                    b[e][m] = new double[width[m + 1]];
                    for (int k = 0; k < w[e][m].length; k++) w[e][m][k] = r.nextGaussian() / Math.sqrt(width[m]);
                    for (int k = 0; k < b[e][m].length; k++) b[e][m][k] = 0.3 * r.nextGaussian();
                }
                int n = bp.size(e);
                stats[e] = new double[4][n];
                for (int s = 0; s < n; s++) {
                    double min = r.nextDouble(), max = min + 0.5 + 5 * r.nextDouble();
                    stats[e][0][s] = min;
                    stats[e][1][s] = max;
                    stats[e][2][s] = min + 0.3 * (max - min);
                    stats[e][3][s] = 0.2 * (max - min);
                }
                atomEnergy[e] = -100 * r.nextDouble();
            }
        }

        void write(Path dir) {
            N2p2Writer writer = new N2p2Writer(bp).comment("test potential\nwith random weights").scaling(Scaling.SCALE_CENTER, sMin, sMax)
                    .network(hidden, "t t l").normalisation(mean, conv, 1.7);
            for (int e = 0; e < bp.elementCount(); e++) {
                String el = bp.elements()[e];
                writer.statistics(el, stats[e][0], stats[e][1], stats[e][2], stats[e][3]).weights(el, w[e], b[e]).atomEnergy(el, atomEnergy[e]);
            }
            writer.write(dir);
        }

        /** Energy, forces (into f) and per-atom energies, evaluated here without the nnp package's network. */
        double evaluate(AtomicSystem s, double[] f, double[] atomEnergies) {
            NeighborList list = new NeighborList();
            new CellListSearch().build(s.x, s.size(), s.cell(), bp.cutoff(), NeighborList.Kind.FULL, list);
            AtomElements elements = bp.bind(s);
            DescriptorWorkspace ws = bp.workspace();
            DerivativeLayout layout = bp.layout();
            double total = 0;
            for (int i = 0; i < s.size(); i++) {
                int ns = ws.describeWithDerivatives(list, elements, i);
                int e = ws.element();
                double[] g = ws.values(), x = new double[ns], factor = new double[ns];
                for (int k = 0; k < ns; k++) {
                    factor[k] = (sMax - sMin) / (stats[e][1][k] - stats[e][0][k]);
                    x[k] = sMin + factor[k] * (g[k] - stats[e][2][k]);
                }
                double[] h1 = layer(w[e][0], b[e][0], x, hidden[0], true);
                double[] h2 = layer(w[e][1], b[e][1], h1, hidden[1], true);
                double out = layer(w[e][2], b[e][2], h2, 1, false)[0];
                double ei = out / conv + mean + atomEnergy[e];
                atomEnergies[i] = ei;
                total += ei;
                // back-propagation: d out / d x
                double[] d2 = new double[hidden[1]];
                for (int k = 0; k < hidden[1]; k++) d2[k] = w[e][2][k] * (1 - h2[k] * h2[k]);
                double[] d1 = new double[hidden[0]];
                for (int j = 0; j < hidden[0]; j++) {
                    double sum = 0;
                    for (int k = 0; k < hidden[1]; k++) sum += d2[k] * w[e][1][k * hidden[0] + j];
                    d1[j] = sum * (1 - h1[j] * h1[j]);
                }
                double[] dEdG = new double[ns];
                for (int q = 0; q < ns; q++) {
                    double sum = 0;
                    for (int j = 0; j < hidden[0]; j++) sum += d1[j] * w[e][0][j * ns + q];
                    dEdG[q] = sum * factor[q] / conv;
                }
                int m = ws.neighborCount();
                double[] rows = ws.derivativeRows();
                int[] atoms = ws.neighborAtoms(), els = ws.neighborElements();
                for (int p = 0, o = 0; p < m; p++) {
                    int[] fs = layout.rowFunctions(e, els[p]);
                    int k = fs.length;
                    for (int d = 0; d < 3; d++) {
                        double gp = 0;
                        for (int t = 0; t < k; t++) gp += dEdG[fs[t]] * rows[o + d * k + t];
                        f[3 * atoms[p] + d] -= gp;
                        f[3 * i + d] += gp;
                    }
                    o += 3 * k;
                }
            }
            return total;
        }

        private static double[] layer(double[] w, double[] b, double[] in, int width, boolean tanh) {
            double[] out = new double[width];
            for (int k = 0; k < width; k++) {
                double sum = b[k];
                for (int j = 0; j < in.length; j++) sum += w[k * in.length + j] * in[j];
                out[k] = tanh ? Math.tanh(sum) : sum;
            }
            return out;
        }
    }

    @Test void writtenPotentialEqualsIndependentEvaluation() {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("Zn", "O"));
        Model model = new Model(bp, 11);
        Path dir = tmp.resolve("zno");
        model.write(dir);
        Potential p = PotentialRegistry.load().create("nnp \"" + dir + "\"", null);
        for (long seed = 1; seed <= 2; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 10, 12.0, 1.7, seed);
            ForceResult r = Consistency.evaluate(p, s);
            double[] f = new double[3 * s.size()], ea = new double[s.size()];
            double e = model.evaluate(s, f, ea);
            double worstF = 0, worstEa = 0;
            for (int k = 0; k < f.length; k++) worstF = Math.max(worstF, Math.abs(f[k] - r.forces[k]));
            for (int i = 0; i < ea.length; i++) worstEa = Math.max(worstEa, Math.abs(ea[i] - r.atomEnergies[i]));
            System.out.printf("seed %d: E %.6f vs %.6f (rel %.1e), max|F| %.3f, worst force diff %.1e eV/Å, worst atomic energy diff %.1e eV%n",
                    seed, r.energy, e, Math.abs(r.energy - e) / Math.abs(e), r.maxForceComponent(), worstF, worstEa);
            assertEquals(e, r.energy, 1e-12 * Math.abs(e));
            assertTrue(r.maxForceComponent() > 1e-3, "forces are not trivially zero");
            assertTrue(worstF < 1e-10, "force difference " + worstF);
            assertTrue(worstEa < 1e-10 * Math.abs(e), "atomic energy difference " + worstEa);
        }
    }

    @Test void dataLinesHaveN2p2ColumnLayout() throws Exception {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("Zn", "O"));
        Path dir = tmp.resolve("layout");
        new Model(bp, 2).write(dir);
        Path ref = ReferenceData.dir("H2O_RPBE-D3");
        assertSameLayout(ref.resolve("weights.001.data"), dir.resolve("weights.008.data"), " a ");
        assertSameLayout(ref.resolve("weights.001.data"), dir.resolve("weights.030.data"), " b ");
        assertSameLayout(ref.resolve("scaling.data"), dir.resolve("scaling.data"), "");
        String nn = Files.readString(dir.resolve("input.nn"));
        assertTrue(Pattern.compile("(?m)^elements\\s+O Zn\\s+#").matcher(nn).find(), "elements by atomic number");
        assertTrue(Pattern.compile("(?m)^atom_energy\\s+Zn -").matcher(nn).find());
        assertTrue(Pattern.compile("(?m)^cutoff_type\\s+6 0.0\\s").matcher(nn).find());
        assertTrue(Pattern.compile("(?m)^global_activation_short\\s+t t l\\s").matcher(nn).find());
    }

    /** The first data line containing marker has its fields end at the same columns as in n2p2's file. */
    private static void assertSameLayout(Path reference, Path written, String marker) throws Exception {
        String a = firstData(reference, marker), b = firstData(written, marker);
        assertEquals(fieldEnds(a), fieldEnds(b), "column layout of " + written.getFileName() + ":\n" + a + "\n" + b);
    }

    private static String firstData(Path file, String marker) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank() && l.contains(marker)).findFirst().orElseThrow();
    }

    private static List<Integer> fieldEnds(String line) {
        java.util.ArrayList<Integer> ends = new java.util.ArrayList<>();
        var m = Pattern.compile("\\S+").matcher(line);
        while (m.find()) ends.add(m.end());
        return ends;
    }

    @Test void refusesIncompleteOrMisshapenInput() {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        int n = bp.size(0);
        N2p2Writer w = new N2p2Writer(bp).network(new int[] {1}, "l l");
        assertThrows(IllegalStateException.class, () -> w.write(tmp.resolve("x")), "statistics missing");
        assertThrows(IllegalArgumentException.class, () -> w.statistics("Si", new double[n - 1], new double[n], new double[n], new double[n]));
        assertThrows(IllegalArgumentException.class, () -> w.atomEnergy("Ge", 0));
        assertThrows(IllegalArgumentException.class, () -> new N2p2Writer(bp).network(new int[] {3}, "t"));
        assertThrows(IllegalArgumentException.class, () -> new N2p2Writer(bp).network(new int[] {3}, "t q"));
        w.statistics("Si", new double[n], new double[n], new double[n], new double[n]);
        w.weights("Si", new double[][] {new double[n], new double[2]}, new double[][] {new double[1], new double[1]});
        assertThrows(IllegalArgumentException.class, () -> w.write(tmp.resolve("y")), "second layer has two weights for one");
    }
}
