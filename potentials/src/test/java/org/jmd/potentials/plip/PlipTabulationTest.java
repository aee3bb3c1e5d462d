package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tabulated radial functions ({@link RadialTable}) against the term-by-term evaluation: energy
 * per atom within 1e-8 eV, forces within 1e-7 eV/Å and the virial within 1e-7 eV per atom, on
 * crystalline, liquid-like and cluster Si for the shipped fit and the default-grid fit (which has
 * five Gaussian widths and order-6 three-body terms), and on the synthetic 1-, 2- and 3-element
 * models; and that the tabulated forces and virial are the derivatives of the tabulated energy.
 */
class PlipTabulationTest {
    static final double ENERGY_PER_ATOM = 1e-8, FORCE = 1e-7, VIRIAL_PER_ATOM = 1e-7;

    private static PlipModel siliconModel(String file) {
        String root = System.getProperty("jmd.testdata");
        assertNotNull(root, "system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        return PlipModel.read(Path.of(root, "potentials", file));
    }

    static AtomicSystem crystal() {
        AtomicSystem s = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 3, 3, 3);
        Random rnd = new Random(4);
        for (int k = 0; k < s.x.length; k++) s.x[k] += 0.1 * rnd.nextGaussian();
        return s;
    }

    /** 64 atoms at the density of liquid Si (≈ 18.5 Å³ per atom), none closer than 2.0 Å. */
    static AtomicSystem liquid() { return Consistency.randomTriclinic(new String[] {"Si"}, 64, 18.5, 2.0, 6); }

    /** 40 atoms in vacuum. */
    static AtomicSystem cluster() {
        AtomicSystem periodic = Consistency.randomTriclinic(new String[] {"Si"}, 40, 20.0, 2.1, 7);
        return new AtomicSystem(Cell.open(), periodic.speciesTable(), periodic.type, periodic.x);
    }

    /** Largest differences between two results: energy per atom, force component, virial component per atom. */
    static double[] difference(ForceResult a, ForceResult b, int n) {
        double f = 0, w = 0;
        for (int k = 0; k < a.forces.length; k++) f = Math.max(f, Math.abs(a.forces[k] - b.forces[k]));
        for (int k = 0; k < 9; k++) w = Math.max(w, Math.abs(a.virial[k] - b.virial[k]));
        return new double[] {Math.abs(a.energy - b.energy) / n, f, w / n};
    }

    @ParameterizedTest @ValueSource(strings = {"si-plip-deck.plip", "Si.plip"})
    void siliconFitsAgreeWithTheTermByTermEvaluation(String file) {
        PlipModel model = siliconModel(file);
        PlipPotential exact = new PlipPotential(model, "exact", PlipKernel.Radial.EXACT);
        PlipPotential table = new PlipPotential(model, "table", PlipKernel.Radial.TABULATED);
        assertTrue(table.kernel().tabulated(), "every channel tabulated");
        System.out.printf("%s: intervals per cutoff %s%n", file, java.util.Arrays.toString(table.kernel().table(0, 0).intervals()));
        List<AtomicSystem> systems = List.of(crystal(), liquid(), cluster());
        String[] names = {"crystal", "liquid", "cluster"};
        for (int c = 0; c < systems.size(); c++) {
            AtomicSystem s = systems.get(c);
            ForceResult a = Consistency.evaluate(exact, s), b = Consistency.evaluate(table, s);
            double[] d = difference(a, b, s.size());
            System.out.printf("%s, %d atoms (%s): |dE|/N = %.2e eV, max |dF| = %.2e eV/A, max |dW|/N = %.2e eV%n",
                    file, s.size(), names[c], d[0], d[1], d[2]);
            assertTrue(d[0] <= ENERGY_PER_ATOM, "energy per atom differs by " + d[0]);
            assertTrue(d[1] <= FORCE, "force differs by " + d[1]);
            assertTrue(d[2] <= VIRIAL_PER_ATOM, "virial per atom differs by " + d[2]);
            for (int i = 0; i < s.size(); i++) assertEquals(a.atomEnergies[i], b.atomEnergies[i], 10 * ENERGY_PER_ATOM, "atom " + i);
        }
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void syntheticModelsAgreeWithTheTermByTermEvaluation(int set) {
        String[] el = PlipPotentialTest.SPECIES[set];
        for (PlipModel model : List.of(SyntheticPlip.random(el, 11 + set), SyntheticPlip.grid(el, 51 + set))) {
            AtomicSystem s = Consistency.randomTriclinic(el, 12, 17.0, 1.9, 3 + set);
            ForceResult a = Consistency.evaluate(new PlipPotential(model, "exact", PlipKernel.Radial.EXACT), s);
            ForceResult b = Consistency.evaluate(new PlipPotential(model, "table"), s);
            double[] d = difference(a, b, s.size());
            double scale = Math.max(1, Math.abs(a.energy) / s.size()), fscale = Math.max(1, a.maxForceComponent());
            assertTrue(d[0] <= ENERGY_PER_ATOM * scale, "energy per atom differs by " + d[0]);
            assertTrue(d[1] <= FORCE * fscale, "force differs by " + d[1] + " (max force " + fscale + ")");
        }
    }

    /** Forces and virial are the derivatives of the tabulated energy itself (the interpolant is C²). */
    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void tabulatedForcesAndVirialAreDerivativesOfTheTabulatedEnergy(int set) {
        PlipPotential p = set == 0 ? new PlipPotential(siliconModel("si-plip-deck.plip"), "table")
                : new PlipPotential(SyntheticPlip.grid(PlipPotentialTest.SPECIES[set], 61 + set), "table");
        AtomicSystem s = set == 0 ? Consistency.randomTriclinic(new String[] {"Si"}, 16, 18.5, 2.0, 9)
                : Consistency.randomTriclinic(PlipPotentialTest.SPECIES[set], 9, 17.0, 1.9, 3 + set);
        ForceResult r = Consistency.evaluate(p, s);
        double fmax = Math.max(1, r.maxForceComponent());
        double ferr = Consistency.maxForceError(p, s, 1e-5), werr = Consistency.maxVirialError(p, s, 1e-6);
        assertTrue(ferr < 1e-7 * fmax, "force error " + ferr + " (max force " + fmax + ")");
        assertTrue(werr < 1e-6 * Math.max(1, Math.abs(r.energy)), "virial error " + werr);
        assertTrue(Consistency.atomEnergySumError(p, s) < 1e-10 * Math.max(1, Math.abs(r.energy)));
        assertTrue(Consistency.maxInvarianceError(p, s, 5) < 1e-9 * Math.max(1, Math.abs(r.energy)), "invariance");
        assertTrue(Consistency.supercellError(p, s) < 1e-9 * Math.max(1, Math.abs(r.energy)), "supercell");
    }

    /** The interpolant meets the exact values and derivatives at the nodes and is within tolerance between them. */
    @Test void tableIsWithinItsToleranceAtRandomDistances() {
        PlipModel model = siliconModel("si-plip-deck.plip");
        PlipKernel tab = new PlipKernel(model, PlipKernel.Radial.TABULATED), ex = new PlipKernel(model, PlipKernel.Radial.EXACT);
        AtomicSystem two = new AtomicSystem(Cell.open(), new String[] {"Si"}, new int[] {0, 0}, new double[6]);
        Random rnd = new Random(1);
        double worst = 0;
        for (int k = 0; k < 2000; k++) {
            double r = 0.5 + 5.2 * rnd.nextDouble();
            two.x[3] = r;
            double a = pairEnergy(ex, two), b = pairEnergy(tab, two);
            worst = Math.max(worst, Math.abs(a - b));
        }
        System.out.printf("two atoms, 0.5-5.7 A: max |dE_i| = %.2e eV%n", worst);
        assertTrue(worst < ENERGY_PER_ATOM, "two-atom energy differs by " + worst);
    }

    private static double pairEnergy(PlipKernel k, AtomicSystem s) {
        org.jmd.neighbor.NeighborList list = new org.jmd.neighbor.NeighborList();
        org.jmd.neighbor.BruteForceSearch.build(s.x, s.size(), s.cell(), k.cutoff() + 0.5, org.jmd.neighbor.NeighborList.Kind.FULL, list);
        PlipKernel.Scratch sc = k.newScratch();
        k.bind(s, sc);
        return k.atom(0, s, list, sc, new double[3 * Math.max(1, list.pairCount())]);
    }

    /** A Gaussian too narrow for the largest table is evaluated term by term instead. */
    @Test void tooNarrowAGaussianIsNotTabulated() {
        List<PlipTerm> terms = List.of(PlipTerm.twoBody(0, 0, 1.0, 2.3, 5.0), PlipTerm.twoBody(0, 0, 1e6, 2.3, 5.0));
        PlipModel model = new PlipModel(new String[] {"Si"}, new double[] {0}, terms, new double[] {1, 1});
        PlipKernel k = new PlipKernel(model, PlipKernel.Radial.TABULATED);
        assertNull(k.table(0, 0));
        assertTrue(!k.tabulated());
    }
}
