package org.jmd.training.linear;

import java.util.Arrays;

/**
 * Minimum, maximum, mean and standard deviation of each raw symmetry function of each element over
 * the training atoms: what n2p2's scaling.data records, and what the fit standardises with.
 */
final class DescriptorStatistics {
    final long[] count;
    final double[][] min, max, sum, sumOfSquares;

    DescriptorStatistics(int[] sizes) {
        int ne = sizes.length;
        count = new long[ne];
        min = new double[ne][];
        max = new double[ne][];
        sum = new double[ne][];
        sumOfSquares = new double[ne][];
        for (int e = 0; e < ne; e++) {
            min[e] = new double[sizes[e]];
            max[e] = new double[sizes[e]];
            Arrays.fill(min[e], Double.POSITIVE_INFINITY);
            Arrays.fill(max[e], Double.NEGATIVE_INFINITY);
            sum[e] = new double[sizes[e]];
            sumOfSquares[e] = new double[sizes[e]];
        }
    }

    void add(int e, double[] g) {
        count[e]++;
        double[] lo = min[e], hi = max[e], s = sum[e], s2 = sumOfSquares[e];
        for (int k = 0; k < lo.length; k++) {
            double v = g[k];
            if (v < lo[k]) lo[k] = v;
            if (v > hi[k]) hi[k] = v;
            s[k] += v;
            s2[k] += v * v;
        }
    }

    void add(DescriptorStatistics o) {
        for (int e = 0; e < count.length; e++) {
            count[e] += o.count[e];
            for (int k = 0; k < min[e].length; k++) {
                min[e][k] = Math.min(min[e][k], o.min[e][k]);
                max[e][k] = Math.max(max[e][k], o.max[e][k]);
                sum[e][k] += o.sum[e][k];
                sumOfSquares[e][k] += o.sumOfSquares[e][k];
            }
        }
    }

    double mean(int e, int k) { return sum[e][k] / count[e]; }

    double sigma(int e, int k) {
        double m = mean(e, k);
        return Math.sqrt(Math.max(0.0, sumOfSquares[e][k] / count[e] - m * m));
    }
}
