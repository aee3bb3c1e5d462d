package org.jmd.potentials;

import org.jmd.engine.Units;

/**
 * The splitting parameter α (1/Å) and reciprocal-space cutoff K (1/Å) of an Ewald sum, chosen
 * from a requested relative accuracy the way LAMMPS's {@code kspace_style ewald} does, so that
 * users can carry their LAMMPS settings over:
 *
 * <ul>
 * <li>The accuracy is relative to the force between two unit charges 1 Å apart:
 *     δ = accuracy · e²/(4πε₀·1 Å²) (eV/Å).
 * <li>α from the Kolafa–Perram estimate of the real-space force error,
 *     δ_real ≈ 2 Q² exp(−α²r_c²) / √(N r_c V) with Q² = k_e Σ q_i²: α = √(−ln g)/r_c with
 *     g = δ √(N r_c V) / (2 Q²); when g ≥ 1 (tiny charges) α = (1.35 − 0.15 ln δ)/r_c.
 * <li>K as the smallest wave number whose Kolafa–Perram reciprocal-space error
 *     δ_recip(K) = (2 Q² α / L) · √(2 / (K L N)) · exp(−K²/(4α²)), L = V^(1/3),
 *     is at most δ. (LAMMPS applies this per box direction with K = 2π k_max/L_d; a sphere
 *     |k| ≤ K treats any triclinic cell the same way.)
 * </ul>
 */
public record EwaldParameters(double alpha, double kCutoff) {

    /**
     * @param accuracy  relative accuracy, e.g. 1e-6 (LAMMPS's kspace_style ewald argument)
     * @param cutoff    real-space cutoff r_c (Å)
     * @param atoms     number of atoms N
     * @param volume    cell volume V (Å³)
     * @param sumQ2     Σ q_i² (e²)
     * @param alpha     a fixed α (1/Å), or NaN to choose it from the accuracy
     */
    public static EwaldParameters choose(double accuracy, double cutoff, int atoms, double volume, double sumQ2, double alpha) {
        double delta = accuracy * Units.COULOMB;
        double q2 = sumQ2 * Units.COULOMB;
        double a = alpha;
        if (Double.isNaN(a)) {
            double g = delta * Math.sqrt(atoms * cutoff * volume) / (2 * q2);
            a = g >= 1 ? (1.35 - 0.15 * Math.log(delta)) / cutoff : Math.sqrt(-Math.log(g)) / cutoff;
        }
        double l = Math.cbrt(volume);
        // the error estimate falls monotonically with K: bracket, then bisect on its logarithm
        double lo = 1e-6, hi = 1.0;
        while (reciprocalError(hi, q2, a, l, atoms) > delta) hi *= 2;
        for (int it = 0; it < 100 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (reciprocalError(mid, q2, a, l, atoms) > delta) lo = mid; else hi = mid;
        }
        return new EwaldParameters(a, hi);
    }

    /** Kolafa–Perram estimate of the real-space force error (eV/Å) for this α and cutoff. */
    public static double realSpaceError(double alpha, double cutoff, int atoms, double volume, double sumQ2) {
        return 2 * sumQ2 * Units.COULOMB * Math.exp(-alpha * alpha * cutoff * cutoff) / Math.sqrt(atoms * cutoff * volume);
    }

    static double reciprocalError(double k, double q2, double alpha, double l, int atoms) {
        return 2 * q2 * alpha / l * Math.sqrt(2 / (k * l * atoms)) * Math.exp(-k * k / (4 * alpha * alpha));
    }
}
