package org.jmd.potentials.nnp;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.SiteEnergies;
import org.jmd.engine.ThreadTeam;
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
 * <p>The potential is immutable; a {@link #workspace} runs {@link #atom} over fixed atom blocks on
 * its team ({@link SiteEnergies}), one scratch per thread, with the same bits for any thread count.
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

    /** The symmetry functions (immutable, shareable). */
    public BehlerParrinelloDescriptors descriptors() { return model.descriptorSet; }

    /** Number of symmetry functions (network inputs) of an element. */
    public int symmetryFunctionCount(String symbol) {
        return model.descriptors[element(symbol)].size();
    }

    /** Layer widths of an element's network, inputs first and the output neuron (1) last. */
    public int[] layerWidths(String symbol) {
        NetworkShape net = model.shapes[element(symbol)];
        int[] w = new int[net.layers()];
        for (int l = 0; l < w.length; l++) w[l] = net.width(l);
        return w;
    }

    /** Activation letters of the layers after the input, as input.nn's global_activation_short ("t t l"). */
    public String activations() {
        NetworkShape net = model.shapes[0];
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
     * for pairs beyond the cutoff, which the list's skin includes), δ_p = x_j + shift − x_i.
     * The force on neighbour j is −g_p, on i +g_p, and the virial W −= δ_p ⊗ g_p. Writes nothing
     * else of pairGradient; allocates nothing once the scratch has grown.
     *
     * @param atoms   the system's elements from {@link #bind}
     * @param scratch this thread's {@link #scratch()}
     */
    public double atom(int i, NeighborList list, AtomElements atoms, N2p2Scratch scratch, double[] pairGradient) {
        DescriptorWorkspace w = scratch.descriptors;
        int ns = w.describe(list, atoms, i);
        return network(w, ns, scratch, pairGradient);
    }

    /** The network part of {@link #atom} on the descriptors w holds: scaling, forward pass, ∂E/∂G, contraction. */
    private double network(DescriptorWorkspace w, int ns, N2p2Scratch scratch, double[] pairGradient) {
        int e = w.element();
        Scaling.Table table = model.scalingTables[e];
        double[] g = w.values(), x = scratch.scaled;
        for (int s = 0; s < ns; s++) x[s] = table.apply(s, g[s]);
        NetworkPass pass = scratch.networks[e];
        double[] params = model.parameters[e];
        double energy = model.atomicEnergy(e, pass.forward(params, 0, x));
        double[] dEdG = scratch.dEdG, c = scratch.coefficient, factor = table.factor;
        pass.inputGradient(params, 0, dEdG);
        double energyFactor = model.energyFactor();
        for (int s = 0; s < ns; s++) c[s] = dEdG[s] * factor[s] * energyFactor;
        w.pairGradients(c, pairGradient);
        return energy;
    }

    /**
     * Whether another potential computes exactly this one's symmetry functions (elements, cutoff
     * type, definitions in order, length unit), so that a committee can describe each atom once
     * for both; their scaling and networks may differ.
     */
    public boolean sharesDescriptors(N2p2Potential other) {
        BehlerParrinelloDescriptors a = model.descriptorSet, b = other.model.descriptorSet;
        if (model.lengthScale != other.model.lengthScale || !a.cutoffType().equals(b.cutoffType())
                || !java.util.Arrays.equals(a.elements(), b.elements())) return false;
        for (int e = 0; e < a.elementCount(); e++) {
            if (a.size(e) != b.size(e)) return false;
            for (int f = 0; f < a.size(e); f++) if (!a.definition(e, f).equals(b.definition(e, f))) return false;
        }
        return true;
    }

    /**
     * Atom i under several potentials that {@link #sharesDescriptors share} their descriptors:
     * the symmetry functions are computed once (in the first scratch), then each member's scaling,
     * network and contraction give energies[k] and pairGradients[k] as {@link #atom} would.
     */
    public static void atoms(int i, NeighborList list, AtomElements atoms, N2p2Potential[] members, N2p2Scratch[] scratch,
                             double[] energies, double[][] pairGradients) {
        DescriptorWorkspace w = scratch[0].descriptors;
        int ns = w.describe(list, atoms, i);
        for (int k = 0; k < members.length; k++) energies[k] = members[k].network(w, ns, scratch[k], pairGradients[k]);
    }

    /** One scratch per thread of the team; the system's element map is shared by them and kept while the system's atoms stay the same. */
    @Override public ForceWorkspace workspace(ThreadTeam team) {
        SiteEnergies sites = new SiteEnergies(team);
        N2p2Scratch[] scratch = new N2p2Scratch[team.size()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = scratch();
        AtomElements[] bound = new AtomElements[1];
        return (system, list, want, out) -> {
            if (bound[0] == null || !bound[0].describes(system)) bound[0] = bind(system);
            AtomElements atoms = bound[0];
            sites.compute(system, list, want, out, (i, worker, g) -> atom(i, list, atoms, scratch[worker], g));
        };
    }
}
