package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * Runs a site-energy kernel — E = Σ_i E_i, each E_i a function of atom i's neighbor
 * displacements (neural networks, linear and PLIP models) — on a team, deterministically. The
 * kernel gives E_i and g_p = ∂E_i/∂δ_p for the pairs of atom i; this class adds F_i += Σ_p g_p,
 * the virial −δ_p ⊗ g_p and E_i for the atoms of each fixed block, reduces the blocks in order
 * ({@link BlockSums}) and gathers what the neighbors receive ({@link PairGradients}): the same
 * bits for any number of threads.
 *
 * <p>One instance per workspace.
 */
public final class SiteEnergies {
    /** One atom's site energy: returns E_i and writes g_p for every pair p of atom i (zero for pairs it ignores). */
    @FunctionalInterface
    public interface Site {
        double atom(int i, int worker, double[] pairGradient);
    }

    private final ThreadTeam team;
    private final PairGradients pairs = new PairGradients();
    private final BlockSums sums = new BlockSums();
    private final BlockSums.Accumulator[] accumulators;

    public SiteEnergies(ThreadTeam team) {
        this.team = team;
        accumulators = new BlockSums.Accumulator[team.size()];
        for (int w = 0; w < accumulators.length; w++) accumulators[w] = new BlockSums.Accumulator();
    }

    public ThreadTeam team() { return team; }

    /** Evaluates every atom's site and adds energy, forces and, as {@code want} asks, virial and per-atom energies. */
    public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out, Site site) {
        final int n = system.size(), blocks = AtomBlocks.count(n);
        final boolean virial = (want & ForceResult.VIRIAL) != 0, perAtom = (want & ForceResult.ATOM_ENERGIES) != 0;
        sums.prepare(blocks);
        final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
        final double[] x = system.x, sh = list.shiftArray(), g = pairs.gradients(list), f = out.forces, ea = out.atomEnergies;
        team.run(blocks, (b, worker) -> {
            BlockSums.Accumulator acc = accumulators[worker];
            acc.clear();
            double energy = 0;
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                double e = site.atom(i, worker, g);
                energy += e;
                if (perAtom) ea[i] = e;
                double fx = 0, fy = 0, fz = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                    double gx = g[3 * p], gy = g[3 * p + 1], gz = g[3 * p + 2];
                    if (gx == 0 && gy == 0 && gz == 0) continue; // beyond the cutoff (the list has a skin)
                    fx += gx; fy += gy; fz += gz;
                    if (virial) {
                        int j = nb[p], k = 3 * img[p];
                        acc.addPair(x[3 * j] - xi + sh[k], x[3 * j + 1] - yi + sh[k + 1], x[3 * j + 2] - zi + sh[k + 2], gx, gy, gz);
                    }
                }
                f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
            }
            acc.energy = energy;
            acc.storeAs(sums, b);
        });
        sums.addTo(out, blocks, virial);
        pairs.gatherIncoming(list, n, team, f, null);
    }
}
