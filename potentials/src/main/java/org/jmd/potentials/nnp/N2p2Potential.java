package org.jmd.potentials.nnp;

import java.nio.file.Path;
import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * A Behler–Parrinello neural-network potential in n2p2's format, evaluated like any other
 * {@link Potential}: E = Σ_i E_{Z_i}(G_i) with one network per element fed with the scaled
 * symmetry functions of the atom's neighbourhood.
 *
 * <p>Forces and virial come from one pass per atom: the descriptor kernel stores ∂G_s/∂δ_p for
 * every neighbour displacement δ_p, the network gives ∂E_i/∂G_s, and their contraction
 * g_p = ∂E_i/∂δ_p acts on neighbour j with −g_p and on atom i with +g_p; the virial is
 * W = −Σ_p δ_p ⊗ g_p (independent of wrapping). Per-atom energies sum to the total.
 *
 * <p>The potential is immutable; buffers live in its {@link Workspace}s, grown as needed and never
 * allocated per call.
 */
public final class N2p2Potential implements Potential {
    private final N2p2Model model;
    private final String description;

    /**
     * @param directory   n2p2 potential directory (input.nn, scaling.data, weights.ZZZ.data)
     * @param lengthScale length of the potential's unit in the caller's unit (Units.BOHR for a Bohr potential used in Å; 1 for none)
     * @param energyScale energy of the potential's unit in the caller's unit (Units.HARTREE for Hartree into eV; 1 for none)
     */
    public N2p2Potential(Path directory, double lengthScale, double energyScale, String description) {
        this.model = N2p2Model.load(directory, lengthScale, energyScale);
        this.description = description;
    }

    @Override public double cutoff() { return model.cutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    @Override public String describe() { return description; }

    /** Element symbols of the potential, in n2p2's order (by atomic number). */
    public String[] elements() { return model.symbols.clone(); }

    /** Number of symmetry functions (network inputs) of an element. */
    public int symmetryFunctionCount(String symbol) {
        return model.descriptors[element(symbol)].size();
    }

    /** Layer widths of an element's network, inputs first and the output neuron (1) last. */
    public int[] layerWidths(String symbol) {
        NeuralNetwork net = model.networks[element(symbol)];
        int[] w = new int[net.layers()];
        for (int l = 0; l < w.length; l++) w[l] = net.width(l);
        return w;
    }

    /** Activation letters of the layers after the input, as input.nn's global_activation_short ("t t l"). */
    public String activations() {
        NeuralNetwork net = model.networks[0];
        StringBuilder sb = new StringBuilder();
        for (int l = 1; l < net.layers(); l++) sb.append(l == 1 ? "" : " ").append(net.activation(l).code);
        return sb.toString();
    }

    private int element(String symbol) {
        Integer e = model.elementIndex.get(symbol);
        if (e == null) throw new IllegalArgumentException("no element " + symbol + " in this potential");
        return e;
    }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new Workspace(); }

    /**
     * One caller's buffers: descriptor kernel, network activations and contraction scratch; the
     * weights and scaling are the model's, shared read-only.
     */
    public final class Workspace implements ForceWorkspace {
        private final BehlerParrinelloDescriptors descriptors = model.descriptorSet.copy();
        private final NeuralNetwork[] networks = new NeuralNetwork[model.networks.length];
        private final double[] scaled, dEdG, coefficient;
        private double[] pairGradient = new double[0];
        private int lastElement = -1;

        Workspace() {
            for (int e = 0; e < networks.length; e++) networks[e] = model.networks[e].copy();
            int max = descriptors.maxSize();
            scaled = new double[max];
            dEdG = new double[max];
            coefficient = new double[max];
        }

        @Override public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out) {
            int n = system.size();
            descriptors.bind(system);
            double[] f = out.forces, w = out.virial;
            double[] ea = (want & ForceResult.ATOM_ENERGIES) != 0 ? out.atomEnergies : null;
            double energyFactor = model.energyFactor();
            double energy = 0;
            for (int i = 0; i < n; i++) {
                int ns = describe(list, i, true);
                int e = lastElement;
                NeuralNetwork net = networks[e];
                double atomEnergy = model.atomicEnergy(e, net.forward(scaled));
                energy += atomEnergy;
                if (ea != null) ea[i] = atomEnergy;
                net.inputGradient(dEdG);
                double[] factor = model.scalingTables[e].factor;
                for (int s = 0; s < ns; s++) coefficient[s] = dEdG[s] * factor[s] * energyFactor;

                // g_p = Σ_s c_s ∂G_s/∂δ_p, walking dg row by row for contiguous access
                int np = descriptors.neighborCount(), stride = 3 * np;
                double[] dg = descriptors.derivatives();
                if (pairGradient.length < stride) pairGradient = new double[Math.max(stride, 2 * pairGradient.length)];
                double[] gp = pairGradient;
                Arrays.fill(gp, 0, stride, 0.0);
                for (int s = 0; s < ns; s++) {
                    double c = coefficient[s];
                    if (c == 0.0) continue;
                    for (int k = 0, o = s * stride; k < stride; k++, o++) gp[k] += c * dg[o];
                }
                double[] d = descriptors.neighborDeltas();
                int[] nb = descriptors.neighborAtoms();
                for (int p = 0; p < np; p++) {
                    double gx = gp[3 * p], gy = gp[3 * p + 1], gz = gp[3 * p + 2];
                    int j = nb[p];
                    f[3 * j] -= gx; f[3 * j + 1] -= gy; f[3 * j + 2] -= gz;
                    f[3 * i] += gx; f[3 * i + 1] += gy; f[3 * i + 2] += gz;
                    double dx = d[3 * p], dy = d[3 * p + 1], dz = d[3 * p + 2];
                    w[0] -= dx * gx; w[1] -= dx * gy; w[2] -= dx * gz;
                    w[3] -= dy * gx; w[4] -= dy * gy; w[5] -= dy * gz;
                    w[6] -= dz * gx; w[7] -= dz * gy; w[8] -= dz * gz;
                }
            }
            out.energy += energy;
        }

        /**
         * Benchmark and inspection hook: the scaled symmetry functions of one atom (and, if asked, their
         * derivatives) into internal buffers. Returns the number of functions. Allocates nothing once
         * buffers have grown.
         */
        public int descriptors(AtomicSystem system, NeighborList list, int atom, boolean derivatives) {
            descriptors.bind(system);
            return describe(list, atom, derivatives);
        }

        /** Copy of the scaled symmetry functions of the last {@link #descriptors} call, in n2p2 order. */
        public double[] lastDescriptors() {
            return Arrays.copyOf(scaled, model.descriptors[lastElement].size());
        }

        /** Benchmark hook: network forward pass on the last descriptors, plus back-propagation if asked. */
        public double network(boolean backward) {
            NeuralNetwork net = networks[lastElement];
            double out = net.forward(scaled);
            if (backward) net.inputGradient(dEdG);
            return out;
        }

        private int describe(NeighborList list, int i, boolean derivatives) {
            int ns = descriptors.compute(list, i, derivatives);
            int e = descriptors.element();
            double[] g = descriptors.values();
            Scaling.Table t = model.scalingTables[e];
            for (int s = 0; s < ns; s++) scaled[s] = t.apply(s, g[s]);
            lastElement = e;
            return ns;
        }
    }
}
