package org.jmd.analysis;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.NeighborList;

/**
 * The bond-angle distribution p(θ): for every atom i and every two of its neighbors j ≠ k within
 * the cutoff (periodic images are distinct neighbors), the angle j–i–k, histogrammed on
 * [0°, 180°] and normalised so that ∫ p dθ = 1 (θ in degrees) over all the frames given.
 */
public final class BondAngleDistribution {
    private final Neighbors neighbors;
    private final int bins;
    private final double width;
    private final long[] counts;
    private long triplets;
    private int frames;
    private double[] bond = new double[0]; // this atom's bond vectors within the cutoff, 3 each

    public BondAngleDistribution(double cutoff, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        this.neighbors = new Neighbors(cutoff);
        this.bins = bins;
        this.width = 180.0 / bins;
        this.counts = new long[bins];
    }

    public void add(AtomicSystem s) {
        NeighborList list = neighbors.of(s);
        int[] begin = list.startArray(), nb = list.neighborArray(), image = list.imageArray();
        double[] shift = list.shiftArray(), x = s.x;
        double rc2 = neighbors.cutoff() * neighbors.cutoff(), inverseWidth = 1 / width;
        for (int i = 0; i < s.size(); i++) {
            int m = 0;
            if (3 * (begin[i + 1] - begin[i]) > bond.length) bond = new double[3 * (begin[i + 1] - begin[i])];
            for (int p = begin[i]; p < begin[i + 1]; p++) {
                int j = nb[p], k = 3 * image[p];
                double dx = x[3 * j] - x[3 * i] + shift[k], dy = x[3 * j + 1] - x[3 * i + 1] + shift[k + 1], dz = x[3 * j + 2] - x[3 * i + 2] + shift[k + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) continue;
                double inv = 1 / Math.sqrt(r2);
                bond[3 * m] = dx * inv;
                bond[3 * m + 1] = dy * inv;
                bond[3 * m + 2] = dz * inv;
                m++;
            }
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    double c = bond[3 * a] * bond[3 * b] + bond[3 * a + 1] * bond[3 * b + 1] + bond[3 * a + 2] * bond[3 * b + 2];
                    double theta = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, c))));
                    counts[Math.min((int) (theta * inverseWidth), bins - 1)]++;
                }
            }
            triplets += (long) m * (m - 1) / 2;
        }
        frames++;
    }

    public int frames() { return frames; }

    /** Angles j–i–k counted so far (each unordered pair of neighbors once). */
    public long triplets() { return triplets; }

    /** Bin centres, degrees. */
    public double[] angles() {
        double[] t = new double[bins];
        for (int b = 0; b < bins; b++) t[b] = (b + 0.5) * width;
        return t;
    }

    /** p(θ) per degree; all zero when no atom has two neighbors. */
    public double[] p() {
        if (frames == 0) throw new IllegalStateException("no frames added yet");
        double[] p = new double[bins];
        if (triplets == 0) return p;
        for (int b = 0; b < bins; b++) p[b] = counts[b] / (triplets * width);
        return p;
    }

    /** Columns {@code angle,p}. */
    public void write(Path file) { new CsvTable().column("angle", angles()).column("p", p()).write(file); }
}
