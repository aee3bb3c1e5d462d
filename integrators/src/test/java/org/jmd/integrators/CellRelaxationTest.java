package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.md.Dynamics;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/**
 * The gradient the cell relaxation hands to the minimizers, −Fᵀf for atoms and
 * −(Wᵀ − P₀V)F⁻ᵀ/c for the deformation, against central differences of its objective E + P₀V,
 * on a rattled, sheared (triclinic) and already deformed LJ crystal under 2 kbar.
 */
class CellRelaxationTest {
    @Test void gradientMatchesFiniteDifferencesOfEnthalpy() {
        AtomicSystem s = LjArgon.fcc(5.25, 2);
        double[] h = s.cell().matrix();
        h[3] = 0.6; h[6] = -0.4; h[7] = 0.3; // tilt b and c
        AtomicSystem sheared = new AtomicSystem(new Cell(h, new boolean[] {true, true, true}), s.speciesTable(), s.type, s.x);
        LjArgon.rattle(sheared, 0.08, 3);
        Dynamics d = LjArgon.dynamics(sheared, 1.0);
        CellRelaxation r = new CellRelaxation(d, 2000);
        int n = r.dimension();
        double[] x = new double[n], g = new double[n], scratch = new double[n];
        r.read(x);
        // move away from F = 1 so that the F⁻ᵀ factors are exercised
        for (int k = 0; k < 9; k++) x[3 * sheared.size() + k] *= 1 + 0.01 * (k % 4);
        r.evaluate(x, g);
        double step = 1e-5, worst = 0, largest = 0;
        for (int k = 0; k < n; k++) {
            double keep = x[k];
            x[k] = keep + step;
            double plus = r.evaluate(x, scratch);
            x[k] = keep - step;
            double minus = r.evaluate(x, scratch);
            x[k] = keep;
            double numeric = (plus - minus) / (2 * step);
            worst = Math.max(worst, Math.abs(numeric - g[k]));
            largest = Math.max(largest, Math.abs(g[k]));
        }
        System.out.printf("cell relaxation gradient: max |analytic - numeric| = %.2e (largest component %.2e)%n", worst, largest);
        assertTrue(largest > 1e-2, "test needs non-trivial gradients");
        assertTrue(worst < 1e-6, "gradient error " + worst);
    }

    @Test void readThenEvaluateReproducesTheState() {
        AtomicSystem s = LjArgon.fcc(5.25, 2);
        LjArgon.rattle(s, 0.05, 1);
        double[] x0 = s.x.clone();
        Dynamics d = LjArgon.dynamics(s, 1.0);
        double e0 = d.forces.energy;
        CellRelaxation r = new CellRelaxation(d, 0);
        double[] x = new double[r.dimension()], g = new double[r.dimension()];
        r.read(x);
        assertEquals(e0, r.evaluate(x, g), 1e-12);
        assertArrayEquals(x0, s.x, 1e-12);
    }
}
