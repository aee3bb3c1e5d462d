package org.jmd.potentials.committee;

import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.SiteEnergies;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.Uncertainty;
import org.jmd.neighbor.NeighborList;
import org.jmd.neighbor.VerletList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.N2p2Potential;
import org.jmd.potentials.nnp.N2p2Scratch;

/**
 * The mean of K models: energy, forces, virial and per-atom energies averaged over the members,
 * and, per atom, the force spread σ_i = sqrt( (1/K) Σ_k |F_i^(k) − F̄_i|² ), the standard
 * deviation of the force vector across members (the "max_devi_f" of DeePMD-kit's model
 * deviation is max_i σ_i). Being a mean of potentials, its forces are exactly the negative
 * gradient of its energy.
 *
 * <p>Members share the neighbor list the engine builds for the committee (largest cutoff, full
 * list if any member needs one) when their list kind matches; a member that needs a half list in
 * a committee with a full one keeps its own Verlet list.
 */
public final class CommitteePotential implements Potential {
    private final List<Potential> members;
    private final double cutoff;
    private final NeighborList.Kind kind;
    private final String description;

    public CommitteePotential(List<Potential> members, String description) {
        if (members.isEmpty()) throw new IllegalArgumentException("a committee needs at least one member");
        this.members = List.copyOf(members);
        this.description = description;
        double rc = 0;
        boolean full = false;
        for (Potential p : members) {
            rc = Math.max(rc, p.cutoff());
            full |= p.cutoff() > 0 && p.neighborKind() == NeighborList.Kind.FULL;
        }
        cutoff = rc;
        kind = full ? NeighborList.Kind.FULL : NeighborList.Kind.HALF;
    }

    public List<Potential> members() { return members; }

    /** Whether the members are neural networks with the same symmetry functions, evaluated in one sweep that describes each atom once. */
    public boolean sharesDescriptors() { return sharedDescriptors() != null; }

    @Override public double cutoff() { return cutoff; }

    @Override public NeighborList.Kind neighborKind() { return kind; }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new Workspace(team); }

    @Override public String describe() { return description; }

    /** The members as neural networks if all of them are and they share their symmetry functions, else null. */
    private N2p2Potential[] sharedDescriptors() {
        N2p2Potential[] nets = new N2p2Potential[members.size()];
        for (int k = 0; k < nets.length; k++) {
            if (!(members.get(k) instanceof N2p2Potential p)) return null;
            nets[k] = p;
            if (!nets[0].sharesDescriptors(p)) return null;
        }
        return nets;
    }

    /**
     * The members' workspaces (each threaded on the same team), their results, and the spread of
     * the last evaluation. Neural-network members with the same symmetry functions (a committee
     * trained from one deck) are evaluated in one sweep that computes each atom's descriptors once.
     */
    private final class Workspace implements ForceWorkspace, Uncertainty {
        private final ForceWorkspace[] memberWorkspaces;
        private final VerletList[] ownLists;
        private final ForceResult[] memberResults;
        private double[] spread = new double[0];
        private double maxSpread = Double.NaN;
        // the shared-descriptor sweep, when every member allows it
        private final N2p2Potential[] networks;
        private final SiteEnergies sweep;
        private final N2p2Scratch[][] scratch; // [worker][member]
        private AtomElements bound;

        Workspace(ThreadTeam team) {
            int m = members.size();
            networks = sharedDescriptors();
            sweep = networks == null ? null : new SiteEnergies(team, m);
            scratch = networks == null ? null : new N2p2Scratch[team.size()][m];
            if (networks != null) for (N2p2Scratch[] row : scratch) for (int k = 0; k < m; k++) row[k] = networks[k].scratch();
            memberWorkspaces = new ForceWorkspace[m];
            ownLists = new VerletList[m];
            memberResults = new ForceResult[m];
            for (int k = 0; k < m; k++) {
                Potential p = members.get(k);
                memberWorkspaces[k] = p.workspace(team);
                if (p.cutoff() > 0 && p.neighborKind() != kind) ownLists[k] = new VerletList(p.cutoff(), 1.0, p.neighborKind());
                memberResults[k] = new ForceResult();
            }
        }

        @Override public void compute(AtomicSystem system, NeighborList neighbors, int want, ForceResult out) {
            int n = system.size(), m = members.size();
            boolean atomEnergies = (want & ForceResult.ATOM_ENERGIES) != 0;
            if (networks != null) {
                for (ForceResult r : memberResults) r.reset(n);
                if (bound == null || !bound.describes(system)) bound = networks[0].bind(system);
                AtomElements atoms = bound;
                sweep.compute(system, neighbors, want, memberResults,
                        (i, worker, e, g) -> N2p2Potential.atoms(i, neighbors, atoms, networks, scratch[worker], e, g));
            }
            for (int k = 0; k < m && networks == null; k++) {
                ForceResult r = memberResults[k];
                r.reset(n);
                NeighborList list = neighbors;
                if (ownLists[k] != null) {
                    ownLists[k].update(system.x, n, system.cell());
                    list = ownLists[k].list();
                }
                memberWorkspaces[k].compute(system, list, want, r);
            }
            double inv = 1.0 / m;
            double[] f = out.forces, w = out.virial, ea = out.atomEnergies;
            for (int k = 0; k < m; k++) {
                ForceResult r = memberResults[k];
                out.energy += r.energy * inv;
                for (int c = 0; c < 3 * n; c++) f[c] += r.forces[c] * inv;
                for (int c = 0; c < 9; c++) w[c] += r.virial[c] * inv;
                if (atomEnergies) for (int i = 0; i < n; i++) ea[i] += r.atomEnergies[i] * inv;
            }
            // the mean above is complete before the spread, which measures deviations from it
            if (spread.length != n) spread = new double[n];
            double max = 0;
            for (int i = 0; i < n; i++) {
                double s2 = 0;
                for (int k = 0; k < m; k++) {
                    double[] fk = memberResults[k].forces;
                    double dx = fk[3 * i] - f[3 * i], dy = fk[3 * i + 1] - f[3 * i + 1], dz = fk[3 * i + 2] - f[3 * i + 2];
                    s2 += dx * dx + dy * dy + dz * dz;
                }
                spread[i] = Math.sqrt(s2 * inv);
                if (!(spread[i] <= max)) max = spread[i]; // NaN propagates
            }
            maxSpread = max;
        }

        @Override public double maxForceSpread() { return maxSpread; }

        @Override public double[] forceSpread() { return spread; }
    }
}
