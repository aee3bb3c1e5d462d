package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Structures;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.api.Test;

/**
 * The public descriptor API on the default Zn–O and Si sets: ∂G/∂δ_p summed per atom against
 * central differences of G (small triclinic cells, so neighbours include periodic images of the
 * atom itself), rotation and permutation invariance of G, and input errors.
 */
class BehlerParrinelloDescriptorsTest {
    static double[][] all(BehlerParrinelloDescriptors bp, AtomicSystem s) {
        NeighborList list = new NeighborList();
        new CellListSearch().build(s.x, s.size(), s.cell(), bp.cutoff(), NeighborList.Kind.FULL, list);
        AtomElements atoms = bp.bind(s);
        DescriptorWorkspace w = bp.workspace();
        double[][] g = new double[s.size()][];
        for (int i = 0; i < s.size(); i++) {
            int n = w.describe(list, atoms, i);
            g[i] = java.util.Arrays.copyOf(w.values(), n);
        }
        return g;
    }

    @Test void derivativesMatchFiniteDifferences() {
        for (String[] species : new String[][] {{"Zn", "O"}, {"Si"}}) {
            BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of(species));
            AtomicSystem s = Consistency.randomTriclinic(species, 6, 14.0, 1.8, 3);
            NeighborList list = new NeighborList();
            new CellListSearch().build(s.x, s.size(), s.cell(), bp.cutoff(), NeighborList.Kind.FULL, list);
            AtomElements elements = bp.bind(s);
            DescriptorWorkspace w = bp.workspace();
            double h = 1e-5, worst = 0, scale = 0;
            for (int i = 0; i < s.size(); i++) {
                int ns = w.describeWithDerivatives(list, elements, i);
                int m = w.neighborCount(), e = w.element();
                double[] rows = w.derivativeRows().clone();
                int[] atoms = java.util.Arrays.copyOf(w.neighborAtoms(), m), els = java.util.Arrays.copyOf(w.neighborElements(), m);
                // analytic ∂G_s/∂x_j: Σ over the images of j, minus Σ over all for the centre
                double[][] analytic = new double[ns][3 * s.size()];
                for (int p = 0, o = 0; p < m; p++) {
                    int[] fs = bp.layout().rowFunctions(e, els[p]);
                    for (int k = 0; k < fs.length; k++)
                        for (int d = 0; d < 3; d++) {
                            double v = rows[o + d * fs.length + k];
                            analytic[fs[k]][3 * atoms[p] + d] += v;
                            analytic[fs[k]][3 * i + d] -= v;
                        }
                    o += 3 * fs.length;
                }
                for (int k = 0; k < 3 * s.size(); k++) {
                    AtomicSystem plus = s.copy(), minus = s.copy();
                    plus.x[k] += h;
                    minus.x[k] -= h;
                    double[] gp = all(bp, plus)[i], gm = all(bp, minus)[i];
                    for (int sf = 0; sf < ns; sf++) {
                        double numeric = (gp[sf] - gm[sf]) / (2 * h);
                        worst = Math.max(worst, Math.abs(numeric - analytic[sf][k]));
                        scale = Math.max(scale, Math.abs(analytic[sf][k]));
                    }
                }
            }
            System.out.printf("%s (%s): worst |dG/dx − FD| = %.2e (largest |dG/dx| %.2e)%n", String.join("-", species), bp, worst, scale);
            assertTrue(worst < 1e-6 * Math.max(1, scale), "derivative error " + worst);
        }
    }

    @Test void descriptorsAreInvariantUnderRotationAndPermutation() {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("O", "Zn"));
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 8, 12.0, 1.7, 5);
        double[][] g0 = all(bp, s);
        double[][] gr = all(bp, Structures.rotate(s, Structures.rotation(0.3, -1.2, 0.5, 1.1)));
        int[] order = {3, 0, 7, 1, 2, 6, 4, 5};
        double[][] gperm = all(bp, Structures.permute(s, order));
        double worst = 0;
        for (int i = 0; i < s.size(); i++)
            for (int sf = 0; sf < g0[i].length; sf++) {
                worst = Math.max(worst, Math.abs(gr[i][sf] - g0[i][sf]) / Math.max(1, Math.abs(g0[i][sf])));
            }
        for (int k = 0; k < order.length; k++)
            for (int sf = 0; sf < g0[order[k]].length; sf++) {
                worst = Math.max(worst, Math.abs(gperm[k][sf] - g0[order[k]][sf]) / Math.max(1, Math.abs(g0[order[k]][sf])));
            }
        System.out.printf("rotation/permutation: worst relative change of G %.2e%n", worst);
        assertTrue(worst < 1e-12, "invariance error " + worst);
    }

    @Test void orderAndAccessorsFollowN2p2() {
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of("O", "H"), "2",
                List.of("O 2 H 0.5 0.0 4.0", "H 2 O 0.8 0.0 4.0", "H 2 H 0.5 0.0 4.0", "H 3 O H 0.1 1.0 2.0 5.0"));
        assertEquals(List.of("H", "O"), List.of(bp.elements()), "elements by atomic number");
        assertEquals(3, bp.size(bp.elementIndex("H")));
        assertEquals(1, bp.size(bp.elementIndex("O")));
        assertEquals(-1, bp.elementIndex("Si"));
        assertEquals(5.0, bp.cutoff(), 0);
        // n2p2 sorts type 2 before 3 and, within type 2, by r_c, η, r_s, then neighbour element
        assertEquals("H 2 H 0.5 0.0 4.0", bp.definition(0, 0));
        assertEquals("H 2 O 0.8 0.0 4.0", bp.definition(0, 1));
        assertEquals("H 3 O H 0.1 1.0 2.0 5.0", bp.definition(0, 2));
    }

    @Test void errorsNameTheLine() {
        InputException e = assertThrows(InputException.class, () -> BehlerParrinelloDescriptors.parse(List.of("Si"),
                List.of("cutoff_type 6 0.0", "symfunction_short Si 2 Si 0.1 0.0 6.0", "symfunction_short Si 2 Ge 0.1 0.0 6.0"), "sf.nn"));
        assertEquals("sf.nn", e.source());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("element 'Ge' is not in 'elements'"), e.getMessage());
        e = assertThrows(InputException.class, () -> BehlerParrinelloDescriptors.parse(List.of("Si", "C"),
                List.of("cutoff_type 6 0.0", "symfunction_short Si 2 Si 0.1 0.0 6.0"), "sf.nn"));
        assertTrue(e.getMessage().contains("element C has no symfunction_short lines"), e.getMessage());
        e = assertThrows(InputException.class, () -> BehlerParrinelloDescriptors.parse(List.of("Si"),
                List.of("symfunction_short Si 2 Si 0.1 0.0 6.0"), "sf.nn"));
        assertTrue(e.getMessage().contains("missing keyword 'cutoff_type'"), e.getMessage());
        BehlerParrinelloDescriptors si = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        AtomicSystem zno = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 4, 12.0, 1.7, 1);
        e = assertThrows(InputException.class, () -> si.bind(zno));
        assertTrue(e.getMessage().contains("atom 1 is 'Zn'"), e.getMessage());
    }
}
