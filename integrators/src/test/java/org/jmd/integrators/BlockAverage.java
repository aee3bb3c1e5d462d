package org.jmd.integrators;

/**
 * Mean and variance of a correlated time series with standard errors from block averaging
 * (Flyvbjerg–Petersen): the series is cut into blocks much longer than its correlation time, so
 * block means are nearly independent and their scatter gives an honest error.
 */
final class BlockAverage {
    final double mean, meanError, variance, varianceError;
    final int blocks;

    BlockAverage(double[] series, int blocks) {
        this.blocks = blocks;
        int len = series.length / blocks, n = len * blocks;
        double sum = 0;
        for (int k = 0; k < n; k++) sum += series[k];
        mean = sum / n;
        double[] blockMean = new double[blocks], blockVar = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double s = 0, s2 = 0;
            for (int k = b * len; k < (b + 1) * len; k++) {
                double dev = series[k] - mean;
                s += series[k];
                s2 += dev * dev;
            }
            blockMean[b] = s / len;
            blockVar[b] = s2 / len;
        }
        double v = 0;
        for (double bv : blockVar) v += bv;
        variance = v / blocks;
        meanError = standardError(blockMean);
        varianceError = standardError(blockVar);
    }

    private static double standardError(double[] values) {
        double m = 0;
        for (double x : values) m += x;
        m /= values.length;
        double s = 0;
        for (double x : values) s += (x - m) * (x - m);
        return Math.sqrt(s / (values.length - 1) / values.length);
    }

    @Override public String toString() {
        return String.format("mean %.6g ± %.2g, variance %.6g ± %.2g (%d blocks)", mean, meanError, variance, varianceError, blocks);
    }
}
