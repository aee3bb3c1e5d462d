package org.jmd.studies.diagnostics;

import java.util.Arrays;
import java.util.List;

/**
 * Descriptor-space density as a distance: the mean Euclidean distance from an environment to its
 * k nearest training environments (in the scaled descriptor space). Small where the training data
 * are dense, large where the model extrapolates. Brute force over the kept training environments.
 */
public final class NearestEnvironments {
    private final double[][] training;
    private final int k;
    private final double[] best;

    public NearestEnvironments(List<double[]> training, int k) {
        if (training.size() < k) throw new IllegalArgumentException("need at least k = " + k + " training environments, have " + training.size());
        this.training = training.toArray(new double[0][]);
        this.k = k;
        this.best = new double[k];
    }

    /** Mean distance to the k nearest training environments. Not thread-safe (one scratch array). */
    public double distance(double[] q) {
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (double[] t : training) {
            double d = 0;
            for (int c = 0; c < q.length && d < best[k - 1]; c++) {
                double x = q[c] - t[c];
                d += x * x;
            }
            if (d < best[k - 1]) {
                int p = k - 1;
                while (p > 0 && best[p - 1] > d) { best[p] = best[p - 1]; p--; }
                best[p] = d;
            }
        }
        double s = 0;
        for (double d : best) s += Math.sqrt(d);
        return s / k;
    }
}
