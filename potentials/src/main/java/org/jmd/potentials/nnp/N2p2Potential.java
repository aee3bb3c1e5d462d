package org.jmd.potentials.nnp;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.neighbor.NeighborList;

/**
 * A Behler–Parrinello neural-network potential in n2p2's format, evaluated like any other
 * {@link Potential}: E = Σ_i E_{Z_i}(G_i) with one network per element fed with the scaled
 * symmetry functions of the atom's neighbourhood.
 *
 * <p>The per-atom kernel is {@link #atom}: it reads only the immutable model, the system's
 * {@link AtomElements} (from {@link #bind}, once per system) and one thread's {@link N2p2Scratch}
 * (from {@link #scratch()}), so threads can evaluate disjoint atoms at once. For atom i it returns
 * E_i and writes g_p = ∂E_i/∂δ_p for every pair p of i in the full neighbor list: the descriptors
 * are computed, the network gives c_s = ∂E_i/∂G_s, and the descriptor kernel contracts c with
 * ∂G_s/∂δ_p on the fly. g_p acts on neighbour j with −g_p and on atom i with +g_p; the virial is
 * W = −Σ_p δ_p ⊗ g_p (independent of wrapping). Per-atom energies sum to the total.
 *
 * <p>{@link #compute} is the serial loop over atoms on top of {@link #atom}; it keeps one scratch
 * in a field, so it is not thread-safe.
 */
public final class N2p2Potential implements Potential {
    private final N2p2Model model;
    private final String description;
    // for the serial compute(): made on first use, reused by later calls
    private N2p2Scratch serial;
    private AtomElements bound;
    private double[] pairGradient = new double[0];

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

    /** The symmetry functions (immutable, shareable). */
    public BehlerParrinelloDescriptors descriptors() { return model.descriptorSet; }

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

    /**
     * The element of every atom of a system, once per system (again if atom types change);
     * read-only, shared by all threads evaluating that system.
     *
     * @throws org.jmd.engine.InputException naming the first atom of an element the potential lacks
     */
    public AtomElements bind(AtomicSystem system) { return model.descriptorSet.bind(system); }

    /** A new scratch for one thread; cheap (arrays only, no file is read). */
    public N2p2Scratch scratch() { return new N2p2Scratch(model); }

    /**
     * Atomic energy E_i of atom i, and g_p = ∂E_i/∂δ_p into pairGradient[3p .. 3p+2] for every pair
     * p of atom i in the full neighbor list (p in [list.start(i), list.end(i)), CSR order; zero
     * for pairs beyond the cutoff, which the list's skin includes), δ_p = x_j + image·h − x_i.
     * The force on neighbour j is −g_p, on i +g_p, and the virial W −= δ_p ⊗ g_p. Writes nothing
     * else of pairGradient; allocates nothing once the scratch has grown.
     *
     * @param atoms   the system's elements from {@link #bind}
     * @param scratch this thread's {@link #scratch()}
     */
    public double atom(int i, NeighborList list, AtomElements atoms, N2p2Scratch scratch, double[] pairGradient) {
        DescriptorWorkspace w = scratch.descriptors;
        int ns = w.describe(list, atoms, i);
        int e = w.element();
        Scaling.Table table = model.scalingTables[e];
        double[] g = w.values(), x = scratch.scaled;
        for (int s = 0; s < ns; s++) x[s] = table.apply(s, g[s]);
        NeuralNetwork net = model.networks[e];
        NeuralNetwork.Activations a = scratch.activations[e];
        double energy = model.atomicEnergy(e, net.forward(x, a));
        double[] dEdG = scratch.dEdG, c = scratch.coefficient, factor = table.factor;
        net.inputGradient(a, dEdG);
        double energyFactor = model.energyFactor();
        for (int s = 0; s < ns; s++) c[s] = dEdG[s] * factor[s] * energyFactor;
        w.pairGradients(c, pairGradient);
        return energy;
    }

    @Override public void compute(AtomicSystem system, NeighborList list, ForceResult out) {
        int n = system.size();
        if (bound == null || !bound.describes(system)) bound = bind(system);
        AtomElements atoms = bound;
        if (serial == null) serial = scratch();
        if (pairGradient.length < 3 * list.pairCount()) pairGradient = new double[3 * list.pairCount()];
        double[] gp = pairGradient, f = out.forces, w = out.virial, d = list.deltaArray();
        double[] ea = out.atomEnergies.length == n ? out.atomEnergies : null;
        int[] nb = list.neighborArray();
        double energy = 0;
        for (int i = 0; i < n; i++) {
            double atomEnergy = atom(i, list, atoms, serial, gp);
            energy += atomEnergy;
            if (ea != null) ea[i] = atomEnergy;
            for (int p = list.start(i), end = list.end(i); p < end; p++) {
                double gx = gp[3 * p], gy = gp[3 * p + 1], gz = gp[3 * p + 2];
                if (gx == 0.0 && gy == 0.0 && gz == 0.0) continue;      // beyond the cutoff
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
}
