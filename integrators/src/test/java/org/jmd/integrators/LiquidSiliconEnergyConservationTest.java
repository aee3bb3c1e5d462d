package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.Thermodynamics;
import org.junit.jupiter.api.Test;

/**
 * Liquid silicon with Stillinger–Weber: 512 atoms melted at 3000 K with a thermostat, then 20 ps
 * of NVE at 1 fs. The total energy must not drift by more than 1e-4 eV/atom over the run, judged
 * both end to end (averaged over the first and last picosecond, so the O(dt²) fluctuation does
 * not count as drift) and by a least-squares slope times the duration.
 */
class LiquidSiliconEnergyConservationTest {
    @Test void twentyPicosecondsOfNveDriftLessThan1e4EvPerAtom() {
        AtomicSystem s = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 4, 4, 4);
        Dynamics d = new Dynamics(s, new ForceCalculator(PotentialRegistry.load().create("sw " + ReferencePotentials.siliconSw(), null)));
        d.clock.timestep = 1.0;
        MaxwellBoltzmann.assign(s, 6000, 11);
        d.computeForces();
        Integrator melt = Ensembles.integrator("nvt-csvr temperature=3000 damping=50 seed=3");
        melt.init(d);
        for (int k = 0; k < 3000; k++) melt.step(d);
        double meltedTemperature = Thermodynamics.temperature(s);

        Integrator nve = Ensembles.integrator("nve");
        nve.init(d);
        int steps = 20000, n = s.size();
        double[] e = new double[steps + 1];
        e[0] = d.forces.energy + Thermodynamics.kineticEnergy(s);
        double tSum = 0;
        for (int k = 1; k <= steps; k++) {
            nve.step(d);
            e[k] = d.forces.energy + Thermodynamics.kineticEnergy(s);
            tSum += Thermodynamics.temperature(s);
        }
        double first = 0, last = 0;
        for (int k = 0; k < 1000; k++) { first += e[k]; last += e[steps - k]; }
        double endToEnd = Math.abs(last - first) / 1000 / n;
        // least-squares slope of E(t)
        double mt = steps / 2.0, me = 0, sxy = 0, sxx = 0;
        for (double v : e) me += v;
        me /= e.length;
        for (int k = 0; k <= steps; k++) { sxy += (k - mt) * (e[k] - me); sxx += (k - mt) * (k - mt); }
        double fitted = Math.abs(sxy / sxx * steps) / n;
        System.out.printf("liquid Si SW, 512 atoms: melted at %.0f K, NVE mean T %.0f K, drift over 20 ps: end-to-end %.2e, fitted %.2e eV/atom%n",
                meltedTemperature, tSum / steps, endToEnd, fitted);
        assertTrue(tSum / steps > 2500, "the run must be liquid (SW Si melts near 1690 K)");
        assertTrue(endToEnd < 1e-4, "end-to-end drift " + endToEnd + " eV/atom");
        assertTrue(fitted < 1e-4, "fitted drift " + fitted + " eV/atom");
    }
}
