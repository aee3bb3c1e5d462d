package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The PLIP kernel against the definitions (a naive evaluation over explicit images) and against
 * itself: forces and virial by central differences, per-atom energies, invariances and supercells,
 * for one, two and three species, random triclinic cells, a cell smaller than the cutoff and a
 * cluster in vacuum.
 */
class PlipPotentialTest {
    static final String[][] SPECIES = {{"Si"}, {"Zn", "O"}, {"Si", "C", "Ge"}};

    /** Term by term: these tests compare with the definitions to 1e-10, finer than the tables (PlipTabulationTest). */
    static PlipPotential potential(String[] elements, long seed) {
        return new PlipPotential(SyntheticPlip.random(elements, seed), "synthetic", PlipKernel.Radial.EXACT);
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void energyMatchesTheDefinitions(int set) {
        String[] el = SPECIES[set];
        PlipPotential p = potential(el, 11 + set);
        for (long seed = 1; seed <= 2; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(el, 7, 18.0, 1.9, seed);
            double expected = NaivePlip.energy(p.model(), s);
            double got = Consistency.energy(p, s);
            assertEquals(expected, got, 1e-10 * Math.max(1, Math.abs(expected)), "energy vs naive definition, " + el.length + " species");
        }
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void forcesVirialAndInvariances(int set) {
        String[] el = SPECIES[set];
        PlipPotential p = potential(el, 21 + set);
        for (long seed = 1; seed <= 2; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(el, 9, 17.0, 1.9, seed);
            ForceResult r = Consistency.evaluate(p, s);
            double fmax = Math.max(1, r.maxForceComponent());
            double ferr = Consistency.maxForceError(p, s, 1e-5);
            double werr = Consistency.maxVirialError(p, s, 1e-6);
            assertTrue(ferr < 1e-7 * fmax, "force error " + ferr + " (max force " + fmax + ")");
            assertTrue(werr < 1e-6 * Math.max(1, Math.abs(r.energy)), "virial error " + werr);
            assertTrue(Consistency.atomEnergySumError(p, s) < 1e-10 * Math.max(1, Math.abs(r.energy)));
            assertTrue(Consistency.maxInvarianceError(p, s, seed) < 1e-9 * Math.max(1, Math.abs(r.energy)), "invariance");
            assertTrue(Consistency.supercellError(p, s) < 1e-9 * Math.max(1, Math.abs(r.energy)), "supercell");
        }
    }

    @Test void cellMuchSmallerThanTheCutoff() {
        // two atoms in a 2.6 Å triclinic cell: every neighbour is a periodic image, some of an atom itself
        String[] el = {"Zn", "O"};
        PlipPotential p = potential(el, 5);
        double[] h = {2.6, 0, 0, 0.4, 2.5, 0, -0.3, 0.5, 2.7};
        AtomicSystem s = new AtomicSystem(new Cell(h, new boolean[] {true, true, true}), el, new int[] {0, 1},
                new double[] {0.1, 0.2, 0.05, 1.4, 1.1, 1.5});
        double e = Consistency.energy(p, s);
        assertEquals(NaivePlip.energy(p.model(), s), e, 1e-10 * Math.abs(e));
        assertTrue(Consistency.maxForceError(p, s, 1e-5) < 1e-6);
        assertTrue(Consistency.maxVirialError(p, s, 1e-6) < 1e-5 * Math.abs(e));
        assertTrue(Consistency.supercellError(p, s) < 1e-9 * Math.abs(e));
    }

    @Test void clusterInVacuum() {
        String[] el = {"Si", "C", "Ge"};
        PlipPotential p = potential(el, 8);
        AtomicSystem periodic = Consistency.randomTriclinic(el, 8, 15.0, 2.0, 3);
        AtomicSystem s = new AtomicSystem(Cell.open(), periodic.speciesTable(), periodic.type, periodic.x);
        double e = Consistency.energy(p, s);
        assertEquals(NaivePlip.energy(p.model(), s), e, 1e-10 * Math.max(1, Math.abs(e)));
        assertTrue(Consistency.maxForceError(p, s, 1e-5) < 1e-7);
        assertTrue(Consistency.maxInvarianceError(p, s, 4) < 1e-10 * Math.max(1, Math.abs(e)));
        // no external force on an isolated cluster
        ForceResult r = Consistency.evaluate(p, s);
        for (int d = 0; d < 3; d++) {
            double sum = 0;
            for (int i = 0; i < s.size(); i++) sum += r.forces[3 * i + d];
            assertEquals(0, sum, 1e-11);
        }
    }

    @Test void isolatedAtomHasItsOffset() {
        PlipPotential p = potential(new String[] {"Zn", "O"}, 3);
        AtomicSystem s = new AtomicSystem(Cell.open(), new String[] {"O"}, new int[] {0}, new double[] {0, 0, 0});
        assertEquals(p.model().offset(1), Consistency.energy(p, s), 0);
    }

    // ---- models on candidate grids: the recurrences of GaussianGrid, Gaussians shared by many
    // terms, and both three-body formulations (by moments and by pairs), each forced in turn

    static final PlipKernel.Radial EXACT = PlipKernel.Radial.EXACT;
    static final PlipKernel.ThreeBody[] METHODS = {PlipKernel.ThreeBody.MOMENTS, PlipKernel.ThreeBody.PAIRS};

    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3})
    void gridModelMatchesTheDefinitions(int variant) {
        String[] el = SPECIES[variant / 2];
        PlipPotential p = new PlipPotential(SyntheticPlip.grid(el, 51 + variant / 2), "grid", METHODS[variant % 2], EXACT);
        AtomicSystem s = Consistency.randomTriclinic(el, 6, 18.0, 1.9, 7 + variant / 2);
        double expected = NaivePlip.energy(p.model(), s);
        double got = Consistency.energy(p, s);
        assertEquals(expected, got, 1e-10 * Math.max(1, Math.abs(expected)), "energy vs naive definition, " + el.length + " species, " + METHODS[variant % 2]);
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3})
    void gridModelForcesVirialAndInvariances(int variant) {
        String[] el = SPECIES[variant / 2];
        PlipPotential p = new PlipPotential(SyntheticPlip.grid(el, 61 + variant / 2), "grid", METHODS[variant % 2], EXACT);
        AtomicSystem s = Consistency.randomTriclinic(el, 8, 17.0, 1.9, 3 + variant / 2);
        ForceResult r = Consistency.evaluate(p, s);
        double fmax = Math.max(1, r.maxForceComponent());
        assertTrue(Consistency.maxForceError(p, s, 1e-5) < 1e-7 * fmax, "force error");
        assertTrue(Consistency.maxVirialError(p, s, 1e-6) < 1e-6 * Math.max(1, Math.abs(r.energy)), "virial error");
        assertTrue(Consistency.atomEnergySumError(p, s) < 1e-10 * Math.max(1, Math.abs(r.energy)));
        assertTrue(Consistency.maxInvarianceError(p, s, 5) < 1e-9 * Math.max(1, Math.abs(r.energy)), "invariance");
        assertTrue(Consistency.supercellError(p, s) < 1e-9 * Math.max(1, Math.abs(r.energy)), "supercell");
    }

    /** The two three-body formulations agree atom by atom, on the random models too. */
    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void momentsAndPairsAgree(int set) {
        String[] el = SPECIES[set];
        PlipModel model = SyntheticPlip.random(el, 81 + set);
        AtomicSystem s = Consistency.randomTriclinic(el, 9, 16.0, 1.9, 13);
        ForceResult a = Consistency.evaluate(new PlipPotential(model, "moments", PlipKernel.ThreeBody.MOMENTS, EXACT), s);
        ForceResult b = Consistency.evaluate(new PlipPotential(model, "pairs", PlipKernel.ThreeBody.PAIRS, EXACT), s);
        double scale = Math.max(1, Math.abs(a.energy));
        for (int i = 0; i < s.size(); i++) assertEquals(a.atomEnergies[i], b.atomEnergies[i], 1e-11 * scale, "atom " + i);
        for (int k = 0; k < a.forces.length; k++) assertEquals(a.forces[k], b.forces[k], 1e-10 * Math.max(1, a.maxForceComponent()), "force " + k);
    }

    /**
     * The kernel's contract, checked on the kernel alone: the pair gradients it writes are the
     * derivatives of the atomic energy it returns with respect to each pair displacement (central
     * differences on the list's displacements), and zero for pairs in the skin beyond the cutoff.
     */
    @ParameterizedTest @ValueSource(ints = {0, 1, 2, 3})
    void kernelPairGradientsAreDerivativesOfTheAtomicEnergy(int variant) {
        String[] el = SPECIES[variant / 2];
        PlipKernel k = new PlipKernel(SyntheticPlip.grid(el, 71 + variant / 2), METHODS[variant % 2], EXACT);
        AtomicSystem s = Consistency.randomTriclinic(el, 5, 17.0, 1.9, 11);
        NeighborList list = new NeighborList();
        new CellListSearch().build(s.x, s.size(), s.cell(), k.cutoff() + 1.0, NeighborList.Kind.FULL, list);
        PlipKernel.Scratch sc = k.newScratch();
        k.bind(s, sc);
        double[] grad = new double[3 * list.pairCount()];
        double[] d = new double[3];
        double h = 1e-6;
        int beyond = 0;
        for (int i = 0; i < s.size(); i++) {
            k.atom(i, s, list, sc, grad);
            double scale = 1e-12;
            for (int p = 3 * list.start(i); p < 3 * list.end(i); p++) scale = Math.max(scale, Math.abs(grad[p]));
            for (int p = list.start(i); p < list.end(i); p++) {
                list.displacement(s.x, i, p, d);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int c = 0; c < 3; c++) {
                    if (r >= k.cutoff()) {
                        assertEquals(0, grad[3 * p + c], 0, "pair beyond the cutoff");
                        beyond++;
                        continue;
                    }
                    // δ_p alone moves: a one-pair list that holds only this pair, with the neighbour moved
                    double ep = atomEnergyWithPairMoved(k, s, list, i, p, c, h);
                    double em = atomEnergyWithPairMoved(k, s, list, i, p, c, -h);
                    assertEquals((ep - em) / (2 * h), grad[3 * p + c], 1e-7 * scale, "atom " + i + " pair " + p);
                }
            }
        }
        assertTrue(beyond > 0, "the list should hold pairs in the skin");
    }

    /**
     * E_i with the displacement of pair p alone shifted by h along c: atom i and each of its
     * pairs' neighbours as separate atoms of a cluster (so a neighbour seen through two images
     * is two atoms), the one of pair p moved; the other pairs keep their δ.
     */
    private static double atomEnergyWithPairMoved(PlipKernel k, AtomicSystem s, NeighborList list, int i, int p,
                                                  int c, double h) {
        int m = list.end(i) - list.start(i);
        double[] d = new double[3];
        String[] table = s.speciesTable();
        // the same neighbours as atom i's pairs, each as a plain atom at its image position, the moved one replaced
        double[] xs = new double[3 * (m + 1)];
        int[] ts = new int[m + 1];
        xs[0] = s.x[3 * i]; xs[1] = s.x[3 * i + 1]; xs[2] = s.x[3 * i + 2];
        ts[0] = s.type[i];
        for (int q = list.start(i), a = 1; q < list.end(i); q++, a++) {
            list.displacement(s.x, i, q, d);
            for (int e = 0; e < 3; e++) xs[3 * a + e] = s.x[3 * i + e] + d[e] + (q == p && e == c ? h : 0);
            ts[a] = s.type[list.neighbor(q)];
        }
        AtomicSystem cluster = new AtomicSystem(org.jmd.neighbor.Cell.open(), table, ts, xs);
        NeighborList l = new NeighborList();
        org.jmd.neighbor.BruteForceSearch.build(cluster.x, cluster.size(), cluster.cell(), list.cutoff(), NeighborList.Kind.FULL, l);
        PlipKernel.Scratch local = k.newScratch();
        k.bind(cluster, local);
        double[] g = new double[3 * Math.max(1, l.pairCount())];
        return k.atom(0, cluster, l, local, g);
    }
}
