package org.jmd.potentials;

import java.util.function.Supplier;
import org.jmd.engine.AtomBlocks;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.BlockSums;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.PairGradients;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * The workspace of a many-body potential read from a LAMMPS parameter file (SW, Tersoff) whose
 * terms centred on atom i act only between i and its neighbors: atoms in fixed blocks over the
 * team, each atom's terms evaluated by one thread's {@link Kernel}, which adds i's force, the
 * energy and the virial and leaves the gradient of each of i's pairs for {@link PairGradients}
 * to hand to the neighbors (on one thread summed straight into the neighbors' incoming sums).
 * The same bits for any number of threads.
 */
final class CentredTerms implements ForceWorkspace {
    /** One thread's evaluation of the terms centred on one atom. */
    interface Kernel {
        /**
         * Adds the gradient g_p = ∂E/∂δ_p of the pairs of atom i it evaluates at {@code g[3 to[p]..]}
         * and, if {@code shares} is not null, the neighbors' energy shares at {@code shares[to[p]]}
         * and i's own share into {@code ea[i]} (through {@link #finishAtom}); adds i's force to
         * {@code f} and the energy (and, if {@code virial}, the virial) of the terms to {@code sums}.
         */
        void atom(int i, double[] x, int[] type, int[] elementOf, NeighborList list, int[] to, double[] g, double[] shares, double[] ea,
                  double[] f, boolean virial, BlockSums.Accumulator sums);
    }

    private final ThreadTeam team;
    private final ElementTriplets triplets;
    private final String style;
    private final Kernel[] kernels;
    private final BlockSums.Accumulator[] accumulators;
    private final PairGradients pairs = new PairGradients();
    private final BlockSums sums = new BlockSums();
    private int[] elementOf = new int[0];

    CentredTerms(ThreadTeam team, ElementTriplets triplets, String style, Supplier<Kernel> kernel) {
        this.team = team;
        this.triplets = triplets;
        this.style = style;
        kernels = new Kernel[team.size()];
        accumulators = new BlockSums.Accumulator[team.size()];
        for (int w = 0; w < kernels.length; w++) {
            kernels[w] = kernel.get();
            accumulators[w] = new BlockSums.Accumulator();
        }
    }

    @Override public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out) {
        elementOf = triplets.mapSpecies(system, elementOf, style);
        final int n = system.size(), blocks = AtomBlocks.count(n);
        final boolean perAtom = (want & ForceResult.ATOM_ENERGIES) != 0, virial = (want & ForceResult.VIRIAL) != 0;
        sums.prepare(blocks);
        final double[] ea = perAtom ? out.atomEnergies : null, f = out.forces, x = system.x;
        final int[] el = elementOf, type = system.type;
        final boolean direct = PairGradients.direct(team);
        final double[] g, share;
        final int[] to;
        if (direct) { // one thread: gradients summed per neighbor atom (the same bits, see PairGradients)
            g = pairs.incomingSums(n);
            share = perAtom ? pairs.incomingShares(n) : null;
            to = list.neighborArray();
        } else { // gradients per pair at its slot in the transpose, gathered afterwards
            g = pairs.gradients(list);
            share = perAtom ? pairs.shares(list) : null;
            // the transpose is built lazily and not thread-safe: clear() builds it before the kernels ask;
            // the kernels then write only the pairs within their cutoff
            pairs.clear(list, n, team, perAtom);
            to = list.incomingSlots();
        }
        team.run(blocks, (b, worker) -> {
            Kernel k = kernels[worker];
            BlockSums.Accumulator acc = accumulators[worker];
            acc.clear();
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) k.atom(i, x, type, el, list, to, g, share, ea, f, virial, acc);
            acc.storeAs(sums, b);
        });
        sums.addTo(out, blocks, virial);
        if (direct) pairs.subtractIncomingSums(n, f, ea);
        else pairs.gatherIncoming(list, n, team, f, ea);
    }

    /**
     * The common end of a kernel's atom: every force of the terms centred on atom i acts between i
     * and one of its ns neighbors within the cutoff (pair index pair[a], displacement delta[3a..],
     * force on the neighbor force[3a..], its energy share share[a]). A pair's gradient is minus the
     * force on the neighbor, added at {@code to[pair]} (its slot, zeroed before and written once,
     * or on one thread its neighbor's incoming sum), and i takes their sum.
     */
    static void finishAtom(int i, int ns, int[] pair, double[] delta, double[] force, double[] share, double selfShare, double energy,
                           int[] to, double[] g, double[] shares, double[] ea, double[] f, boolean virial, BlockSums.Accumulator sums) {
        double fix = 0, fiy = 0, fiz = 0;
        for (int a = 0; a < ns; a++) {
            int p = to[pair[a]];
            double gx = -force[3 * a], gy = -force[3 * a + 1], gz = -force[3 * a + 2];
            g[3 * p] += gx; g[3 * p + 1] += gy; g[3 * p + 2] += gz;
            fix += gx; fiy += gy; fiz += gz;
            if (virial) sums.addPair(delta[3 * a], delta[3 * a + 1], delta[3 * a + 2], gx, gy, gz);
            if (shares != null) shares[p] += share[a];
        }
        f[3 * i] += fix; f[3 * i + 1] += fiy; f[3 * i + 2] += fiz;
        if (ea != null) ea[i] = selfShare;
        sums.energy += energy;
    }
}
