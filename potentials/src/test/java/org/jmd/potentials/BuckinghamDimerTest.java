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

    /** Fennell & Gezelter (2006) eq. 19 plus the self term −(erfc(αR_c)/(2R_c) + α/√π) q² per ion that makes the sum Ewald-like. */
    @Test void dsfFollowsFennellGezelter() {
        double alpha = 0.22;
        Potential p = create("coulomb=dsf alpha=" + alpha + " charges=Zn:2,O:-2");
        double erfcRc = ScaledErfc.erfc(alpha * RC), gaussRc = Math.exp(-alpha * alpha * RC * RC);
        double slope = erfcRc / (RC * RC) + 2 * alpha / Math.sqrt(Math.PI) * gaussRc / RC;
        for (double r : new double[] {1.7, 2.5, 6.0, 8.9}) {
            double fg = ScaledErfc.erfc(alpha * r) / r - erfcRc / RC + slope * (r - RC);
            double eShift = erfcRc / RC + slope * RC; // LAMMPS's e_shift in the self term
            double self = -(eShift / 2 + alpha / Math.sqrt(Math.PI)) * Units.COULOMB * (4 + 4);
            double expected = buck(A, RHO, 0, r) - buck(A, RHO, 0, RC) + Units.COULOMB * (2 * -2) * fg + self;
            ForceResult res = Consistency.evaluate(p, dimer("Zn", "O", r));
            assertEquals(expected, res.energy, 1e-12 * Math.abs(expected), "r = " + r);
            double dfg = -ScaledErfc.erfc(alpha * r) / (r * r) - 2 * alpha / Math.sqrt(Math.PI) * Math.exp(-alpha * alpha * r * r) / r + slope;
            double dEdr = -A / RHO * Math.exp(-r / RHO) + Units.COULOMB * -4 * dfg;
            assertEquals(dEdr * 0.6, res.forces[0], 1e-11 * Math.max(1, Math.abs(dEdr)), "r = " + r);
        }
    }

    /** Energy and force of a DSF pair go to zero continuously at the cutoff (only the self term is left). */
    @Test void dsfVanishesSmoothlyAtTheCutoff() {
        Potential p = PotentialRegistry.load().create("buckingham cutoff=9 coulomb=dsf alpha=0.2 charges=Zn:2,O:-2", null);
        double selfOnly = Consistency.energy(p, dimer("Zn", "O", 9.5));
        ForceResult near = Consistency.evaluate(p, dimer("Zn", "O", 9 - 1e-6));
        assertEquals(selfOnly, near.energy, 1e-10);
        assertTrue(Math.abs(near.forces[0]) < 1e-6, "force just inside the cutoff " + near.forces[0]);
    }
}
