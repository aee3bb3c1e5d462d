package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Gaussians on a grid by recurrence against exp of each, and how centres are grouped into grids. */
class GaussianGridTest {
    static double worstRelativeError(double a, double[] centres) {
        List<GaussianGrid> grids = GaussianGrid.gridsFor(a, centres);
        double worst = 0;
        double[] out = new double[64];
        for (int k = 0; k <= 20_000; k++) {
            double r = 0.3 + 7.0 * k / 20_000; // below, across and beyond every grid
            for (GaussianGrid g : grids) {
                g.evaluate(r, out, 0);
                for (int j = 0; j < g.size(); j++) {
                    double exact = Math.exp(-a * (r - g.centre[j]) * (r - g.centre[j]));
                    if (exact < 1e-290) continue; // the recurrence may flush such values to zero
                    worst = Math.max(worst, Math.abs(out[j] - exact) / exact);
                }
            }
        }
        return worst;
    }

    static double[] grid(double first, double step, int n) {
        double[] b = new double[n];
        for (int k = 0; k < n; k++) b[k] = first + step * k;
        return b;
    }

    @Test void recurrenceMatchesExpOnTheCandidateGrids() {
        // the widths and centres the trainer uses, and a steep one
        for (double a : new double[] {0.5, 1, 1.5, 4, 20}) {
            double e = worstRelativeError(a, grid(1.6, 0.2, 20));
            assertTrue(e < 1e-12, "a = " + a + ": relative error " + e);
        }
        double e = worstRelativeError(2, grid(1.8, 0.3, 9));
        assertTrue(e < 1e-12, "0.3 Å grid: relative error " + e);
    }

    @Test void gridsWithGapsAndMixedSpacings() {
        double[] gaps = {1.6, 1.8, 2.4, 2.6, 3.0, 4.2};
        assertEquals(1, GaussianGrid.gridsFor(4, gaps).size());
        assertEquals(14, GaussianGrid.gridsFor(4, gaps).get(0).size());
        assertTrue(worstRelativeError(4, gaps) < 1e-12);
        // 0.2 Å and 0.3 Å spacings meet on 0.1 Å
        double[] mixed = {1.6, 1.8, 2.0, 2.1, 2.4, 2.7};
        assertEquals(0.1, GaussianGrid.gridsFor(1, mixed).get(0).step, 1e-15);
        assertTrue(worstRelativeError(1, mixed) < 1e-12);
    }

    @Test void centresEqualToRoundOffShareAGridPoint() {
        // b2=1.6:5.4:0.3 makes 1.9000000000000001, bn=1.9:... makes 1.9: one grid of 0.3 Å, not four Gaussians alone
        double[] centres = {1.6, 1.6 + 0.3, 1.9, 2.2, 2.5};
        assertTrue(centres[1] != centres[2]);
        List<GaussianGrid> grids = new java.util.ArrayList<>();
        int[][] at = GaussianGrid.plan(1, centres, grids);
        assertEquals(1, grids.size());
        assertEquals(4, grids.get(0).size());
        assertEquals(at[1][1], at[1][2]);
        double[] out = new double[8];
        double worst = 0;
        for (int k = 0; k <= 2_000; k++) {
            double r = 0.5 + 5.0 * k / 2_000;
            grids.get(0).evaluate(r, out, 0);
            for (int e = 0; e < centres.length; e++) {
                double exact = Math.exp(-(r - centres[e]) * (r - centres[e]));
                worst = Math.max(worst, Math.abs(out[at[1][e]] - exact) / exact);
            }
        }
        assertTrue(worst < 1e-12, "relative error " + worst);
    }

    @Test void centresOffAnyGridAreEvaluatedOneByOne() {
        assertEquals(2, GaussianGrid.gridsFor(1.5, 1.6, 5.4).size());              // two: nothing to gain
        assertEquals(3, GaussianGrid.gridsFor(1, 1.6, 2.0, 2.0 + Math.PI / 10).size()); // no common spacing
        assertEquals(3, GaussianGrid.gridsFor(1, 1.6, 1.7, 9.6).size());           // too sparse a grid
        assertEquals(3, GaussianGrid.gridsFor(40, 1.0, 2.5, 4.0).size());          // aΔ² too large for the recurrence
    }
}
