package org.jmd.training.linear;

import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DerivativeLayout;
import org.jmd.potentials.nnp.DescriptorWorkspace;
import org.jmd.training.LabelledStructure;

/**
 * Turns labelled structures into least-squares rows of the linear model E_i = b_Z + w_Z · G_i
 * (raw G; the fit standardises later) and adds them to normal equations. Parameters are laid out
 * per element e (by atomic number) as [b_e, w_e1 … w_eS] starting at {@link #offset}[e].
 *
 * <ul>
 * <li>Energy row (one per structure): a = Σ_i [column of b_Zi + G_i] / N,
 *     y = (E − Σ_i E_ref(Z_i)) / N, i.e. energy per atom.</li>
 * <li>Force rows (3N per structure): F_kd = −Σ_i w_Zi · ∂G_i/∂x_kd, so a = −∂(Σ_i G_i)/∂x_kd
 *     restricted to each element's columns, y = F_kd.</li>
 * </ul>
 * One instance per thread; buffers grow and are reused, nothing is allocated per atom.
 */
final class DesignAssembler {
    private final BehlerParrinelloDescriptors descriptors;
    private final DescriptorWorkspace workspace;
    private final double[] reference;
    final int[] offset;
    final int columns;
    private final NeighborList list = new NeighborList();
    private final CellListSearch search = new CellListSearch();
    private final double[] energyRow;
    private double[] forceRows = new double[0];

    /** @param reference per element (descriptor order) reference energy in eV, subtracted from the labels */
    DesignAssembler(BehlerParrinelloDescriptors descriptors, double[] reference) {
        this.descriptors = descriptors;
        this.workspace = descriptors.workspace();
        this.reference = reference;
        int ne = descriptors.elementCount();
        offset = new int[ne];
        int p = 0;
        for (int e = 0; e < ne; e++) {
            offset[e] = p;
            p += 1 + descriptors.size(e);
        }
        columns = p;
        energyRow = new double[p];
    }

    /**
     * Adds the rows of one structure: its energy row to {@code energy}, its force rows (if it has
     * forces and {@code force} is not null) to {@code force}, and its descriptors to {@code stats}
     * (if not null).
     */
    void add(LabelledStructure st, NormalEquations energy, NormalEquations force, DescriptorStatistics stats) {
        AtomicSystem s = st.frame().system;
        int n = s.size(), p = columns;
        double[] f = force == null ? null : st.forces();
        boolean derivatives = f != null;
        AtomElements atoms = descriptors.bind(s);
        DescriptorWorkspace w = workspace;
        DerivativeLayout layout = descriptors.layout();
        search.build(s.x, n, s.cell(), descriptors.cutoff(), NeighborList.Kind.FULL, list);
        Arrays.fill(energyRow, 0.0);
        if (derivatives) {
            if (forceRows.length < 3 * n * p) forceRows = new double[Math.max(3 * n * p, 2 * forceRows.length)];
            Arrays.fill(forceRows, 0, 3 * n * p, 0.0);
        }
        double target = st.energy();
        for (int i = 0; i < n; i++) {
            int ns = derivatives ? w.describeWithDerivatives(list, atoms, i) : w.describe(list, atoms, i);
            int e = w.element(), o = offset[e] + 1;
            double[] g = w.values();
            target -= reference[e];
            energyRow[o - 1] += 1.0;
            for (int k = 0; k < ns; k++) energyRow[o + k] += g[k];
            if (stats != null) stats.add(e, g);
            if (!derivatives) continue;
            // −∂G_k/∂x: neighbour j gets −∂G/∂δ_q, the centre i gets +∂G/∂δ_q (compact rows: only
            // the functions a neighbour of that element can change)
            int m = w.neighborCount();
            double[] dg = w.derivativeRows(), rows = forceRows;
            int[] nbAtoms = w.neighborAtoms(), nbElements = w.neighborElements();
            for (int q = 0, at = 0; q < m; q++) {
                int[] fs = layout.rowFunctions(e, nbElements[q]);
                int len = fs.length;
                int rj = 3 * nbAtoms[q] * p + o, ri = 3 * i * p + o;
                for (int d = 0; d < 3; d++, rj += p, ri += p, at += len) {
                    for (int k = 0; k < len; k++) {
                        double v = dg[at + k];
                        rows[rj + fs[k]] -= v;
                        rows[ri + fs[k]] += v;
                    }
                }
            }
        }
        double inv = 1.0 / n;
        for (int k = 0; k < p; k++) energyRow[k] *= inv;
        energy.addRow(energyRow, 0, target * inv);
        if (derivatives) {
            for (int r = 0; r < 3 * n; r++) force.addRow(forceRows, r * p, f[r]);
        }
    }
}
