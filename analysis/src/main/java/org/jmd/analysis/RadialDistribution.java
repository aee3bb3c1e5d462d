package org.jmd.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.NeighborList;

/**
 * The radial distribution function g(r), total and per species pair, averaged over the frames it
 * is given, normalised as LAMMPS's {@code compute rdf}: in a frame of volume V, the count h(r) of
 * neighbors of type B around atoms of type A in the shell [r_lo, r_hi) is divided by
 * N_A (N_B − δ_AB) (4π/3)(r_hi³ − r_lo³) / V, so an ideal gas gives 1; frames are normalised each
 * by its own volume and then averaged. r is the bin centre. Periodic images count as neighbors,
 * also when the cutoff is longer than half the cell.
 */
public final class RadialDistribution {
    private final Neighbors neighbors;
    private final int bins;
    private final double width;
    private String[] species;
    private int pairs;
    private int[] perType;
    private long[][] counts;      // this frame's histogram per species pair, then the total
    private double[][] sum;       // Σ over frames of g per species pair, then the total
    private int frames;

    /** {@code bins} bins of equal width from 0 to {@code cutoff} (Å). */
    public RadialDistribution(double cutoff, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        this.neighbors = new Neighbors(cutoff);
        this.bins = bins;
        this.width = cutoff / bins;
    }

    /** Adds one frame; every frame must have the same species table and a cell periodic in all directions. */
    public void add(AtomicSystem s) {
        if (!s.cell().fullyPeriodic()) throw new IllegalArgumentException("the RDF needs a cell periodic in all three directions (it divides by the volume)");
        start(s);
        int n = s.size(), types = species.length;
        for (long[] c : counts) Arrays.fill(c, 0);
        NeighborList list = neighbors.of(s);
        int[] begin = list.startArray(), nb = list.neighborArray(), image = list.imageArray();
        double[] shift = list.shiftArray(), x = s.x;
        double cutoff = neighbors.cutoff(), inverseWidth = 1 / width;
        long[] total = counts[pairs];
        for (int i = 0; i < n; i++) {
            int ti = s.type[i];
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int p = begin[i]; p < begin[i + 1]; p++) {
                int j = nb[p], k = 3 * image[p];
                double dx = x[3 * j] - xi + shift[k], dy = x[3 * j + 1] - yi + shift[k + 1], dz = x[3 * j + 2] - zi + shift[k + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= cutoff) continue;
                int bin = Math.min((int) (r * inverseWidth), bins - 1);
                total[bin]++;
                int tj = s.type[j];
                if (ti <= tj) counts[pairIndex(ti, tj, types)][bin]++; // the pair A-B once: centres A, neighbors B
            }
        }
        Arrays.fill(perType, 0);
        for (int i = 0; i < n; i++) perType[s.type[i]]++;
        double volume = s.cell().volume();
        for (int a = 0; a < types; a++) {
            for (int b = a; b < types; b++) accumulate(counts[pairIndex(a, b, types)], sum[pairIndex(a, b, types)], perType[a], perType[b] - (a == b ? 1 : 0), volume);
        }
        accumulate(total, sum[pairs], n, n - 1, volume);
        frames++;
    }

    private void start(AtomicSystem s) {
        if (species == null) {
            species = s.speciesTable();
            perType = new int[species.length];
            pairs = species.length * (species.length + 1) / 2;
            counts = new long[pairs + 1][bins];
            sum = new double[pairs + 1][bins];
        } else if (!Arrays.equals(species, s.speciesTable())) {
            throw new IllegalArgumentException("species " + String.join(",", s.speciesTable()) + " differ from the first frame's " + String.join(",", species));
        }
    }

    /** Adds h / (centres · (others) · shell / V) to g, bin by bin; no centres or no others give 0, as in LAMMPS. */
    private void accumulate(long[] h, double[] g, int centres, int others, double volume) {
        if (centres == 0 || others <= 0) return;
        double norm = 4 * Math.PI / 3 * centres * (double) others / volume;
        for (int b = 0; b < bins; b++) {
            double lo = b * width, hi = (b + 1) * width;
            g[b] += h[b] / (norm * (hi * hi * hi - lo * lo * lo));
        }
    }

    /** Index of the unordered species pair a ≤ b among n species, in the order (0,0), (0,1), ..., (1,1), .... */
    private static int pairIndex(int a, int b, int n) { return a * n - a * (a - 1) / 2 + (b - a); }

    public int frames() { return frames; }

    /** Bin centres, Å. */
    public double[] r() {
        double[] r = new double[bins];
        for (int b = 0; b < bins; b++) r[b] = (b + 0.5) * width;
        return r;
    }

    /** The total g(r), averaged over the frames. */
    public double[] g() { return average(pairs); }

    /** The partial g_AB(r) (= g_BA) of two species of the first frame's table. */
    public double[] g(String a, String b) {
        int ia = indexOf(a), ib = indexOf(b);
        return average(pairIndex(Math.min(ia, ib), Math.max(ia, ib), species.length));
    }

    /** Names of the partial columns, {@code g_A_B} for A ≤ B in species-table order. */
    public List<String> pairNames() {
        requireFrames();
        List<String> names = new ArrayList<>();
        for (int a = 0; a < species.length; a++) for (int b = a; b < species.length; b++) names.add("g_" + species[a] + "_" + species[b]);
        return names;
    }

    /** Columns {@code r,g} then {@code g_A_B} per species pair. */
    public void write(Path file) {
        CsvTable t = new CsvTable().column("r", r()).column("g", g());
        List<String> names = pairNames();
        for (int k = 0; k < pairs; k++) t.column(names.get(k), average(k));
        t.write(file);
    }

    private int indexOf(String symbol) {
        requireFrames();
        int k = Arrays.asList(species).indexOf(symbol);
        if (k < 0) throw new IllegalArgumentException("no species " + symbol + " (species: " + String.join(", ", species) + ")");
        return k;
    }

    private double[] average(int k) {
        requireFrames();
        double[] g = new double[bins];
        for (int b = 0; b < bins; b++) g[b] = sum[k][b] / frames;
        return g;
    }

    private void requireFrames() {
        if (frames == 0) throw new IllegalStateException("no frames added yet");
    }
}
