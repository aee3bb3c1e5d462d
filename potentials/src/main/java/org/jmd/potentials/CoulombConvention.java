package org.jmd.potentials;

import org.jmd.engine.Units;

/**
 * The numerical conventions of the Coulomb term ({@code compat=} in the deck): the Coulomb
 * constant k_e and how erfc is evaluated in real space (Ewald's real-space term and DSF).
 *
 * <ul>
 * <li>{@link #LAMMPS} (the default): k_e = 14.399645 eV·Å and the Abramowitz–Stegun polynomial
 *     for erfc ({@link PolynomialErfc}), with the force written as LAMMPS writes it, so that jmd
 *     reproduces LAMMPS's {@code coul/long} ({@code pair_modify table 0}) and {@code coul/dsf}.
 *     The polynomial is good to 1.4e-7, and the force is then not exactly −dE/dr: it differs by
 *     k_e q_i q_j α ε'(αr)/r per pair, with |ε'| ≤ 7.2e-6 the error of the polynomial's slope.
 * <li>{@link #EXACT}: CODATA k_e and erfc to double precision ({@link ScaledErfc}); forces are
 *     exact derivatives of the energy.
 * </ul>
 *
 * The two differ by ~1e-7 relative in energy and a few 1e-6 eV/Å in force: physically nothing,
 * but more than the agreement with LAMMPS that jmd's classical "teacher" potentials are held to.
 *
 * @param keyword         the deck spelling
 * @param coulombConstant k_e in eV·Å
 * @param polynomialErfc  whether real-space erfc is LAMMPS's polynomial
 */
public record CoulombConvention(String keyword, double coulombConstant, boolean polynomialErfc) {
    public static final CoulombConvention LAMMPS = new CoulombConvention("lammps", Units.COULOMB_LAMMPS, true);
    public static final CoulombConvention EXACT = new CoulombConvention("exact", Units.COULOMB, false);

    /** The convention of a deck keyword: lammps or exact. */
    public static CoulombConvention of(String keyword) {
        return switch (keyword) {
            case "lammps" -> LAMMPS;
            case "exact" -> EXACT;
            default -> throw new IllegalArgumentException("compat must be lammps or exact, got " + keyword);
        };
    }
}
