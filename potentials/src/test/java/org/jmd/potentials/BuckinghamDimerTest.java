package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Units;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Zn–O dimer and an O–O dimer in vacuum against the formulas written out by hand. */
class BuckinghamDimerTest {
    static final double A = 529.70, RHO = 0.3581, A_OO = 9547.96, RHO_OO = 0.21916, C_OO = 32.0, RC = 9.0;

    static AtomicSystem dimer(String s1, String s2, double r) {
        return AtomicSystem.of(Cell.open(), new String[] {s1, s2}, new double[] {0, 0, 0, r * 0.6, r * 0.8, 0});
    }

    static Potential create(String coulomb) {
        return PotentialRegistry.load().create("buckingham cutoff=" + RC + " shift=yes " + coulomb
                + " pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0", null);
    }

    static double buck(double a, double rho, double c, double r) { return a * Math.exp(-r / rho) - c / Math.pow(r, 6); }

    @Test void buckinghamAloneIsShiftedToZeroAtTheCutoff() {
        Potential p = create("coulomb=none");
        for (double r : new double[] {1.6, 2.0, 3.3, 8.99}) {
            double expected = buck(A_OO, RHO_OO, C_OO, r) - buck(A_OO, RHO_OO, C_OO, RC);
            ForceResult res = Consistency.evaluate(p, dimer("O", "O", r));
            assertEquals(expected, res.energy, 1e-13 * Math.max(1, Math.abs(expected)), "r = " + r);
            double dEdr = -A_OO / RHO_OO * Math.exp(-r / RHO_OO) + 6 * C_OO / Math.pow(r, 7);
            // atom 0 at the origin is pushed along −r̂ by a repulsion: F_0 = dE/dr · r̂
            assertEquals(dEdr * 0.6, res.forces[0], 1e-12 * Math.max(1, Math.abs(dEdr)));
            assertEquals(dEdr * 0.8, res.forces[1], 1e-12 * Math.max(1, Math.abs(dEdr)));
            assertEquals(-dEdr * 0.8, res.forces[4], 1e-12 * Math.max(1, Math.abs(dEdr)));
        }
        assertEquals(0.0, Consistency.energy(p, dimer("O", "O", 9.01)));
        assertEquals(0.0, Consistency.energy(p, dimer("Zn", "Zn", 2.0)), "Zn-Zn has no Buckingham term");
    }

    /**
     * Fennell & Gezelter (2006) eq. 19 plus the self term −(erfc(αR_c)/(2R_c) + α/√π) q² per ion that
     * makes the sum Ewald-like, as LAMMPS's coul/dsf writes it. With {@code compat=exact}: CODATA k_e
     * and erfc to double precision, force = −dE/dr. With {@code compat=lammps}: k_e = 14.399645 and
     * the Abramowitz–Stegun erfc in the pair term (exact erfc in the shifts, as LAMMPS's init), and
     * LAMMPS's force, which takes the polynomial erfc but the exact derivative 2/√π·exp(−x²) of erfc.
     */
    @ParameterizedTest @ValueSource(strings = {"exact", "lammps"})
    void dsfFollowsFennellGezelter(String compat) {
        boolean lammps = compat.equals("lammps");
        double alpha = 0.22, ke = lammps ? Units.COULOMB_LAMMPS : Units.COULOMB;
        Potential p = create("coulomb=dsf alpha=" + alpha + " compat=" + compat + " charges=Zn:2,O:-2");
        double erfcRc = ScaledErfc.erfc(alpha * RC), gaussRc = Math.exp(-alpha * alpha * RC * RC);
        double slope = erfcRc / (RC * RC) + 2 * alpha / Math.sqrt(Math.PI) * gaussRc / RC;
        for (double r : new double[] {1.7, 2.5, 6.0, 8.9}) {
            double x = alpha * r, erfc = lammps ? PolynomialErfc.scaled(x) * Math.exp(-x * x) : ScaledErfc.erfc(x);
            double fg = erfc / r - erfcRc / RC + slope * (r - RC);
            double eShift = erfcRc / RC + slope * RC; // LAMMPS's e_shift in the self term
            double self = -(eShift / 2 + alpha / Math.sqrt(Math.PI)) * ke * (4 + 4);
            double expected = buck(A, RHO, 0, r) - buck(A, RHO, 0, RC) + ke * (2 * -2) * fg + self;
            ForceResult res = Consistency.evaluate(p, dimer("Zn", "O", r));
            assertEquals(expected, res.energy, 1e-12 * Math.abs(expected), "r = " + r);
            double dfg = -erfc / (r * r) - 2 * alpha / Math.sqrt(Math.PI) * Math.exp(-alpha * alpha * r * r) / r + slope;
            double dEdr = -A / RHO * Math.exp(-r / RHO) + ke * -4 * dfg;
            assertEquals(dEdr * 0.6, res.forces[0], 1e-11 * Math.max(1, Math.abs(dEdr)), "r = " + r);
        }
    }

    /**
     * Energy and force of a DSF pair go to zero continuously at the cutoff (only the self term is
     * left). Exactly so with {@code compat=exact}; with LAMMPS's polynomial erfc in the pair term but
     * the exact one in the shift (as LAMMPS does it) the pair energy keeps k_e|q_i q_j|·ε(αR_c)/R_c
     * at the cutoff, ε the polynomial's error (below 1.5e-7).
     */
    @ParameterizedTest @ValueSource(strings = {"exact", "lammps"})
    void dsfVanishesSmoothlyAtTheCutoff(String compat) {
        Potential p = PotentialRegistry.load().create("buckingham cutoff=9 coulomb=dsf alpha=0.2 compat=" + compat + " charges=Zn:2,O:-2", null);
        double selfOnly = Consistency.energy(p, dimer("Zn", "O", 9.5));
        ForceResult near = Consistency.evaluate(p, dimer("Zn", "O", 9 - 1e-6));
        double jump = compat.equals("exact") ? 1e-10 : Units.COULOMB * 4 * 1.5e-7 / 9;
        assertEquals(selfOnly, near.energy, jump);
        assertTrue(Math.abs(near.forces[0]) < 1e-6, "force just inside the cutoff " + near.forces[0]);
    }
}
