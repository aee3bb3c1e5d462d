package org.jmd.potentials;

/**
 * erfc(x) by the rational approximation of Abramowitz &amp; Stegun 7.1.26, the one LAMMPS's
 * long-range and DSF pair styles evaluate in real space ({@code pair_modify table 0},
 * {@code coul/dsf}): erfc(x) ≈ t·(a₁ + t·(a₂ + t·(a₃ + t·(a₄ + t·a₅))))·exp(−x²), t = 1/(1 + p·x).
 * Its absolute error is below 1.5e-7, so it is here only to reproduce LAMMPS; {@link ScaledErfc}
 * is accurate to double precision.
 */
final class PolynomialErfc {
    private PolynomialErfc() {}

    static final double P = 0.3275911;
    static final double A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027, A5 = 1.061405429;
    /** 2/√π to the 9 digits LAMMPS writes it (EWALD_F) in the force of its long-range pair styles. */
    static final double TWO_OVER_SQRT_PI_LAMMPS = 1.12837917;

    /** exp(x²)·erfc(x) of the approximation, x ≥ 0: multiply by exp(−x²) for erfc. */
    static double scaled(double x) {
        double t = 1 / (1 + P * x);
        return t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
    }
}
