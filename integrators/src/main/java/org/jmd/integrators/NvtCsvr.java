package org.jmd.integrators;

import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;

/**
 * Canonical sampling by stochastic velocity rescaling (Bussi–Donadio–Parrinello) around velocity
 * Verlet: thermostat for half a step, velocity Verlet, thermostat for half a step (the symmetric
 * Trotter splitting of the paper). The effective energy potential + kinetic + reservoir, with the
 * reservoir the negated heat the thermostat put in, is conserved up to the integration error.
 */
public final class NvtCsvr implements Integrator {
    static final String NAME = "nvt-csvr";

    private final VelocityRescaling thermostat;
    private final RandomStream random;

    /**
     * @param temperature target temperature (K)
     * @param damping     relaxation time of the kinetic energy (fs)
     */
    public NvtCsvr(double temperature, double damping, long seed) {
        this.random = new RandomStream(seed);
        this.thermostat = new VelocityRescaling(temperature, damping, random);
    }

    @Override public void step(Dynamics d) {
        double dt = d.clock.timestep;
        thermostat.apply(d.system, 0.5 * dt);
        VelocityVerlet.halfKick(d, dt);
        VelocityVerlet.drift(d.system, dt);
        d.computeForces();
        VelocityVerlet.halfKick(d, dt);
        thermostat.apply(d.system, 0.5 * dt);
        d.clock.tick();
    }

    @Override public double reservoirEnergy() { return -thermostat.heat(); }

    @Override public byte[] saveState() {
        return IntegratorState.encode(NAME, new double[] {thermostat.heat()}, random.saveState());
    }

    @Override public void restoreState(byte[] state) {
        IntegratorState.Decoded s = IntegratorState.decode(NAME, state, 1);
        thermostat.setHeat(s.values()[0]);
        random.restoreState(s.random());
    }

    @Override public String describe() {
        return NAME + " temperature=" + thermostat.temperature() + " K damping=" + thermostat.damping() + " fs (Bussi-Donadio-Parrinello)";
    }
}
