package org.jmd.engine;

import org.jmd.neighbor.NeighborList;
import org.jmd.neighbor.VerletList;

/**
 * Runs a {@link Potential} on a system: keeps the Verlet neighbor list (cutoff + skin, rebuilt
 * when an atom has moved more than half the skin) and the potential's workspace on a
 * {@link ThreadTeam}. Integrators, minimizers and single-point evaluation all go through one of
 * these; each caller thread needs its own (they share the potential).
 */
public final class ForceCalculator {
    /** Default skin in Å; LAMMPS's default for metal units is 2 Å, 1 Å rebuilds a little more often but lists are smaller. */
    public static final double DEFAULT_SKIN = 1.0;

    private final Potential potential;
    private ForceWorkspace workspace;
    private final VerletList verlet;
    private final NeighborList empty = new NeighborList();
    private long evaluations;

    /** With the default skin and the default team (all cores unless {@code --threads} said otherwise). */
    public ForceCalculator(Potential potential) { this(potential, DEFAULT_SKIN); }

    public ForceCalculator(Potential potential, double skin) { this(potential, skin, ThreadTeam.defaultTeam()); }

    public ForceCalculator(Potential potential, double skin, ThreadTeam team) {
        this.potential = potential;
        this.workspace = potential.workspace(team);
        this.verlet = potential.cutoff() > 0 ? new VerletList(potential.cutoff(), skin, potential.neighborKind()) : null;
    }

    public Potential potential() { return potential; }

    /** The neighbor list of the last {@link #compute} (pairs within cutoff + skin), e.g. for close-contact checks. */
    public NeighborList neighbors() { return verlet == null ? empty : verlet.list(); }

    /** Computes with another team from now on: a new workspace, the same neighbor list (so nothing else changes). */
    public void setTeam(ThreadTeam team) { this.workspace = potential.workspace(team); }

    /** The workspace, e.g. to ask a committee for its force spread ({@link Uncertainty}). */
    public ForceWorkspace workspace() { return workspace; }

    /** Evaluates everything (energy, forces, virial, per-atom energies) at the current positions and cell into {@code out}. */
    public void compute(AtomicSystem system, ForceResult out) { compute(system, ForceResult.ALL, out); }

    /** Evaluates forces and what {@code want} asks for ({@link ForceResult} flags) into {@code out}. */
    public void compute(AtomicSystem system, int want, ForceResult out) {
        NeighborList list = empty;
        if (verlet != null) {
            verlet.update(system.x, system.size(), system.cell());
            list = verlet.list();
        }
        out.reset(system.size());
        workspace.compute(system, list, want, out);
        out.setComputed(want);
        evaluations++;
    }

    /** Positions and cell of the last neighbor-list build (null if none), for exact restarts; see {@link VerletList#restore}. */
    public VerletList.Reference neighborReference() { return verlet == null ? null : verlet.reference(); }

    /** Rebuilds the neighbor list as it was at the saved build, so a restarted run continues bit for bit. */
    public void restoreNeighbors(VerletList.Reference reference, AtomicSystem system) {
        if (verlet != null && reference != null) verlet.restore(reference, system.size(), system.cell());
    }

    /** Forces a neighbor-list rebuild next time, e.g. after atoms were wrapped or replaced. */
    public void invalidateNeighbors() {
        if (verlet != null) verlet.invalidate();
    }

    public long evaluations() { return evaluations; }

    public long neighborBuilds() { return verlet == null ? 0 : verlet.builds(); }
}
