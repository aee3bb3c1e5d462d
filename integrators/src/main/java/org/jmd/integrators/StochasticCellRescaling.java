package org.jmd.integrators;

import org.jmd.engine.Units;

/**
 * The stochastic cell rescaling barostat of Bernetti and Bussi (J. Chem. Phys. 153, 114107,
 * 2020) and its anisotropic extension (Del Tatto, Raiteri, Bernetti, Bussi, Appl. Sci. 12, 1139,
 * 2022): a first-order (overdamped) stochastic equation for the cell, whose noise is chosen so
 * that the volume (and shape) fluctuations are those of the isothermal–isobaric ensemble.
 *
 * <p>The volume moves in λ = √V, where the noise is additive:
 * dλ = −(β_T λ / 2τ_p)(P₀ − P̄ − kT/2V) dt + √(kT β_T / 2τ_p) dW, with P̄ a third of the trace of
 * the internal pressure tensor (kinetic + virial). For {@code aniso} and {@code tri} a traceless
 * strain ε follows dε = (β_T / 3τ_p)(P − P̄ I) dt + √(2 kT β_T / 3Vτ_p) dW̃, with W̃ diagonal
 * (aniso) or symmetric (tri) and traceless; a symmetric strain does not rotate the cell. Volume
 * half step, shape step, volume half step, as in the reference implementation.
 *
 * <p>The compressibility β_T only sets how fast the cell relaxes (time ≈ τ_p β_T / β_true); the
 * sampled distribution does not depend on it.
 */
final class StochasticCellRescaling {
    /** Which cell degrees of freedom move. */
    enum Coupling {
        /** volume only, shape fixed */
        ISO,
        /** the three Cartesian diagonal strains independently */
        ANISO,
        /** all six symmetric strain components */
        TRI
    }

    private static final int[][] SHEAR_PAIRS = {{0, 1}, {0, 2}, {1, 2}};

    private final double pressure;        // eV/Å³
    private final double temperature;     // K
    private final double damping;         // τ_p, fs
    private final double compressibility; // Å³/eV
    private final Coupling coupling;
    private final RandomStream random;

    /**
     * @param pressureBar           target pressure (bar)
     * @param temperature           temperature of the bath (K), which sets the noise
     * @param damping               τ_p (fs)
     * @param compressibilityPerBar β_T (1/bar)
     */
    StochasticCellRescaling(double pressureBar, double temperature, double damping, double compressibilityPerBar,
                            Coupling coupling, RandomStream random) {
        this.pressure = pressureBar / Units.EV_PER_A3_IN_BAR;
        this.temperature = temperature;
        this.damping = damping;
        this.compressibility = compressibilityPerBar * Units.EV_PER_A3_IN_BAR;
        this.coupling = coupling;
        this.random = random;
    }

    /**
     * The logarithm of the deformation for one step: the cell and positions are to be multiplied
     * by exp(D), velocities by exp(−D).
     *
     * @param internal internal pressure tensor (eV/Å³, symmetric, row-major)
     * @param volume   current volume (Å³)
     * @param dt       time step (fs)
     */
    double[] logDeformation(double[] internal, double volume, double dt) {
        double kT = Units.BOLTZMANN * temperature;
        double mean = (internal[0] + internal[4] + internal[8]) / 3;
        double lambda0 = Math.sqrt(volume);
        double lambda1 = volumeHalfStep(lambda0, mean, kT, dt);
        double[] d = new double[9];
        if (coupling != Coupling.ISO) {
            double v1 = lambda1 * lambda1;
            double drift = compressibility / (3 * damping) * dt;
            double noise = Math.sqrt(2 * kT * compressibility * dt / (3 * damping * v1));
            for (int a = 0; a < 3; a++) d[4 * a] = drift * (internal[4 * a] - mean) + noise * random.gaussian();
            if (coupling == Coupling.TRI) {
                // off-diagonal entries of a symmetric Gaussian matrix that is isotropic in the
                // Frobenius metric carry half the variance of the diagonal ones
                for (int[] p : SHEAR_PAIRS) {
                    double shear = drift * 0.5 * (internal[3 * p[0] + p[1]] + internal[3 * p[1] + p[0]])
                            + noise * Math.sqrt(0.5) * random.gaussian();
                    d[3 * p[0] + p[1]] = shear;
                    d[3 * p[1] + p[0]] = shear;
                }
            }
            double trace = (d[0] + d[4] + d[8]) / 3;
            for (int a = 0; a < 3; a++) d[4 * a] -= trace;
        }
        double lambda2 = volumeHalfStep(lambda1, mean, kT, dt);
        double dilation = 2 * Math.log(lambda2 / lambda0) / 3;
        for (int a = 0; a < 3; a++) d[4 * a] += dilation;
        return d;
    }

    private double volumeHalfStep(double lambda, double meanPressure, double kT, double dt) {
        double h = 0.5 * dt, v = lambda * lambda;
        double next = lambda - compressibility * lambda / (2 * damping) * (pressure - meanPressure - kT / (2 * v)) * h
                + Math.sqrt(kT * compressibility * h / (2 * damping)) * random.gaussian();
        if (!(next > 0)) throw new IllegalStateException("barostat collapsed the cell (volume " + v + " Å³): pdamping is too short or compressibility too large for this system");
        return next;
    }

    double pressureBar() { return pressure * Units.EV_PER_A3_IN_BAR; }

    double damping() { return damping; }

    Coupling coupling() { return coupling; }

    double compressibilityPerBar() { return compressibility / Units.EV_PER_A3_IN_BAR; }
}
