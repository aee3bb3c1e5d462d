package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.Thermodynamics;

/**
 * Nosé–Hoover chain thermostat in the Martyna–Tuckerman–Klein form (Mol. Phys. 87, 1117, 1996):
 * the chain is propagated for half a step (Suzuki–Yoshida fourth-order factorisation of its own
 * Liouvillian), then velocity Verlet, then the chain for another half step. Masses follow LAMMPS:
 * Q₁ = N_f kT τ², Q_k = kT τ² with τ = damping, so τ is the period of the thermostat's
 * oscillation.
 *
 * <p>Conserved: H = U + K + Σ Q_k v_k²/2 + N_f kT ξ₁ + kT Σ_{k≥2} ξ_k; {@link #reservoirEnergy()}
 * is everything after U + K.
 */
public final class NoseHooverChain implements Integrator {
    static final String NAME = "nvt-nhc";
    // fourth-order Suzuki–Yoshida weights w1 = w3 = 1/(2 − 2^{1/3}), w2 = 1 − 2 w1
    private static final double[] WEIGHTS;
    static {
        double w1 = 1 / (2 - Math.cbrt(2));
        WEIGHTS = new double[] {w1, 1 - 2 * w1, w1};
    }

    private final double temperature, damping;
    private final int chain;
    private final double[] xi, vxi, q;
    private int dof;

    /**
     * @param temperature target temperature (K)
     * @param damping     thermostat period τ (fs)
     * @param chain       number of thermostats in the chain (≥ 1)
     */
    public NoseHooverChain(double temperature, double damping, int chain) {
        if (chain < 1) throw new IllegalArgumentException("chain length must be at least 1: " + chain);
        this.temperature = temperature;
        this.damping = damping;
        this.chain = chain;
        this.xi = new double[chain];
        this.vxi = new double[chain];
        this.q = new double[chain];
    }

    @Override public void init(Dynamics d) { dof = Thermodynamics.degreesOfFreedom(d.system); }

    @Override public void step(Dynamics d) {
        double dt = d.clock.timestep;
        propagateChain(d.system, 0.5 * dt);
        VelocityVerlet.halfKick(d, dt);
        VelocityVerlet.drift(d.system, dt);
        d.computeForces();
        VelocityVerlet.halfKick(d, dt);
        propagateChain(d.system, 0.5 * dt);
        d.clock.tick();
    }

    /** exp(iL_NHC · h): updates the chain and scales the velocities once at the end. */
    private void propagateChain(AtomicSystem s, double h) {
        dof = Thermodynamics.degreesOfFreedom(s);
        double kT = Units.BOLTZMANN * temperature;
        q[0] = dof * kT * damping * damping;
        for (int k = 1; k < chain; k++) q[k] = kT * damping * damping;
        double twoK = 2 * Thermodynamics.kineticEnergy(s);
        double scale = 1;
        int m = chain - 1;
        for (double w : WEIGHTS) {
            double delta = w * h;
            vxi[m] += 0.5 * delta * force(m, twoK, dof, kT);
            for (int k = m - 1; k >= 0; k--) {
                double damp = Math.exp(-0.25 * delta * vxi[k + 1]);
                vxi[k] = (vxi[k] * damp + 0.5 * delta * force(k, twoK, dof, kT)) * damp;
            }
            double factor = Math.exp(-delta * vxi[0]);
            scale *= factor;
            twoK *= factor * factor;
            for (int k = 0; k < chain; k++) xi[k] += delta * vxi[k];
            for (int k = 0; k < m; k++) {
                double damp = Math.exp(-0.25 * delta * vxi[k + 1]);
                vxi[k] = (vxi[k] * damp + 0.5 * delta * force(k, twoK, dof, kT)) * damp;
            }
            vxi[m] += 0.5 * delta * force(m, twoK, dof, kT);
        }
        double[] v = s.v;
        for (int j = 0; j < v.length; j++) v[j] *= scale;
    }

    /** G_k: the force on thermostat k (1/fs²). */
    private double force(int k, double twoK, int dof, double kT) {
        if (k == 0) return (twoK - dof * kT) / q[0];
        return (q[k - 1] * vxi[k - 1] * vxi[k - 1] - kT) / q[k];
    }

    @Override public double reservoirEnergy() {
        double kT = Units.BOLTZMANN * temperature;
        double e = dof * kT * xi[0];
        for (int k = 0; k < chain; k++) e += 0.5 * q[k] * vxi[k] * vxi[k];
        for (int k = 1; k < chain; k++) e += kT * xi[k];
        return e;
    }

    @Override public byte[] saveState() {
        double[] values = new double[2 * chain];
        System.arraycopy(xi, 0, values, 0, chain);
        System.arraycopy(vxi, 0, values, chain, chain);
        return IntegratorState.encode(NAME, values, null);
    }

    @Override public void restoreState(byte[] state) {
        double[] values = IntegratorState.decode(NAME, state, 2 * chain).values();
        System.arraycopy(values, 0, xi, 0, chain);
        System.arraycopy(values, chain, vxi, 0, chain);
    }

    @Override public String describe() {
        return NAME + " temperature=" + temperature + " K damping=" + damping + " fs chain=" + chain + " (Martyna-Tuckerman-Klein)";
    }
}
