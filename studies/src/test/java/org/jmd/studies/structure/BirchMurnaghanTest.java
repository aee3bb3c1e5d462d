package org.jmd.studies.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;
import org.jmd.studies.TestData;
import org.jmd.training.Evaluator;
import org.junit.jupiter.api.Test;

class BirchMurnaghanTest {
    /** Points made by the equation itself are fitted back to their parameters. */
    @Test void recoversTheParametersOfItsOwnCurve() {
        double e0 = -4.3, v0 = 20.0, b0 = 0.6, bp = 4.2;
        double[] v = new double[11], e = new double[11];
        for (int k = 0; k < 11; k++) {
            v[k] = v0 * (0.85 + 0.03 * k);
            e[k] = BirchMurnaghan.energy(v[k], e0, v0, b0, bp);
        }
        BirchMurnaghan.Fit f = BirchMurnaghan.fit(v, e);
        assertEquals(e0, f.e0(), 1e-9);
        assertEquals(v0, f.v0(), 1e-7);
        assertEquals(b0, f.b0(), 1e-7);
        assertEquals(bp, f.b0Prime(), 1e-5);
    }

    /**
     * Stillinger–Weber diamond silicon: B = (C11 + 2 C12)/3 = (151.4 + 2·76.4)/3 = 101.4 GPa
     * (Stillinger and Weber, PRB 31, 5262 (1985); Cowley, PRB 37 (1988)), from ±1 % strains, to 0.5 %;
     * the minimum at a = 5.431 Å (2^(1/6) σ bonds), −4.3366 eV/atom.
     */
    @Test void stillingerWeberDiamondBulkModulus() {
        var sw = PotentialRegistry.load().create(TestData.sw(), null);
        Crystal diamond = new Crystal("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"});
        double[] v = new double[9], e = new double[9];
        List<AtomicSystem> cells = new java.util.ArrayList<>();
        for (int k = 0; k < 9; k++) cells.add(diamond.cell(1 + 0.0025 * (k - 4)));
        List<ForceResult> r = Evaluator.evaluate(sw, cells.stream().map(org.jmd.io.Frame::new).toList(), ThreadTeam.defaultThreads());
        for (int k = 0; k < 9; k++) {
            v[k] = cells.get(k).cell().volume() / 8;
            e[k] = r.get(k).energy / 8;
        }
        BirchMurnaghan.Fit f = BirchMurnaghan.fit(v, e);
        assertEquals(101.4, f.bulkModulusGPa(), 0.005 * 101.4);
        assertEquals(5.431, 2 * Math.cbrt(f.v0()), 0.001);
        assertEquals(-4.3366, f.e0(), 1e-4);
    }

    /** Points far up the repulsive wall (here off the curve by electronvolts) are outside the fit's window and change nothing. */
    @Test void fitsTheBottomOfTheWellOnly() {
        double e0 = -3.76, v0 = 11.8, b0 = 0.9, bp = 4.5;
        double[] v = new double[13], e = new double[13];
        for (int k = 0; k < 13; k++) {
            v[k] = v0 * (0.7 + 0.05 * k);
            e[k] = BirchMurnaghan.energy(v[k], e0, v0, b0, bp) + (v[k] < 0.8 * v0 ? 10 : 0);
        }
        BirchMurnaghan.Fit f = BirchMurnaghan.fit(v, e);
        assertEquals(v0, f.v0(), 1e-6);
        assertEquals(b0, f.b0(), 1e-6);
    }

    @Test void refusesCurvesWithoutAMinimumInRange() {
        double[] v = {10, 11, 12, 13, 14}, e = {5, 4, 3, 2, 1};
        assertThrows(IllegalArgumentException.class, () -> BirchMurnaghan.fit(v, e));
        assertThrows(IllegalArgumentException.class, () -> BirchMurnaghan.fit(new double[] {1, 2, 3}, new double[] {1, 0, 1}));
    }
}
