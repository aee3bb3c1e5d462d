package org.jmd.analysis;

import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;

/**
 * Every neighbor within a cutoff, from both sides (a full list), periodic images included: a
 * cutoff longer than half the cell counts an atom's own images too, as a sphere around it in
 * the infinite crystal would. The search and list keep their buffers between frames.
 */
final class Neighbors {
    private final double cutoff;
    private final CellListSearch search = new CellListSearch();
    private final NeighborList list = new NeighborList();

    Neighbors(double cutoff) {
        if (!(cutoff > 0)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        this.cutoff = cutoff;
    }

    double cutoff() { return cutoff; }

    /** The list for the system's current positions and cell; pairs may lie a little beyond the cutoff. */
    NeighborList of(AtomicSystem s) {
        search.build(s.x, s.size(), s.cell(), cutoff, NeighborList.Kind.FULL, list);
        return list;
    }
}
