package org.jmd.studies.diagnostics;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal components of a set of vectors: the eigenvectors of their covariance matrix with the
 * largest eigenvalues (Commons Math's {@link EigenDecomposition} of the symmetric matrix), and the
 * projection of any vector onto the first few.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] axes;
    private final double[] variance;
    private final double totalVariance;

    public Pca(List<double[]> samples, int components) {
        int d = samples.get(0).length, n = samples.size();
        mean = new double[d];
        for (double[] s : samples) for (int c = 0; c < d; c++) mean[c] += s[c] / n;
        double[][] cov = new double[d][d];
        for (double[] s : samples)
            for (int a = 0; a < d; a++) {
                double xa = s[a] - mean[a];
                for (int b = a; b < d; b++) cov[a][b] += xa * (s[b] - mean[b]);
            }
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= Math.max(1, n - 1);
                cov[b][a] = cov[a][b];
            }
            total += cov[a][a];
        }
        totalVariance = total;
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eigen.getRealEigenvalues();
        // EigenDecomposition of a symmetric matrix sorts eigenvalues in decreasing order; sort anyway, cheaply
        Integer[] order = new Integer[values.length];
        for (int k = 0; k < order.length; k++) order[k] = k;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        int m = Math.min(components, d);
        axes = new double[m][];
        variance = new double[m];
        for (int k = 0; k < m; k++) {
            RealVector v = eigen.getEigenvector(order[k]);
            axes[k] = v.toArray();
            variance[k] = values[order[k]];
        }
    }

    public int components() { return axes.length; }

    /** Share of the total variance the kept components explain. */
    public double explained() {
        double s = 0;
        for (double v : variance) s += v;
        return totalVariance > 0 ? s / totalVariance : 1;
    }

    public double[] project(double[] x) {
        double[] p = new double[axes.length];
        for (int k = 0; k < axes.length; k++) {
            double s = 0;
            for (int c = 0; c < x.length; c++) s += (x[c] - mean[c]) * axes[k][c];
            p[k] = s;
        }
        return p;
    }
}
