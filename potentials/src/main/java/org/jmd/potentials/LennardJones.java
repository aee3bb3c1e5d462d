package org.jmd.potentials;

import org.jmd.engine.ForceWorkspace;
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

    @Override public ForceWorkspace workspace(ThreadTeam team) {
        PairTerms terms = new PairTerms(team, Pair::new);
        return (system, list, want, out) -> terms.compute(system, list, want, out, cutoff);
    }

    /** The 12-6 term of one pair. */
    private final class Pair implements PairTerms.Pair {
        private final double s2 = sigma * sigma, eps4 = 4 * epsilon, eps24 = 24 * epsilon;
        private double slope;

        @Override public double energy(int j, double r2) {
            // one division per pair (as LAMMPS's lj/cut): it costs as much as the rest of the term
            double r2inv = 1 / r2, sr2 = s2 * r2inv, sr6 = sr2 * sr2 * sr2;
            // (dE/dr)/r = −24ε(2 sr¹² − sr⁶)/r²
            slope = -eps24 * (2 * sr6 * sr6 - sr6) * r2inv;
            return eps4 * (sr6 * sr6 - sr6) - shift;
        }

        @Override public double slope() { return slope; }

        @Override public double slopeOnly(int j, double r2) {
            double r2inv = 1 / r2, sr2 = s2 * r2inv, sr6 = sr2 * sr2 * sr2;
            return -eps24 * (2 * sr6 * sr6 - sr6) * r2inv; // as in energy(), to the bit
        }
    }

    @Override public String describe() {
        return "lj epsilon=" + epsilon + " sigma=" + sigma + " cutoff=" + cutoff;
    }
}
