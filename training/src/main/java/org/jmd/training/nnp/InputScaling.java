package org.jmd.training.nnp;

import java.util.List;
import org.jmd.potentials.nnp.Scaling;

/**
 * Network input scaling from training statistics, n2p2's {@code scale_symmetry_functions_sigma}
 * with S_min = 0, S_max = 1: x = (G − mean)/σ per element and function, so inputs are centred
 * and of unit spread whatever the range of each symmetry function. min and max are kept for
 * {@code scaling.data}. The scaling itself is the inference code's ({@link Scaling.Table}), so
 * the trainer feeds its networks exactly what the saved potential will.
 *
 * <p>A function that never varies over the training set (σ = 0, e.g. an angular term no training
 * environment reaches) gets σ = 1 instead: it is then a constant input whose weight training
 * cannot learn, and dividing by zero would make it infinite elsewhere.
 */
final class InputScaling {
    final double[][] min, max, mean, sigma;
    /** 1/σ, the factor ∂x/∂G (the tables' factors). */
    final double[][] factor;
    private final Scaling.Table[] tables;

    private InputScaling(int elements) {
        min = new double[elements][];
        max = new double[elements][];
        mean = new double[elements][];
        sigma = new double[elements][];
        factor = new double[elements][];
        tables = new Scaling.Table[elements];
    }

    /** Statistics over every atom of the given structures; sizes[e] functions for element e. */
    static InputScaling of(List<CachedStructure> data, int[] sizes) {
        int ne = sizes.length;
        InputScaling s = new InputScaling(ne);
        long[] count = new long[ne];
        double[][] sum = new double[ne][], sum2 = new double[ne][];
        for (int e = 0; e < ne; e++) {
            s.min[e] = new double[sizes[e]];
            s.max[e] = new double[sizes[e]];
            java.util.Arrays.fill(s.min[e], Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(s.max[e], Double.NEGATIVE_INFINITY);
            sum[e] = new double[sizes[e]];
            sum2[e] = new double[sizes[e]];
        }
        // mean first, then squared deviations: two passes keep σ accurate for large G
        for (CachedStructure c : data) {
            for (int i = 0; i < c.atoms; i++) {
                int e = c.element[i], o = c.gStart[i];
                count[e]++;
                for (int k = 0; k < sizes[e]; k++) {
                    double v = c.g[o + k];
                    sum[e][k] += v;
                    s.min[e][k] = Math.min(s.min[e][k], v);
                    s.max[e][k] = Math.max(s.max[e][k], v);
                }
            }
        }
        for (int e = 0; e < ne; e++) {
            s.mean[e] = new double[sizes[e]];
            s.sigma[e] = new double[sizes[e]];
            if (count[e] == 0) throw new IllegalArgumentException("no atoms of element index " + e + " in the training data");
            for (int k = 0; k < sizes[e]; k++) s.mean[e][k] = sum[e][k] / count[e];
        }
        for (CachedStructure c : data) {
            for (int i = 0; i < c.atoms; i++) {
                int e = c.element[i], o = c.gStart[i];
                for (int k = 0; k < sizes[e]; k++) {
                    double d = c.g[o + k] - s.mean[e][k];
                    sum2[e][k] += d * d;
                }
            }
        }
        for (int e = 0; e < ne; e++) {
            for (int k = 0; k < sizes[e]; k++) {
                double sd = Math.sqrt(sum2[e][k] / count[e]);
                s.sigma[e][k] = sd > 1e-10 * Math.max(1.0, Math.abs(s.mean[e][k])) ? sd : 1.0;
            }
            s.tables[e] = new Scaling.Table(sizes[e]);
            for (int k = 0; k < sizes[e]; k++) {
                String problem = Scaling.SIGMA.set(s.tables[e], k, s.min[e][k], s.max[e][k], s.mean[e][k], s.sigma[e][k], 0.0, 1.0);
                if (problem != null) throw new IllegalStateException(problem); // σ > 0 by construction
            }
            s.factor[e] = s.tables[e].factor;
        }
        return s;
    }

    /** Scaled inputs of element e: x[k] = (g[o + k] − mean)/σ for k &lt; n. */
    void apply(int e, double[] g, int o, int n, double[] x) { tables[e].apply(g, o, n, x); }
}
