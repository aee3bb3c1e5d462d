package org.jmd.potentials;

import org.jmd.engine.AtomBlocks;
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

    /** Atoms in fixed blocks over the team; each pair's force goes to its gradient slot ({@link PairGradients}). */
    private final class Workspace implements ForceWorkspace {
        private final ThreadTeam team;
        private final PairGradients pairs = new PairGradients();
        private double[] blockEnergy = new double[0];

        Workspace(ThreadTeam team) { this.team = team; }

        @Override public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out) {
            final int n = system.size(), blocks = AtomBlocks.count(n);
            final boolean perAtom = (want & ForceResult.ATOM_ENERGIES) != 0;
            if (blockEnergy.length < blocks) blockEnergy = new double[blocks];
            final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
            final double[] x = system.x, sh = list.shiftArray(), g = pairs.gradients(list), share = perAtom ? pairs.shares(list) : null;
            final double[] ea = perAtom ? out.atomEnergies : null, be = blockEnergy;
            final double rc2 = cutoff * cutoff, s2 = sigma * sigma, eps4 = 4 * epsilon, eps24 = 24 * epsilon;
            team.run(blocks, (b, worker) -> {
                double e = 0;
                for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                    double ei = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                    for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                        int j = nb[p], k = 3 * img[p];
                        double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 >= rc2) {
                            g[3 * p] = 0; g[3 * p + 1] = 0; g[3 * p + 2] = 0;
                            if (share != null) share[p] = 0;
                            continue;
                        }
                        double sr2 = s2 / r2, sr6 = sr2 * sr2 * sr2;
                        double pairEnergy = eps4 * (sr6 * sr6 - sr6) - shift;
                        // ∂E/∂δ = (dE/dr) δ/r = −24ε(2 sr¹² − sr⁶)/r² · δ
                        double gr = -eps24 * (2 * sr6 * sr6 - sr6) / r2;
                        g[3 * p] = gr * dx; g[3 * p + 1] = gr * dy; g[3 * p + 2] = gr * dz;
                        e += pairEnergy;
                        ei += 0.5 * pairEnergy;
                        if (share != null) share[p] = 0.5 * pairEnergy;
                    }
                    if (ea != null) ea[i] = ei;
                }
                be[b] = e;
            });
            double energy = 0;
            for (int b = 0; b < blocks; b++) energy += be[b];
            out.energy += energy;
            pairs.reduce(list, x, n, team, out.forces, (want & ForceResult.VIRIAL) != 0 ? out.virial : null, ea);
        }
    }

    @Override public String describe() {
        return "lj epsilon=" + epsilon + " sigma=" + sigma + " cutoff=" + cutoff;
    }
}
