package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Units;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/**
 * The Ewald sum against lattice sums known independently, and against itself at other α. These
 * are checks of the mathematics, so they use {@code compat=exact} (CODATA k_e, erfc to double
 * precision): LAMMPS's polynomial erfc would put its own 1e-7 error, different at each α, on top.
 */
class EwaldSumTest {
    /** Madelung constants referred to the nearest-neighbour distance (e.g. Kittel; Sakamoto 1958, 12+ digits). */
    static final double MADELUNG_ROCKSALT = 1.747564594633, MADELUNG_CSCL = 1.762674773070;

    static Potential coulomb(String options) {
        return PotentialRegistry.load().create("buckingham cutoff=8 coulomb=ewald compat=exact charges=Na:1,Cl:-1 " + options, null);
    }

    static AtomicSystem rocksaltConventional(double r0) {
        double a = 2 * r0;
        double[] f = {0, 0, 0, 0, .5, .5, .5, 0, .5, .5, .5, 0, .5, 0, 0, 0, .5, 0, 0, 0, .5, .5, .5, .5};
        double[] x = new double[24];
        for (int k = 0; k < 24; k++) x[k] = f[k] * a;
        return new AtomicSystem(Cell.orthorhombic(a, a, a), new String[] {"Na", "Cl"}, new int[] {0, 0, 0, 0, 1, 1, 1, 1}, x);
    }

    /** The two-atom rhombohedral primitive cell: triclinic, and narrower than the cutoff in every direction. */
    static AtomicSystem rocksaltPrimitive(double r0) {
        double h = r0; // half the cubic lattice constant
        Cell cell = new Cell(new double[] {0, h, h, h, 0, h, h, h, 0}, new boolean[] {true, true, true});
        return new AtomicSystem(cell, new String[] {"Na", "Cl"}, new int[] {0, 1}, new double[] {0, 0, 0, h, h, h});
    }

    @Test void rocksaltMadelungConstant() {
        double r0 = 2.82;
        double perPair = -MADELUNG_ROCKSALT * Units.COULOMB / r0;
        Potential p = coulomb("ewald_accuracy=1e-12");
        double conventional = Consistency.energy(p, rocksaltConventional(r0)) / 4;
        double primitive = Consistency.energy(p, rocksaltPrimitive(r0));
        System.out.printf("rocksalt: %.12f (conventional) %.12f (primitive) vs %.12f eV per pair%n", conventional, primitive, perPair);
        assertEquals(perPair, conventional, 1e-10 * Math.abs(perPair));
        assertEquals(perPair, primitive, 1e-10 * Math.abs(perPair));
        // a perfect crystal feels no force, by symmetry
        ForceResult r = Consistency.evaluate(p, rocksaltPrimitive(r0));
        assertTrue(r.maxForceComponent() < 1e-10, "force in perfect rocksalt: " + r.maxForceComponent());
    }

    @Test void cesiumChlorideMadelungConstant() {
        double a = 3.3, r0 = a * Math.sqrt(3) / 2;
        AtomicSystem s = new AtomicSystem(Cell.orthorhombic(a, a, a), new String[] {"Na", "Cl"}, new int[] {0, 1},
                new double[] {0, 0, 0, a / 2, a / 2, a / 2});
        double e = Consistency.energy(coulomb("ewald_accuracy=1e-12"), s);
        double expected = -MADELUNG_CSCL * Units.COULOMB / r0;
        System.out.printf("CsCl: %.12f vs %.12f eV per pair%n", e, expected);
        assertEquals(expected, e, 1e-10 * Math.abs(expected));
    }

    /** The split between real and reciprocal space is arbitrary: α changes neither energy nor forces beyond the accuracy asked. */
    @Test void independentOfSplittingParameter() {
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 24, 12.0, 1.7, 11);
        String base = "buckingham cutoff=9 coulomb=ewald compat=exact charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0 ";
        ForceResult tight = Consistency.evaluate(PotentialRegistry.load().create(base + "ewald_accuracy=1e-12", null), s);
        double worstE = 0, worstF = 0;
        for (String opt : new String[] {"ewald_accuracy=1e-6", "ewald_accuracy=1e-9", "ewald_accuracy=1e-12 alpha=0.6",
                                        "ewald_accuracy=1e-12 alpha=0.8"}) {
            Buckingham p = (Buckingham) PotentialRegistry.load().create(base + opt, null);
            ForceCalculator calculator = new ForceCalculator(p, 0.0);
            ForceResult r = new ForceResult();
            calculator.compute(s, r);
            Buckingham.Workspace w = (Buckingham.Workspace) calculator.workspace();
            double acc = Double.parseDouble(opt.split("[= ]")[1]);
            double fErr = 0;
            for (int k = 0; k < r.forces.length; k++) fErr = Math.max(fErr, Math.abs(r.forces[k] - tight.forces[k]));
            double eErr = Math.abs(r.energy - tight.energy);
            System.out.printf("%-32s alpha %.4f /Å, K %.3f /Å, %d k-vectors: |dE| %.2e eV, max |dF| %.2e eV/Å%n",
                    opt, w.alpha(), w.kCutoff(), w.kVectorCount(), eErr, fErr);
            // the accuracy is on forces relative to k_e/Å²; allow a factor 10 for the estimate being an rms
            assertTrue(fErr < 10 * acc * Units.COULOMB, opt + ": force change " + fErr);
            assertTrue(eErr < 10 * acc * Units.COULOMB * s.size(), opt + ": energy change " + eErr);
        }
    }

    /** A charged cell with a neutralising background: the energy still does not depend on α. */
    @Test void chargedCellWithBackground() {
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 10, 14.0, 1.8, 5);
        String base = "buckingham cutoff=8 coulomb=ewald compat=exact background=yes ewald_accuracy=1e-12 charges=Zn:2,O:-1.5 pairs=Zn-O:529.70:0.3581:0.0";
        double e1 = Consistency.energy(PotentialRegistry.load().create(base + " alpha=0.7", null), s);
        double e2 = Consistency.energy(PotentialRegistry.load().create(base + " alpha=0.9", null), s);
        assertEquals(e1, e2, 1e-9 * Math.abs(e1));
        Potential p = PotentialRegistry.load().create(base, null);
        assertTrue(Consistency.maxForceError(p, s, 1e-5) < 5e-7);
        assertTrue(Consistency.maxVirialError(p, s, 1e-6) < 5e-6);
        assertTrue(Consistency.atomEnergySumError(p, s) < 1e-9);
    }

    @Test void alphaTooSmallForTheCutoffIsAnError() {
        Potential p = coulomb("ewald_accuracy=1e-10 alpha=0.2");
        InputException e = assertThrows(InputException.class, () -> Consistency.energy(p, rocksaltConventional(2.82)));
        assertTrue(e.getMessage().contains("real-space force error") && e.getMessage().contains("use alpha >="), e.getMessage());
    }

    @Test void chargedCellWithoutBackgroundIsAnError() {
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 10, 14.0, 1.8, 5);
        Potential p = PotentialRegistry.load().create(
                "buckingham cutoff=8 coulomb=ewald ewald_accuracy=1e-8 charges=Zn:2,O:-1.5 pairs=Zn-O:529.70:0.3581:0.0", null);
        InputException e = assertThrows(InputException.class, () -> Consistency.energy(p, s));
        assertTrue(e.getMessage().contains("net charge 2.5") && e.getMessage().contains("background=yes"), e.getMessage());
    }

    @Test void ewaldNeedsFullPeriodicity() {
        AtomicSystem s = rocksaltConventional(2.82);
        s.setCell(new Cell(s.cell().matrix(), new boolean[] {true, true, false}));
        InputException e = assertThrows(InputException.class, () -> Consistency.energy(coulomb("ewald_accuracy=1e-8"), s));
        assertTrue(e.getMessage().contains("periodic in all three directions"), e.getMessage());
    }
}
