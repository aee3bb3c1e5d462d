package org.jmd.training.plip;

import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ChunkedSum;
import org.jmd.engine.InputException;
import org.jmd.engine.ThreadTeam;
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
 * <p>Structures are summed in chunks on a {@link ThreadTeam} and the chunks' sums added in chunk
 * order ({@link ChunkedSum}), so the sums are the same bits for any number of threads.
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
        int columns = 0;
        for (int c : column) columns = Math.max(columns, c + 1);
        int p = columns;
        PlipNormalEquations total = new PlipNormalEquations(p, data.size());
        if (data.isEmpty()) return total;
        ThreadTeam team = ThreadTeam.of(Math.max(1, Math.min(threads, data.size())));
        Rows[] rows = new Rows[team.size()];
        for (int w = 0; w < rows.length; w++) rows[w] = new Rows(elements, reference, terms, column, p);
        ChunkedSum.run(team, data.size(), () -> new PlipNormalEquations(p, data.size()),
                (part, k, w) -> rows[w].add(part, data.get(k), k), total::add);
        for (int j = 0; j < p; j++) for (int k = 0; k < j; k++) total.forceGram[j][k] = total.forceGram[k][j];
        return total;
    }

    /** Adds another part's sums (a chunk of structures) to these. */
    private void add(PlipNormalEquations part) {
        for (int j = 0; j < columns; j++) {
            forceXty[j] += part.forceXty[j];
            double[] src = part.forceGram[j], dst = forceGram[j];
            for (int k = j; k < columns; k++) dst[k] += src[k];
        }
        forceYy += part.forceYy;
        forceRows += part.forceRows;
        for (int s = 0; s < energyRows.length; s++) {
            if (part.energyRows[s] != null) {
                energyRows[s] = part.energyRows[s];
                energyTargets[s] = part.energyTargets[s];
            }
        }
    }

    /** One worker's descriptors and row buffers: makes a structure's rows and adds them to a part. */
    private static final class Rows {
        private final Map<String, Double> reference;
        private final int[] column;
        private final int nt, p;
        private final boolean identity;
        private final PlipDescriptors desc;
        private final double[] sum, folded;
        private double[] raw = new double[0];

        Rows(String[] elements, Map<String, Double> reference, List<PlipTerm> terms, int[] column, int p) {
            this.reference = reference;
            this.column = column;
            this.nt = terms.size();
            this.p = p;
            boolean same = nt == p;
            for (int t = 0; same && t < nt; t++) same = column[t] == t;
            identity = same;
            desc = new PlipDescriptors(elements, terms);
            sum = new double[nt];
            folded = new double[p];
        }

        /** Structure s (index in the data set, for the energy row and messages). */
        void add(PlipNormalEquations out, LabelledStructure ls, int s) {
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
            if (f == null) return;
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
