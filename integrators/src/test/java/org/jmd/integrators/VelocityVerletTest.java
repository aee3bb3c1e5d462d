package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Thermodynamics;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

class VelocityVerletTest {
    @Test void argonCrystalConservesEnergyAndIsTimeReversible() {
        // LJ argon crystal with small random velocities: total energy fluctuates at O(dt²) without drift
        double a = 5.26;
        int n = 32;
        double[] x = new double[3 * n];
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        int k = 0;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int l = 0; l < 2; l++)
            for (double[] b : basis) { x[k++] = (i + b[0]) * a; x[k++] = (j + b[1]) * a; x[k++] = (l + b[2]) * a; }
        AtomicSystem s = new AtomicSystem(Cell.orthorhombic(2 * a, 2 * a, 2 * a), new String[] {"Ar"}, new int[n], x);
        Random r = new Random(1);
        for (int i = 0; i < 3 * n; i++) s.v[i] = 0.003 * r.nextGaussian();
        Dynamics d = new Dynamics(s, new ForceCalculator(PotentialRegistry.load().create("lj epsilon=0.0104 sigma=3.4 cutoff=8.0", null)));
        d.clock.timestep = 2.0;
        d.computeForces();
        double e0 = d.forces.energy + Thermodynamics.kineticEnergy(s);
        double[] x0 = s.x.clone();
        VelocityVerlet vv = new VelocityVerlet();
        double worst = 0;
        for (int step = 0; step < 2000; step++) {
            vv.step(d);
            worst = Math.max(worst, Math.abs(d.forces.energy + Thermodynamics.kineticEnergy(s) - e0));
        }
        assertTrue(worst / n < 2e-5, "energy error per atom " + worst / n);
        // run backwards: velocities reversed retrace the trajectory
        for (int i = 0; i < 3 * n; i++) s.v[i] = -s.v[i];
        for (int step = 0; step < 2000; step++) vv.step(d);
        for (int i = 0; i < 3 * n; i++) assertEquals(x0[i], s.x[i], 1e-6);
        assertEquals(4000, d.clock.step);
    }
}
