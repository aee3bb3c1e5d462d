package org.jmd.studies.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Units;
import org.jmd.studies.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlabsTest {
    private static final Crystal DIAMOND = new Crystal("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"});

    /**
     * Unrelaxed Stillinger–Weber surfaces of diamond Si have an exact energy: at a = 5.431 Å every
     * bond sits at the pair minimum and every angle is tetrahedral (no three-body energy), so
     * cutting a bond costs E_b = −E_coh/2 = 2.1683 eV, and γ = (bonds cut per surface atom) · E_b /
     * (2 · area per surface atom). (111), cut between the bilayers: one bond per a²√3/4, 1.36 J/m²;
     * (100): two bonds per a²/2, 2.36 J/m². Checks the cut, the area and the atom count at once.
     */
    @ParameterizedTest(name = "({0})")
    @CsvSource({"'1,1,1', 1, 0.4330127018922193", "'1,0,0', 2, 0.5"})
    void stillingerWeberSurfaceEnergiesAreBondCounting(String miller, int bondsCut, double areaPerAtomOverA2) {
        Potential sw = PotentialRegistry.load().create(TestData.sw(), null);
        int[] hkl = java.util.Arrays.stream(miller.split(",")).mapToInt(Integer::parseInt).toArray();
        Slabs.Slab slab = Slabs.build(DIAMOND, hkl, 3, 12, 2, 1);
        AtomicSystem bulk = DIAMOND.cell(1.0);
        assertEquals(3 * 2 * 8, slab.system().size(), "three stacked units of the 8-atom cell, twice in-plane");
        double eBulk = energy(sw, bulk) / 8;
        double gamma = (energy(sw, slab.system()) - slab.system().size() * eBulk) / (2 * slab.area()) * Units.EV_PER_A2_IN_J_PER_M2;
        double bond = -eBulk / 2;
        double expected = bondsCut * bond / (2 * areaPerAtomOverA2 * 5.431 * 5.431) * Units.EV_PER_A2_IN_J_PER_M2;
        assertEquals(expected, gamma, 1e-9 * expected);
        assertEquals(miller.equals("1,1,1") ? 1.36 : 2.36, gamma, 0.01);
    }

    /** The slab's surfaces are perpendicular to z, with the vacuum between the slab and its image. */
    @Test void slabLiesFlatWithVacuumAbove() {
        Slabs.Slab slab = Slabs.build(DIAMOND, new int[] {1, 1, 1}, 4, 10, 1, 1);
        AtomicSystem s = slab.system();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            lo = Math.min(lo, s.x[3 * i + 2]);
            hi = Math.max(hi, s.x[3 * i + 2]);
        }
        assertEquals(0, s.cell().h(0, 2), 1e-12);
        assertEquals(0, s.cell().h(1, 2), 1e-12);
        assertEquals(4 * slab.spacing() + 10, s.cell().h(2, 2), 1e-9);
        assertEquals(5.431 / Math.sqrt(3), slab.spacing(), 1e-12);
        // the gap between the slab and its image is the vacuum plus what the cut leaves of one spacing
        double gap = s.cell().h(2, 2) - (hi - lo);
        assertEquals(true, gap > 10, "gap " + gap);
    }

    /** Hexagonal cells take four-index Miller–Bravais indices; i must be −(h+k). */
    @Test void wurtziteNonPolarSurface() {
        Crystal w = new Crystal("wurtzite", 3.25, 5.2, 0.38, new String[] {"Zn", "O"});
        Slabs.Slab slab = Slabs.build(w, new int[] {1, 0, -1, 0}, 2, 10, 1, 1);
        assertEquals(8, slab.system().size());
        assertEquals(3.25 * Math.sqrt(3) / 2, slab.spacing(), 1e-9);
        assertEquals(3.25 * 5.2, slab.area(), 1e-9);
        assertThrows(InputException.class, () -> Slabs.build(w, new int[] {1, 0, 1, 0}, 2, 10, 1, 1));
        assertThrows(InputException.class, () -> Slabs.build(w, new int[] {0, 0, 0}, 2, 10, 1, 1));
    }

    private static double energy(Potential p, AtomicSystem s) {
        ForceResult r = new ForceResult();
        new ForceCalculator(p, 0.0).compute(s, r);
        return r.energy;
    }
}
