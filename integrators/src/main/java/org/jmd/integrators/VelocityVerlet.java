package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;

/**
 * Velocity Verlet in the microcanonical ensemble, in the same order of operations as LAMMPS's
 * {@code fix nve} (half kick, drift, force, half kick), so trajectories agree with LAMMPS to
 * round-off. Thermostatted integrators reuse {@link #halfKick} and {@link #drift}.
 */
public final class VelocityVerlet implements Integrator {
    @Override public void step(Dynamics d) {
        double dt = d.clock.timestep;
        halfKick(d, dt);
        drift(d.system, dt);
        d.computeForces();
        halfKick(d, dt);
        d.clock.tick();
    }

    /** v += (dt/2) f/m, with f in eV/Å, m in amu, v in Å/fs. */
    public static void halfKick(Dynamics d, double dt) {
        AtomicSystem s = d.system;
        double[] f = d.forces.forces, v = s.v, m = s.mass;
        double h = 0.5 * dt / Units.AMU_A2_PER_FS2;
        for (int i = 0; i < s.size(); i++) {
            double k = h / m[i];
            v[3 * i] += k * f[3 * i];
            v[3 * i + 1] += k * f[3 * i + 1];
            v[3 * i + 2] += k * f[3 * i + 2];
        }
    }

    /** x += dt v. */
    public static void drift(AtomicSystem s, double dt) {
        double[] x = s.x, v = s.v;
        for (int k = 0; k < 3 * s.size(); k++) x[k] += dt * v[k];
    }

    @Override public String describe() { return "nve (velocity Verlet)"; }
}
