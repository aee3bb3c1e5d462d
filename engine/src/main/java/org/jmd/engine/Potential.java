package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * The one force interface every model implements: classical potentials, neural networks, linear
 * models. One call computes everything an MD step or a minimizer needs, into caller-owned
 * buffers, so integrators and optimizers never know which model they drive.
 *
 * <p>Contract: {@link #compute} adds nothing to the result that it did not compute; the engine
 * calls {@link ForceResult#reset} first. The neighbor list holds every pair closer than
 * {@link #cutoff()} (it may hold more: lists are built with a skin, so test r &lt; cutoff), with
 * up-to-date displacements, of the kind {@link #neighborKind()} asks for.
 * Implementations must not allocate per call in their hot loops.
 */
public interface Potential {
    /** Interaction range in Å. Zero means the potential needs no neighbor list. */
    double cutoff();

    /** Half lists visit each pair once (pair potentials); full lists suit many-body terms. */
    NeighborList.Kind neighborKind();

    /** Energy, forces, virial and (if {@link ForceResult#wantAtomEnergies()}) per-atom energies. */
    void compute(AtomicSystem system, NeighborList neighbors, ForceResult result);

    /** A one-line description for logs and output headers. */
    default String describe() { return getClass().getSimpleName(); }
}
