package org.jmd.training.plip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.potentials.plip.PlipDescriptors;
import org.jmd.potentials.plip.PlipTerm;
import org.jmd.training.LabelledStructure;

/**
 * The least-squares problem of a PLIP fit on one set of structures, reduced to what the Lasso and
 * the error reports need. Force rows (3N per structure, −∂S/∂x) are folded into their Gram matrix
 * D ᵀD, D ᵀF and F ᵀF as they are made, so memory does not grow with the number of atoms; the
 * energy rows (one per structure, descriptor sums per atom against (E − Σ reference)/N) are kept,
 * since there are few and per-structure errors are wanted.
 *
 * <p>Structures are shared out to threads by index (structure k to thread k mod T) and the
 * per-thread sums added in thread order, so a given thread count gives the same bits every run.
 */
final class PlipNormalEquations {
    final int columns;
    /** Σ over force rows of D_r ⊗ D_r, D_r·F_r, F_r²; number of force rows. */
    final double[][] forceGram;
    final double[] forceXty;
    double forceYy;
    long forceRows;
    /** Per structure: descriptor sums per atom, and target energy per atom (after reference energies). */
    final double[][] energyRows;
    final double[] energyTargets;

    private PlipNormalEquations(int columns, int structures) {
        this.columns = columns;
        this.forceGram = new double[columns][columns];
        this.forceXty = new double[columns];
        this.energyRows = new double[structures][];
        this.energyTargets = new double[structures];
    }

    int structures() { return energyRows.length; }

    /**
     * @param column design-matrix column of each term (terms sharing a column are summed), from
     *               {@link PlipGrid#columns}
     */
    static PlipNormalEquations build(List<LabelledStructure> data, String[] elements, Map<String, Double> reference,
                                     List<PlipTerm> terms, int[] column, int threads) {
        int p = 0;
        for (int c : column) p = Math.max(p, c + 1);
        PlipNormalEquations total = new PlipNormalEquations(p, data.size());
        if (data.isEmpty()) return total;
        int t = Math.max(1, Math.min(threads, data.size()));
        List<PlipNormalEquations> parts = new ArrayList<>();
        for (int k = 0; k < t; k++) parts.add(new PlipNormalEquations(p, data.size()));
        if (t == 1) {
            fill(parts.get(0), data, 0, 1, elements, reference, terms, column);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "plip-design");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (int k = 0; k < t; k++) {
                    int first = k, step = t;
                    PlipNormalEquations part = parts.get(k);
                    jobs.add(pool.submit(() -> fill(part, data, first, step, elements, reference, terms, column)));
                }
                for (Future<?> f : jobs) f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException) throw (RuntimeException) c;
                throw new IllegalStateException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the PLIP design matrix", e);
            } finally {
                pool.shutdownNow();
            }
        }
        for (PlipNormalEquations part : parts) {
            for (int j = 0; j < p; j++) {
                total.forceXty[j] += part.forceXty[j];
                double[] src = part.forceGram[j], dst = total.forceGram[j];
                for (int k = j; k < p; k++) dst[k] += src[k];
            }
            total.forceYy += part.forceYy;
            total.forceRows += part.forceRows;
            for (int s = 0; s < data.size(); s++) {
                if (part.energyRows[s] != null) {
                    total.energyRows[s] = part.energyRows[s];
                    total.energyTargets[s] = part.energyTargets[s];
                }
            }
        }
        for (int j = 0; j < p; j++) for (int k = 0; k < j; k++) total.forceGram[j][k] = total.forceGram[k][j];
        return total;
    }

    private static void fill(PlipNormalEquations out, List<LabelledStructure> data, int first, int step,
                             String[] elements, Map<String, Double> reference, List<PlipTerm> terms, int[] column) {
        int nt = terms.size(), p = out.columns;
        boolean identity = nt == p;
        for (int t = 0; identity && t < nt; t++) identity = column[t] == t;
        PlipDescriptors desc = new PlipDescriptors(elements, terms);
        double[] sum = new double[nt];
        double[] raw = new double[0], folded = new double[p];
        for (int s = first; s < data.size(); s += step) {
            LabelledStructure ls = data.get(s);
            AtomicSystem sys = ls.frame().system;
            int n = sys.size();
            if (n == 0) throw new InputException("structure " + (s + 1) + " has no atoms");
            if (raw.length < 3 * n * nt) raw = new double[3 * n * nt];
            try {
                desc.compute(sys, sum, raw);
            } catch (InputException e) {
                throw new InputException("structure " + (s + 1) + ": " + e.getMessage());
            }
            double eref = 0;
            for (int i = 0; i < n; i++) eref += reference.get(sys.symbol(i));
            double[] erow = new double[p];
            for (int t = 0; t < nt; t++) erow[column[t]] += sum[t] / n;
            out.energyRows[s] = erow;
            out.energyTargets[s] = (ls.energy() - eref) / n;
            double[] f = ls.forces();
            if (f == null) continue;
            for (int r = 0; r < 3 * n; r++) {
                double[] row;
                int off;
                if (identity) {
                    row = raw;
                    off = r * nt;
                } else {
                    java.util.Arrays.fill(folded, 0.0);
                    for (int t = 0; t < nt; t++) folded[column[t]] += raw[r * nt + t];
                    row = folded;
                    off = 0;
                }
                double y = f[r];
                out.forceYy += y * y;
                for (int j = 0; j < p; j++) {
                    double v = row[off + j];
                    if (v == 0) continue;
                    out.forceXty[j] += v * y;
                    double[] g = out.forceGram[j];
                    for (int k = j; k < p; k++) g[k] += v * row[off + k];
                }
            }
            out.forceRows += 3L * n;
        }
    }

    /** Force RMSE (eV/Å) of weights w, from the Gram form: √((F ᵀF − 2wᵀDᵀF + wᵀDᵀDw)/n). */
    double forceRmse(double[] w) {
        if (forceRows == 0) return Double.NaN;
        double quad = 0, lin = 0;
        for (int j = 0; j < columns; j++) {
            if (w[j] == 0) continue;
            lin += w[j] * forceXty[j];
            double s = 0;
            double[] g = forceGram[j];
            for (int k = 0; k < columns; k++) if (w[k] != 0) s += g[k] * w[k];
            quad += w[j] * s;
        }
        return Math.sqrt(Math.max(0, forceYy - 2 * lin + quad) / forceRows);
    }

    /** Energy errors per atom (eV) of weights w, one per structure. */
    double[] energyErrors(double[] w) {
        double[] err = new double[energyRows.length];
        for (int s = 0; s < err.length; s++) {
            double e = 0;
            for (int j = 0; j < columns; j++) e += energyRows[s][j] * w[j];
            err[s] = e - energyTargets[s];
        }
        return err;
    }

    static double rms(double[] x) {
        if (x.length == 0) return Double.NaN;
        double s = 0;
        for (double v : x) s += v * v;
        return Math.sqrt(s / x.length);
    }

    static double meanAbs(double[] x) {
        if (x.length == 0) return Double.NaN;
        double s = 0;
        for (double v : x) s += Math.abs(v);
        return s / x.length;
    }
}
