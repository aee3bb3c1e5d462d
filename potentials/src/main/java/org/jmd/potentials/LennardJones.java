package org.jmd.potentials;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
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

    @Override public void compute(AtomicSystem system, NeighborList list, ForceResult out) {
        int n = system.size();
        int[] start = list.startArray(), nb = list.neighborArray();
        double[] d = list.deltaArray(), f = out.forces, w = out.virial, ea = out.atomEnergies;
        double rc2 = cutoff * cutoff, s2 = sigma * sigma, e = 0;
        for (int i = 0; i < n; i++) {
            for (int p = start[i]; p < start[i + 1]; p++) {
                double dx = d[3 * p], dy = d[3 * p + 1], dz = d[3 * p + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rc2) continue;
                int j = nb[p];
                double sr2 = s2 / r2, sr6 = sr2 * sr2 * sr2;
                double pairEnergy = 4 * epsilon * (sr6 * sr6 - sr6) - shift;
                // force on j along the displacement i->j: -dE/dr · r̂ = 24ε(2 sr¹² − sr⁶)/r² · d
                double fr = 24 * epsilon * (2 * sr6 * sr6 - sr6) / r2;
                double fx = fr * dx, fy = fr * dy, fz = fr * dz;
                f[3 * j] += fx; f[3 * j + 1] += fy; f[3 * j + 2] += fz;
                f[3 * i] -= fx; f[3 * i + 1] -= fy; f[3 * i + 2] -= fz;
                w[0] += dx * fx; w[1] += dx * fy; w[2] += dx * fz;
                w[3] += dy * fx; w[4] += dy * fy; w[5] += dy * fz;
                w[6] += dz * fx; w[7] += dz * fy; w[8] += dz * fz;
                e += pairEnergy;
                ea[i] += 0.5 * pairEnergy;
                ea[j] += 0.5 * pairEnergy;
            }
        }
        out.energy += e;
    }

    @Override public String describe() {
        return "lj epsilon=" + epsilon + " sigma=" + sigma + " cutoff=" + cutoff;
    }
}
