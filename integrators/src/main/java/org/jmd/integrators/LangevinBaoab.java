package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;

/**
 * Langevin dynamics in the BAOAB splitting of Leimkuhler and Matthews (2013): half kick, half
 * drift, an exact Ornstein–Uhlenbeck step of the velocities with friction 1/damping, half drift,
 * force, half kick. Among the simple splittings it has the smallest configurational sampling
 * error at a given timestep, and the O step samples the Maxwell–Boltzmann distribution exactly.
 *
 * <p>The random impulses are drawn with zero total momentum (LAMMPS's {@code zero yes}): the
 * centre of mass then does not diffuse, so thermodynamics keeps counting 3N − 3 degrees of
 * freedom and those carry exactly the canonical kinetic energy. Friction still acts on every
 * atom, so any initial drift of the centre of mass decays.
 *
 * <p>{@link #reservoirEnergy()} is minus the kinetic energy the O steps put in, so potential +
 * kinetic + reservoir drifts only by the integration error, as LAMMPS's {@code tally yes}.
 */
public final class LangevinBaoab implements Integrator {
    static final String NAME = "nvt-langevin";

    private final double temperature, damping;
    private final RandomStream random;
    private double reservoir;
    private double[] impulse = new double[0];

    /**
     * @param temperature target temperature (K)
     * @param damping     velocity relaxation time 1/γ (fs)
     */
    public LangevinBaoab(double temperature, double damping, long seed) {
        this.temperature = temperature;
        this.damping = damping;
        this.random = new RandomStream(seed);
    }

    @Override public void step(Dynamics d) {
        AtomicSystem s = d.system;
        double dt = d.clock.timestep;
        VelocityVerlet.halfKick(d, dt);
        VelocityVerlet.drift(s, 0.5 * dt);
        ornsteinUhlenbeck(s, dt);
        VelocityVerlet.drift(s, 0.5 * dt);
        d.computeForces();
        VelocityVerlet.halfKick(d, dt);
        d.clock.tick();
    }

    /** v ← c1 v + √(1 − c1²) √(kT/m) R with c1 = exp(−dt/damping), R of zero total momentum. */
    private void ornsteinUhlenbeck(AtomicSystem s, double dt) {
        int n = s.size();
        double[] v = s.v, m = s.mass;
        if (impulse.length != 3 * n) impulse = new double[3 * n];
        double c1 = Math.exp(-dt / damping), c2 = Math.sqrt(1 - c1 * c1);
        double kT = Units.BOLTZMANN * temperature / Units.AMU_A2_PER_FS2; // amu Å²/fs²
        double px = 0, py = 0, pz = 0, mtot = 0;
        for (int i = 0; i < n; i++) {
            // momentum kick c2 √(m kT) R; removing its mass-weighted mean is the orthogonal
            // projection (in the metric of the kinetic energy) onto zero total momentum, so the
            // remaining 3N − 3 components are still independent with the right variance
            double sd = c2 * Math.sqrt(m[i] * kT);
            for (int a = 0; a < 3; a++) impulse[3 * i + a] = sd * random.gaussian();
            px += impulse[3 * i];
            py += impulse[3 * i + 1];
            pz += impulse[3 * i + 2];
            mtot += m[i];
        }
        if (n < 2) px = py = pz = 0;
        double k0 = 0, k1 = 0;
        for (int i = 0; i < n; i++) {
            double mi = m[i], share = mi / mtot;
            for (int a = 0; a < 3; a++) {
                double total = a == 0 ? px : a == 1 ? py : pz;
                double old = v[3 * i + a], updated = c1 * old + (impulse[3 * i + a] - share * total) / mi;
                k0 += mi * old * old;
                k1 += mi * updated * updated;
                v[3 * i + a] = updated;
            }
        }
        reservoir -= 0.5 * (k1 - k0) * Units.AMU_A2_PER_FS2;
    }

    @Override public double reservoirEnergy() { return reservoir; }

    @Override public byte[] saveState() {
        return IntegratorState.encode(NAME, new double[] {reservoir}, random.saveState());
    }

    @Override public void restoreState(byte[] state) {
        IntegratorState.Decoded s = IntegratorState.decode(NAME, state, 1);
        reservoir = s.values()[0];
        random.restoreState(s.random());
    }

    @Override public String describe() {
        return NAME + " temperature=" + temperature + " K damping=" + damping + " fs (BAOAB)";
    }
}
