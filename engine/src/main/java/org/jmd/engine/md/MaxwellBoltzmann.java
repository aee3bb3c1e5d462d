package org.jmd.engine.md;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Units;

/**
 * Initial velocities as LAMMPS's {@code velocity all create T seed} makes them (with its defaults
 * {@code mom yes rot no}): Gaussian components of variance k_B T / m, the centre-of-mass motion
 * removed, then all velocities scaled so the instantaneous temperature, counted with
 * {@link Thermodynamics#degreesOfFreedom}, is exactly T. The sequence depends only on the seed
 * and the atom order, not on the platform.
 */
public final class MaxwellBoltzmann {
    private MaxwellBoltzmann() {}

    public static void assign(AtomicSystem s, double temperature, long seed) {
        if (!(temperature >= 0)) throw new InputException("temperature must be zero or positive, got " + temperature);
        int n = s.size();
        for (int i = 0; i < n; i++) {
            if (!(s.mass[i] > 0)) throw new InputException("atom " + (i + 1) + " (" + s.symbol(i) + ") has no mass; set it with 'mass'");
        }
        if (temperature == 0) {
            java.util.Arrays.fill(s.v, 0.0);
            return;
        }
        if (n < 2) throw new InputException("cannot give one atom a temperature with zero total momentum");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < n; i++) {
            // sqrt(kT/m) in Å/fs: kT in eV, m in amu, 1 amu·Å²/fs² = AMU_A2_PER_FS2 eV
            double sigma = Math.sqrt(Units.BOLTZMANN * temperature / (s.mass[i] * Units.AMU_A2_PER_FS2));
            for (int d = 0; d < 3; d++) s.v[3 * i + d] = sigma * gauss.sample();
        }
        zeroMomentum(s);
        double t = Thermodynamics.temperature(s);
        double scale = Math.sqrt(temperature / t);
        for (int k = 0; k < 3 * n; k++) s.v[k] *= scale;
    }

    /** Subtracts the centre-of-mass velocity, so the total momentum is zero. */
    public static void zeroMomentum(AtomicSystem s) {
        double[] p = new double[3];
        double m = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int d = 0; d < 3; d++) p[d] += s.mass[i] * s.v[3 * i + d];
            m += s.mass[i];
        }
        for (int i = 0; i < s.size(); i++)
            for (int d = 0; d < 3; d++) s.v[3 * i + d] -= p[d] / m;
    }
}
