package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * The one force interface every model implements: classical potentials, neural networks, linear
 * models, committees. A potential is the model — parameters read once, immutable, shared by every
 * thread and every caller; evaluation happens in a {@link ForceWorkspace} made from it, which
 * holds the scratch buffers. Integrators and optimizers never know which model they drive.
 *
 * <p>Implementations must not allocate per call in their hot loops, and must give the same bits
 * for any size of the workspace's {@link ThreadTeam} (split atoms in {@link AtomBlocks}, reduce
 * in block order, e.g. with {@link PairGradients}).
 */
public interface Potential {
    /** Interaction range in Å. Zero means the potential needs no neighbor list. */
    double cutoff();

    /** Half lists visit each pair once (pair potentials); full lists suit many-body terms. */
    NeighborList.Kind neighborKind();

    /** A new workspace that computes with up to {@code team.size()} threads. Cheap: no files are read. */
    ForceWorkspace workspace(ThreadTeam team);

    /** A one-line description for logs and output headers. */
    default String describe() { return getClass().getSimpleName(); }
}
