package org.jmd.potentials;

import org.jmd.engine.AtomBlocks;
import org.jmd.engine.BlockSums;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.PairGradients;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * Lennard-Jones 12-6, one parameter set for all species, truncated at the cutoff and shifted so
 * the energy is zero there (as ASE's LennardJones does by default and LAMMPS with
 * {@code pair_modify shift yes}). Forces are not shifted, so they jump to zero at the cutoff.
 */
public final class LennardJones implements Potential {
    private final double epsilon, sigma, cutoff, shift;

    public LennardJones(double epsilon, double sigma, double cutoff) {
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.cutoff = cutoff;
        double sr6 = Math.pow(sigma / cutoff, 6);
        this.shift = 4 * epsilon * (sr6 * sr6 - sr6);
    }

    @Override public double cutoff() { return cutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.HALF; }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new Workspace(team); }

    /** Atoms in fixed blocks over the team; what each pair pushes onto its neighbor goes through {@link PairGradients}. */
    private final class Workspace implements ForceWorkspace {
        private final ThreadTeam team;
        private final PairGradients pairs = new PairGradients();
        private final BlockSums sums = new BlockSums();
        private final BlockSums.Accumulator[] accumulators;

        Workspace(ThreadTeam team) {
            this.team = team;
            accumulators = new BlockSums.Accumulator[team.size()];
            for (int w = 0; w < accumulators.length; w++) accumulators[w] = new BlockSums.Accumulator();
        }

        @Override public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out) {
            final int n = system.size(), blocks = AtomBlocks.count(n);
            final boolean perAtom = (want & ForceResult.ATOM_ENERGIES) != 0, virial = (want & ForceResult.VIRIAL) != 0;
            sums.prepare(blocks);
            final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray(), slot = list.incomingSlots();
            final double[] x = system.x, sh = list.shiftArray(), g = pairs.gradients(list), share = perAtom ? pairs.shares(list) : null;
            final double[] ea = perAtom ? out.atomEnergies : null, f = out.forces;
            final double rc2 = cutoff * cutoff, s2 = sigma * sigma, eps4 = 4 * epsilon, eps24 = 24 * epsilon;
            team.run(blocks, (b, worker) -> {
                BlockSums.Accumulator acc = accumulators[worker];
                acc.clear();
                double e = 0;
                for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                    double ei = 0, fx = 0, fy = 0, fz = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                    for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                        int j = nb[p], k = 3 * img[p];
                        double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        int q = slot[p];
                        if (r2 >= rc2) {
                            g[3 * q] = 0; g[3 * q + 1] = 0; g[3 * q + 2] = 0;
                            if (share != null) share[q] = 0;
                            continue;
                        }
                        double sr2 = s2 / r2, sr6 = sr2 * sr2 * sr2;
                        double pairEnergy = eps4 * (sr6 * sr6 - sr6) - shift;
                        // ∂E/∂δ = (dE/dr) δ/r = −24ε(2 sr¹² − sr⁶)/r² · δ: +g on i, −g on j
                        double gr = -eps24 * (2 * sr6 * sr6 - sr6) / r2;
                        double gx = gr * dx, gy = gr * dy, gz = gr * dz;
                        g[3 * q] = gx; g[3 * q + 1] = gy; g[3 * q + 2] = gz;
                        fx += gx; fy += gy; fz += gz;
                        if (virial) acc.addPair(dx, dy, dz, gx, gy, gz);
                        e += pairEnergy;
                        ei += 0.5 * pairEnergy;
                        if (share != null) share[q] = 0.5 * pairEnergy;
                    }
                    f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
                    if (ea != null) ea[i] = ei;
                }
                acc.energy = e;
                acc.storeAs(sums, b);
            });
            sums.addTo(out, blocks, virial);
            pairs.gatherIncoming(list, n, team, f, ea);
        }
    }

    @Override public String describe() {
        return "lj epsilon=" + epsilon + " sigma=" + sigma + " cutoff=" + cutoff;
    }
}
