package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * What a {@link Potential} uses while computing: scratch buffers and per-thread state for one
 * caller, made cheaply from the model (no file is read again). A workspace is used by one thread
 * at a time, which may hand its atoms to the workspace's {@link ThreadTeam}. Results that refer
 * to the last evaluation (e.g. a committee's force spread, see {@link Uncertainty}) live here.
 */
public interface ForceWorkspace {
    /**
     * Adds forces (always) and, as {@code want} asks (the {@link ForceResult} flags, like
     * LAMMPS's eflag/vflag), the energy, virial and per-atom energies of the system into
     * {@code out}, which the caller has reset. It may compute more than asked, never less; forces
     * are the same bits whatever is asked and whatever the team's size.
     *
     * <p>The neighbor list holds every pair closer than the potential's cutoff (it may hold more:
     * lists are built with a skin, so test r &lt; cutoff), with up-to-date displacements, of the
     * kind the potential asks for.
     */
    void compute(AtomicSystem system, NeighborList neighbors, int want, ForceResult out);
}
