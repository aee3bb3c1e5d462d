package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.build.Lattices;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/** g(r) against answers known without the code: an ideal gas, and the neighbor shells of perfect crystals. */
class RadialDistributionTest {
    /** Neighbors per centre up to r: Σ g · ρ · shell volume over the bins with centre below r (ρ = others / V). */
    static double neighborsWithin(double[] rCentres, double[] g, double width, double others, double volume, double r) {
        double n = 0;
        for (int b = 0; b < g.length; b++) {
            if (rCentres[b] >= r) break;
            double lo = b * width, hi = lo + width;
            n += g[b] * others / volume * 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
        }
        return n;
    }

    static AtomicSystem uniformGas(int n, double box, Random rnd) {
        double[] x = new double[3 * n];
        for (int k = 0; k < x.length; k++) x[k] = box * rnd.nextDouble();
        String[] symbols = new String[n];
        for (int i = 0; i < n; i++) symbols[i] = i % 2 == 0 ? "Ar" : "Kr";
        return AtomicSystem.of(Cell.orthorhombic(box, box, box), symbols, x);
    }

    /**
     * Uniform random points: every bin of g, total and partial, is 1 within 5 standard deviations of
     * its count (σ/g = √(2/count): each pair is counted from both ends), and so is the count-weighted
     * mean over all bins.
     */
    @Test void idealGasIsOneWithinNoise() {
        int n = 1000, frames = 20, bins = 40;
        double box = 20, cutoff = 8;
        RadialDistribution rdf = new RadialDistribution(cutoff, bins);
        Random rnd = new Random(42);
        for (int f = 0; f < frames; f++) rdf.add(uniformGas(n, box, rnd));
        assertEquals(frames, rdf.frames());
        double width = cutoff / bins, volume = box * box * box;
        double[][] curves = {rdf.g(), rdf.g("Ar", "Ar"), rdf.g("Ar", "Kr"), rdf.g("Kr", "Ar"), rdf.g("Kr", "Kr")};
        double[] pairsPerFrame = {n * (n - 1.0), n / 2 * (n / 2 - 1.0), n / 2 * (n / 2.0), n / 2 * (n / 2.0), n / 2 * (n / 2 - 1.0)};
        for (int c = 0; c < curves.length; c++) {
            double weighted = 0, all = 0;
            for (int b = 0; b < bins; b++) {
                double lo = b * width, hi = lo + width;
                double expected = frames * pairsPerFrame[c] / volume * 4 * Math.PI / 3 * (hi * hi * hi - lo * lo * lo);
                double sigma = Math.sqrt((c == 2 || c == 3 ? 1 : 2) / expected);
                assertEquals(1.0, curves[c][b], 5 * sigma, "curve " + c + " bin " + b);
                weighted += curves[c][b] * expected;
                all += expected;
            }
            assertEquals(1.0, weighted / all, 5 * Math.sqrt((c == 2 || c == 3 ? 1 : 2) / all), "curve " + c);
        }
    }

    /** fcc (a = 4 Å): shells of 12, 6, 24, 12, 24, 8, 48 neighbors at a·√(k/2); the same in a 4×4×4 cell and a single cell smaller than the cutoff. */
    @Test void fccShellsHoldTheirNeighbors() {
        double a = 4, cutoff = 7.9;
        int bins = 300;
        int[] shellK = {1, 2, 3, 4, 5, 6, 7};
        int[] shellN = {12, 6, 24, 12, 24, 8, 48};
        for (int repeat : new int[] {4, 1}) {
            AtomicSystem s = Lattices.build("fcc", a, Double.NaN, Double.NaN, new String[] {"Cu"}, repeat, repeat, repeat);
            RadialDistribution rdf = new RadialDistribution(cutoff, bins);
            rdf.add(s);
            double[] r = rdf.r(), g = rdf.g();
            double width = cutoff / bins, volume = s.cell().volume();
            int cumulative = 0;
            for (int k = 0; k < shellK.length; k++) {
                double shell = a * Math.sqrt(shellK[k] / 2.0);
                cumulative += shellN[k];
                double next = k + 1 < shellK.length ? a * Math.sqrt(shellK[k + 1] / 2.0) : cutoff;
                double between = (shell + next) / 2;
                assertEquals(cumulative, neighborsWithin(r, g, width, s.size() - 1, volume, between), 1e-9, "repeat " + repeat + " shell " + shell);
                int peak = peakNear(r, g, shell, 0.1);
                assertTrue(Math.abs(r[peak] - shell) <= width / 2 + 1e-12, "peak at " + r[peak] + " for shell " + shell);
            }
        }
    }

    /**
     * Zinc blende (a = 5.431 Å): each atom has 4 of the other species at a√3/4 and 12 of its own at
     * a/√2; the partials say so, and g_A_A is zero at the first shell.
     */
    @Test void zincblendePartialsSeparateTheSpecies() {
        double a = 5.431, cutoff = 4.2;
        int bins = 200;
        AtomicSystem s = Lattices.build("zincblende", a, Double.NaN, Double.NaN, new String[] {"Ga", "As"}, 3, 3, 3);
        RadialDistribution rdf = new RadialDistribution(cutoff, bins);
        rdf.add(s);
        double[] r = rdf.r();
        double width = cutoff / bins, volume = s.cell().volume(), half = s.size() / 2.0;
        double first = a * Math.sqrt(3) / 4, second = a / Math.sqrt(2), between = (first + second) / 2;
        assertEquals(4, neighborsWithin(r, rdf.g("Ga", "As"), width, half, volume, between), 1e-9);
        assertEquals(0, neighborsWithin(r, rdf.g("Ga", "Ga"), width, half - 1, volume, between), 1e-12);
        assertEquals(12, neighborsWithin(r, rdf.g("As", "As"), width, half - 1, volume, cutoff), 1e-9);
        assertEquals(4, neighborsWithin(r, rdf.g("As", "Ga"), width, half, volume, cutoff), 1e-9);
        assertEquals(16, neighborsWithin(r, rdf.g(), width, s.size() - 1, volume, cutoff), 1e-9);
        assertEquals(java.util.List.of("g_Ga_Ga", "g_Ga_As", "g_As_As"), rdf.pairNames());
    }

    @Test void anOpenCellIsRefused() {
        AtomicSystem s = Lattices.build("fcc", 4, Double.NaN, Double.NaN, new String[] {"Cu"}, 1, 1, 1);
        s.setCell(Cell.open());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RadialDistribution(3, 10).add(s));
        assertTrue(e.getMessage().contains("periodic"), e.getMessage());
    }

    /** The bin of the largest g within {@code window} of r0. */
    static int peakNear(double[] r, double[] g, double r0, double window) {
        int best = -1;
        for (int b = 0; b < r.length; b++) {
            if (Math.abs(r[b] - r0) <= window && (best < 0 || g[b] > g[best])) best = b;
        }
        return best;
    }
}
