package org.jmd.integrators;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The random numbers of one stochastic integrator: a seeded xoroshiro128++ stream with Gaussian
 * and chi-square samplers on top. The samplers keep no values between calls (no cached second
 * Box–Muller deviate), so the generator's own state is the whole state and a restored stream
 * continues bit for bit.
 */
final class RandomStream {
    /** Seed used when a deck gives none, so that runs are reproducible by default. */
    static final long DEFAULT_SEED = 5_489L;

    private final RestorableUniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    // the gamma sampler precomputes constants for its shape; the shape changes only with N
    private SharedStateContinuousSampler gamma;
    private int gammaDof = -1;

    RandomStream(long seed) {
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** A standard normal deviate. */
    double gaussian() { return gaussian.sample(); }

    /**
     * The sum of the squares of n independent standard normal deviates (chi-square with n degrees
     * of freedom), drawn as 2·Gamma(n/2) in one call instead of n Gaussians: the CSVR thermostat
     * needs it every step for thousands of degrees of freedom.
     */
    double sumOfSquaredGaussians(int n) {
        if (n <= 0) return 0;
        if (n == 1) {
            double r = gaussian();
            return r * r;
        }
        if (n != gammaDof) {
            gamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * n, 1.0);
            gammaDof = n;
        }
        return 2 * gamma.sample();
    }

    byte[] saveState() { return ((RandomProviderDefaultState) rng.saveState()).getState(); }

    void restoreState(byte[] state) { rng.restoreState(new RandomProviderDefaultState(state)); }
}
