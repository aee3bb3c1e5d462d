package org.jmd.analysis;

import java.nio.file.Path;
import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.NeighborList;

/**
 * How many atoms, per species, have k neighbors (of any species, periodic images included)
 * closer than a cutoff: a histogram of coordination numbers, averaged over the frames given
 * (one frame gives whole numbers of atoms).
 */
public final class CoordinationNumbers {
    private final Neighbors neighbors;
    private String[] species;
    private long[][] counts = new long[0][];   // [species][k]
    private int frames;

    public CoordinationNumbers(double cutoff) { this.neighbors = new Neighbors(cutoff); }

    public void add(AtomicSystem s) {
        if (species == null) {
            species = s.speciesTable();
            counts = new long[species.length][1];
        } else if (!Arrays.equals(species, s.speciesTable())) {
            throw new IllegalArgumentException("species " + String.join(",", s.speciesTable()) + " differ from the first frame's " + String.join(",", species));
        }
        NeighborList list = neighbors.of(s);
        int[] begin = list.startArray(), nb = list.neighborArray(), image = list.imageArray();
        double[] shift = list.shiftArray(), x = s.x;
        double rc2 = neighbors.cutoff() * neighbors.cutoff();
        for (int i = 0; i < s.size(); i++) {
            int k = 0;
            for (int p = begin[i]; p < begin[i + 1]; p++) {
                int j = nb[p], q = 3 * image[p];
                double dx = x[3 * j] - x[3 * i] + shift[q], dy = x[3 * j + 1] - x[3 * i + 1] + shift[q + 1], dz = x[3 * j + 2] - x[3 * i + 2] + shift[q + 2];
                if (dx * dx + dy * dy + dz * dz < rc2) k++;
            }
            long[] c = counts[s.type[i]];
            if (k >= c.length) c = counts[s.type[i]] = Arrays.copyOf(c, k + 1);
            c[k]++;
        }
        frames++;
    }

    public int frames() { return frames; }

    /** The largest coordination number seen. */
    public int max() {
        int m = 0;
        for (long[] c : counts) m = Math.max(m, c.length - 1);
        return m;
    }

    /** Atoms of the species with k = 0 .. {@link #max()} neighbors, per frame. */
    public double[] histogram(String symbol) {
        long[] c = counts[indexOf(symbol)];
        double[] h = new double[max() + 1];
        for (int k = 0; k < c.length; k++) h[k] = (double) c[k] / frames;
        return h;
    }

    /** The mean coordination number of the species' atoms (NaN if it has none). */
    public double mean(String symbol) {
        long[] c = counts[indexOf(symbol)];
        long atoms = 0, bonds = 0;
        for (int k = 0; k < c.length; k++) { atoms += c[k]; bonds += k * c[k]; }
        return atoms == 0 ? Double.NaN : (double) bonds / atoms;
    }

    public String[] species() {
        requireFrames();
        return species.clone();
    }

    /** Columns {@code coordination,count} (all atoms), then {@code count_A} per species. */
    public void write(Path file) {
        requireFrames();
        int rows = max() + 1;
        double[] k = new double[rows], all = new double[rows];
        CsvTable t = new CsvTable().wholeColumn("coordination", k).column("count", all);
        for (int r = 0; r < rows; r++) k[r] = r;
        for (String a : species) {
            double[] h = histogram(a);
            for (int r = 0; r < rows; r++) all[r] += h[r];
            t.column("count_" + a, h);
        }
        t.write(file);
    }

    private int indexOf(String symbol) {
        requireFrames();
        int k = Arrays.asList(species).indexOf(symbol);
        if (k < 0) throw new IllegalArgumentException("no species " + symbol + " (species: " + String.join(", ", species) + ")");
        return k;
    }

    private void requireFrames() {
        if (frames == 0) throw new IllegalStateException("no frames added yet");
    }
}
