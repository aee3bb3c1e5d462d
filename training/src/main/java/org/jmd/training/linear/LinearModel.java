package org.jmd.training.linear;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DescriptorWorkspace;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;

/**
 * A fitted linear model on Behler–Parrinello descriptors: the energy of an atom of element Z is
 * E_ref(Z) + b_Z + w_Z · G (raw, unscaled G). It evaluates itself (the trainer's own prediction)
 * and saves as an n2p2 directory whose network is inputs → one linear hidden node → linear output,
 * so that {@code potential nnp DIR} and LAMMPS {@code pair_style hdnnp} compute the same numbers.
 *
 * <p>Saved scaling is n2p2's scale + center with the range [0, 1]: x = (G − mean)/(max − min), so
 * the input weights are a = w·(max − min) and the output bias b + w·mean; atom_energy holds
 * E_ref(Z). Not thread-safe (it reuses its descriptor buffers).
 */
public final class LinearModel {
    private final BehlerParrinelloDescriptors descriptors;
    private final double[] reference, bias;
    private final double[][] weight, min, max, mean, sigma;
    private final NeighborList list = new NeighborList();
    private final CellListSearch search = new CellListSearch();
    private DescriptorWorkspace workspace;

    /** All arrays per element in descriptor order; functions as in {@code descriptors}. */
    LinearModel(BehlerParrinelloDescriptors descriptors, double[] reference, double[] bias, double[][] weight,
                double[][] min, double[][] max, double[][] mean, double[][] sigma) {
        this.descriptors = descriptors;
        this.reference = reference;
        this.bias = bias;
        this.weight = weight;
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.sigma = sigma;
    }

    public BehlerParrinelloDescriptors descriptors() { return descriptors; }

    public String[] elements() { return descriptors.elements(); }

    /** b_Z of an element (eV), on top of its reference energy. */
    public double bias(String element) { return bias[index(element)]; }

    /** w_Z on the raw symmetry functions of an element, in n2p2 order (eV per unit of G). */
    public double[] weights(String element) { return weight[index(element)].clone(); }

    /** Reference energy E_ref(Z) (eV) saved as n2p2 atom_energy. */
    public double referenceEnergy(String element) { return reference[index(element)]; }

    private int index(String element) {
        int e = descriptors.elementIndex(element);
        if (e < 0) throw new IllegalArgumentException("element " + element + " is not in the model");
        return e;
    }

    /** Total energy (eV) and, if {@code forces} is not null, forces (eV/Å) into it (3N, overwritten). */
    public double energy(AtomicSystem s, double[] forces) {
        int n = s.size();
        AtomElements atoms = descriptors.bind(s);
        if (workspace == null) workspace = descriptors.workspace();
        DescriptorWorkspace w = workspace;
        search.build(s.x, n, s.cell(), descriptors.cutoff(), NeighborList.Kind.FULL, list);
        if (forces != null) java.util.Arrays.fill(forces, 0, 3 * n, 0.0);
        double energy = 0;
        for (int i = 0; i < n; i++) {
            int ns = w.describe(list, atoms, i);
            int e = w.element();
            double[] g = w.values(), we = weight[e];
            double ei = reference[e] + bias[e];
            for (int k = 0; k < ns; k++) ei += we[k] * g[k];
            energy += ei;
            if (forces == null) continue;
            // ∂E_i/∂G = w: the kernel contracts it with ∂G/∂δ_p directly
            double[] gp = w.neighborGradients(we);
            int[] nb = w.neighborAtoms();
            for (int q = 0; q < w.neighborCount(); q++)
                for (int d = 0; d < 3; d++) {
                    forces[3 * nb[q] + d] -= gp[3 * q + d];
                    forces[3 * i + d] += gp[3 * q + d];
                }
        }
        return energy;
    }

    /** Writes the n2p2 directory (input.nn, scaling.data, weights.ZZZ.data). */
    public void write(Path dir, List<String> comments) {
        N2p2Writer writer = new N2p2Writer(descriptors).scaling(Scaling.SCALE_CENTER, 0.0, 1.0).network(new int[] {1}, "l l");
        writer.comment("Linear model on Behler-Parrinello symmetry functions: E_i = atom_energy(Z) + b_Z + w_Z . G_i,");
        writer.comment("stored as inputs -> 1 linear hidden node -> linear output (jmd 'potential linear DIR' or 'potential nnp DIR').");
        for (String c : comments) writer.comment(c);
        String[] el = descriptors.elements();
        for (int e = 0; e < el.length; e++) {
            int ns = descriptors.size(e);
            double[] a = new double[ns];
            double out = bias[e];
            for (int k = 0; k < ns; k++) {
                a[k] = weight[e][k] * (max[e][k] - min[e][k]);
                out += weight[e][k] * mean[e][k];
            }
            writer.statistics(el[e], min[e], max[e], mean[e], sigma[e])
                  .weights(el[e], new double[][] {a, {1.0}}, new double[][] {{0.0}, {out}})
                  .atomEnergy(el[e], reference[e]);
        }
        writer.write(dir);
    }
}
