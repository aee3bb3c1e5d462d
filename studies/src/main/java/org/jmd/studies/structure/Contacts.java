package org.jmd.studies.structure;

import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;

/**
 * Distances between atoms of one structure, through the neighbour-list search: the shortest
 * one (to tell a structure whose atoms have fused) and each atom's nearest neighbour (typical bond
 * lengths). Coordination numbers are the analysis module's.
 */
public final class Contacts {
    private final NeighborList list = new NeighborList();
    private final CellListSearch search = new CellListSearch();
    private final double[] delta = new double[3];

    /** The shortest distance between two atoms (or an atom and its image) closer than {@code range} Å; +∞ if none. */
    public double shortest(AtomicSystem s, double range) {
        search.build(s.x, s.size(), s.cell(), range, NeighborList.Kind.HALF, list);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                list.displacement(s.x, i, p, delta);
                best = Math.min(best, Math.sqrt(delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2]));
            }
        }
        return best;
    }

    /** Each atom's nearest-neighbour distance within {@code range} Å (+∞ for an atom with none). */
    public double[] nearest(AtomicSystem s, double range) {
        search.build(s.x, s.size(), s.cell(), range, NeighborList.Kind.FULL, list);
        double[] d = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int p = list.start(i); p < list.end(i); p++) {
                list.displacement(s.x, i, p, delta);
                best = Math.min(best, Math.sqrt(delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2]));
            }
            d[i] = best;
        }
        return d;
    }
}
