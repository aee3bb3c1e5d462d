package org.jmd.training.nnp;

import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.FiniteResults;
import org.jmd.engine.InputException;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DescriptorWorkspace;

/**
 * Computes the symmetry functions (and, for training, their derivatives) of many structures once,
 * through the public {@link BehlerParrinelloDescriptors} that {@code potential nnp} also uses, so
 * the trainer sees exactly the inputs the saved potential will compute. Structures are spread over
 * the workers of a {@link ThreadTeam}, each with its own descriptor workspace and neighbor search;
 * each structure is described on its own, so results do not depend on the number of threads.
 */
final class DescriptorCache {
    private final BehlerParrinelloDescriptors prototype;

    DescriptorCache(BehlerParrinelloDescriptors descriptors) { this.prototype = descriptors; }

    /** What to cache for one structure. */
    record Request(String name, AtomicSystem system, double energyPerAtom, int countedElement, double[] forces, boolean derivatives) {}

    List<CachedStructure> describe(List<Request> requests, int threads) {
        CachedStructure[] out = new CachedStructure[requests.size()];
        ThreadTeam team = ThreadTeam.of(Math.max(1, Math.min(threads, requests.size())));
        Worker[] workers = new Worker[team.size()];
        for (int w = 0; w < workers.length; w++) workers[w] = new Worker(prototype);
        team.run(out.length, (k, w) -> out[k] = workers[w].describe(requests.get(k)));
        return List.of(out);
    }

    /**
     * A network cannot be fitted to a NaN or infinite input (atoms on top of each other make some
     * symmetry functions so): an error naming the structure, the atom and the closest pair.
     */
    private static void requireFinite(Request r, int atom, double[] g, int count, String what) {
        for (int k = 0; k < count; k++) {
            if (!Double.isFinite(g[k])) {
                AtomicSystem s = r.system();
                throw new InputException(r.name() + ": a " + what + " of atom " + (atom + 1) + " (" + s.symbol(atom)
                        + ") is " + g[k] + "; " + FiniteResults.closestPair(s));
            }
        }
    }

    /** One thread's descriptor workspace and neighbor search. */
    private static final class Worker {
        private final BehlerParrinelloDescriptors d;
        private final DescriptorWorkspace w;
        private final CellListSearch search = new CellListSearch();
        private final NeighborList list = new NeighborList();

        Worker(BehlerParrinelloDescriptors d) {
            this.d = d;
            this.w = d.workspace();
        }

        CachedStructure describe(Request r) {
            AtomicSystem s = r.system();
            AtomElements atoms = d.bind(s);
            int n = s.size();
            int[] element = new int[n];
            for (int i = 0; i < n; i++) element[i] = atoms.element(i);
            search.build(s.x, n, s.cell(), d.cutoff(), NeighborList.Kind.FULL, list);
            CachedStructure c = new CachedStructure(r.name(), element, r.energyPerAtom(), r.countedElement(), r.forces(),
                    r.derivatives(), d.layout());
            for (int i = 0; i < n; i++) {
                if (r.derivatives()) {
                    int ns = w.describeWithDerivatives(list, atoms, i);
                    c.add(w.values(), ns, w.neighborAtoms(), w.neighborElements(), w.neighborCount(), w.derivativeRows(),
                            w.derivativeRowsLength());
                } else {
                    int ns = w.describe(list, atoms, i);
                    c.add(w.values(), ns, null, null, 0, null, 0);
                }
                requireFinite(r, i, w.values(), d.size(atoms.element(i)), "symmetry function");
                if (r.derivatives()) requireFinite(r, i, w.derivativeRows(), w.derivativeRowsLength(), "symmetry-function derivative");
            }
            return c.seal();
        }
    }
}
