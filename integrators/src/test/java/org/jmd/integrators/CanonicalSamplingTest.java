package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.Thermodynamics;
import org.junit.jupiter.api.Test;

/**
 * Each thermostat must sample the canonical distribution of the kinetic energy:
 * ⟨K⟩ = N_f kT/2 and Var K = N_f (kT)²/2, whatever the potential. Checked on a 32-atom LJ argon
 * crystal at 40 K (anharmonic enough for Nosé–Hoover chains to be ergodic), with standard errors
 * from block averaging of the correlated series; a test passes within 4 standard errors and
 * must reach a relative error on the variance below 6 % so that it can detect a wrong ensemble
 * (velocity Verlet alone, or a Berendsen-like thermostat, give a variance far off).
 */
class CanonicalSamplingTest {
    private static final double T = 40;
    private static final double DT = 5;
    private static final int EQUILIBRATION = 4_000, SAMPLES = 120_000, BLOCKS = 40;

    @Test void langevinSamplesCanonicalKineticEnergy() {
        check("nvt-langevin temperature=40 damping=250 seed=11");
    }

    @Test void noseHooverChainSamplesCanonicalKineticEnergy() {
        check("nvt-nhc temperature=40 damping=250 chain=3");
    }

    @Test void csvrSamplesCanonicalKineticEnergy() {
        check("nvt-csvr temperature=40 damping=250 seed=7");
    }

    private static void check(String line) {
        AtomicSystem s = LjArgon.fcc(5.30, 2);
        MaxwellBoltzmann.assign(s, T, 3);
        Dynamics d = LjArgon.dynamics(s, DT);
        Integrator integrator = Ensembles.integrator(line);
        integrator.init(d);
        for (int k = 0; k < EQUILIBRATION; k++) integrator.step(d);
        double[] kinetic = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            integrator.step(d);
            kinetic[k] = Thermodynamics.kineticEnergy(s);
        }
        BlockAverage stats = new BlockAverage(kinetic, BLOCKS);
        int dof = Thermodynamics.degreesOfFreedom(s);
        double kT = Units.BOLTZMANN * T;
        double meanExpected = 0.5 * dof * kT, varianceExpected = 0.5 * dof * kT * kT;
        double zMean = (stats.mean - meanExpected) / stats.meanError;
        double zVariance = (stats.variance - varianceExpected) / stats.varianceError;
        System.out.printf("%s: <K> %.6f eV (canonical %.6f, z = %.2f), Var K %.4e eV² (canonical %.4e, z = %.2f), rel. errors %.2g %%, %.2g %%%n",
                line, stats.mean, meanExpected, zMean, stats.variance, varianceExpected, zVariance,
                100 * stats.meanError / meanExpected, 100 * stats.varianceError / varianceExpected);
        assertTrue(stats.varianceError < 0.06 * varianceExpected, "too noisy to test the variance: " + stats);
        assertTrue(Math.abs(zMean) < 4, line + ": <K> off by " + zMean + " standard errors: " + stats + ", expected mean " + meanExpected);
        assertTrue(Math.abs(zVariance) < 4, line + ": Var K off by " + zVariance + " standard errors: " + stats + ", expected variance " + varianceExpected);
    }
}
