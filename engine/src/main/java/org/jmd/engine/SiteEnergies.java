package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * Runs site-energy kernels — E = Σ_i E_i, each E_i a function of atom i's neighbor
 * displacements (neural networks, linear and PLIP models) — on a team, deterministically. The
 * kernel gives E_i and g_p = ∂E_i/∂δ_p for the pairs of atom i; this class adds F_i += Σ_p g_p,
 * the virial −δ_p ⊗ g_p and E_i for the atoms of each fixed block, reduces the blocks in order
 * ({@link BlockSums}) and gathers what the neighbors receive ({@link PairGradients}): the same
 * bits for any number of threads.
 *
 * <p>Several models can be evaluated in one sweep ({@link Sites}): committee members that share
 * their descriptors compute them once per atom and each member's results go to its own
 * {@link ForceResult}.
 *
 * <p>One instance per workspace.
 */
public final class SiteEnergies {
    /** One atom's site energy: returns E_i and writes g_p for every pair p of atom i (zero for pairs it ignores). */
    @FunctionalInterface
    public interface Site {
        double atom(int i, int worker, double[] pairGradient);
    }

    /** The site energies of one atom under several models: energies[k] and g_p into pairGradients[k]. */
    @FunctionalInterface
    public interface Sites {
        void atom(int i, int worker, double[] energies, double[][] pairGradients);
    }

    private final ThreadTeam team;
    private final int models;
    private final PairGradients[] pairs;
    private final BlockSums[] sums;
    private final BlockSums.Accumulator[][] accumulators; // [worker][model]
    private final double[][] energies;                    // [worker][model]
    private final double[][] gradients;                   // [model], this call's slot-ordered buffers for the gather
    private final double[][] kernelGradients;             // [model], what the kernels write, in pair order
    private final ForceResult[] single = new ForceResult[1];

    public SiteEnergies(ThreadTeam team) { this(team, 1); }

    public SiteEnergies(ThreadTeam team, int models) {
        this.team = team;
        this.models = models;
        pairs = new PairGradients[models];
        sums = new BlockSums[models];
        for (int k = 0; k < models; k++) {
            pairs[k] = new PairGradients();
            sums[k] = new BlockSums();
        }
        accumulators = new BlockSums.Accumulator[team.size()][models];
        energies = new double[team.size()][models];
        for (BlockSums.Accumulator[] a : accumulators) for (int k = 0; k < models; k++) a[k] = new BlockSums.Accumulator();
        gradients = new double[models][];
        kernelGradients = new double[models][0];
    }

    public ThreadTeam team() { return team; }

    /** Evaluates every atom's site and adds energy, forces and, as {@code want} asks, virial and per-atom energies. */
    public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out, Site site) {
        if (models != 1) throw new IllegalStateException("this instance evaluates " + models + " models at once");
        single[0] = out;
        compute(system, list, want, single, (i, worker, e, g) -> e[0] = site.atom(i, worker, g[0]));
    }

    /** The same for several models at once, model k's results added to {@code outs[k]}. */
    public void compute(AtomicSystem system, NeighborList list, int want, ForceResult[] outs, Sites site) {
        final int n = system.size(), blocks = AtomBlocks.count(n), m = models;
        final boolean virial = (want & ForceResult.VIRIAL) != 0, perAtom = (want & ForceResult.ATOM_ENERGIES) != 0;
        for (int k = 0; k < m; k++) {
            sums[k].prepare(blocks);
            gradients[k] = pairs[k].gradients(list);
            if (kernelGradients[k].length < 3 * list.pairCount()) kernelGradients[k] = new double[gradients[k].length];
        }
        final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray(), slot = list.incomingSlots();
        final double[] x = system.x, sh = list.shiftArray();
        final double[][] g = kernelGradients, gs = gradients;
        team.run(blocks, (b, worker) -> {
            BlockSums.Accumulator[] acc = accumulators[worker];
            double[] e = energies[worker];
            for (int k = 0; k < m; k++) acc[k].clear();
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                site.atom(i, worker, e, g);
                double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                for (int k = 0; k < m; k++) {
                    double[] gk = g[k], gsk = gs[k];
                    acc[k].energy += e[k];
                    if (perAtom) outs[k].atomEnergies[i] = e[k];
                    double fx = 0, fy = 0, fz = 0;
                    for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                        double gx = gk[3 * p], gy = gk[3 * p + 1], gz = gk[3 * p + 2];
                        int q = 3 * slot[p];
                        gsk[q] = gx; gsk[q + 1] = gy; gsk[q + 2] = gz;
                        if (gx == 0 && gy == 0 && gz == 0) continue; // beyond the cutoff (the list has a skin)
                        fx += gx; fy += gy; fz += gz;
                        if (virial) {
                            int j = nb[p], s = 3 * img[p];
                            acc[k].addPair(x[3 * j] - xi + sh[s], x[3 * j + 1] - yi + sh[s + 1], x[3 * j + 2] - zi + sh[s + 2], gx, gy, gz);
                        }
                    }
                    double[] f = outs[k].forces;
                    f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
                }
            }
            for (int k = 0; k < m; k++) acc[k].storeAs(sums[k], b);
        });
        for (int k = 0; k < m; k++) {
            sums[k].addTo(outs[k], blocks, virial);
            pairs[k].gatherIncoming(list, n, team, outs[k].forces, null);
        }
    }
}
