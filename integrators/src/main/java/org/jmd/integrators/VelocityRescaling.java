package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Thermodynamics;

/**
 * The stochastic velocity rescaling thermostat of Bussi, Donadio and Parrinello (J. Chem. Phys.
 * 126, 014101, 2007): the kinetic energy K follows the exact solution, over a time δt, of
 * dK = (K̄ − K) dt/τ + 2 √(K K̄/N_f) dW/√τ, and all velocities are scaled by √(K'/K). Scaling
 * keeps the total momentum (zero stays zero), so N_f = 3N − 3 as Thermodynamics counts.
 *
 * <p>Shared by nvt-csvr and npt; it counts the energy it puts into the system in {@link #heat()}.
 */
final class VelocityRescaling {
    private final double temperature, damping;
    private final RandomStream random;
    private double heat;

    VelocityRescaling(double temperature, double damping, RandomStream random) {
        this.temperature = temperature;
        this.damping = damping;
        this.random = random;
    }

    /** Rescales the velocities over a time dt (fs). */
    void apply(AtomicSystem s, double dt) {
        int dof = Thermodynamics.degreesOfFreedom(s);
        double k = Thermodynamics.kineticEnergy(s);
        // nothing to scale: the next force kick gives the atoms velocities to work on
        if (!(k > 0) || dof == 0) return;
        double target = 0.5 * dof * Units.BOLTZMANN * temperature;
        double c = Math.exp(-dt / damping);
        double r1 = random.gaussian();
        double rest = random.sumOfSquaredGaussians(dof - 1);
        double k2 = k + (1 - c) * (target * (r1 * r1 + rest) / dof - k) + 2 * r1 * Math.sqrt(k * target / dof * (1 - c) * c);
        double alpha = Math.sqrt(k2 / k);
        double[] v = s.v;
        for (int j = 0; j < v.length; j++) v[j] *= alpha;
        heat += k2 - k;
    }

    /** Kinetic energy the thermostat has added so far (eV). */
    double heat() { return heat; }

    void setHeat(double heat) { this.heat = heat; }

    double temperature() { return temperature; }

    double damping() { return damping; }
}
