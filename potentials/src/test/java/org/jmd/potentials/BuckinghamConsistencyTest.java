package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ewald and DSF against themselves on random triclinic Zn–O cells (16 atoms, ≈ 12 Å³ per atom,
 * smaller than the 7 Å cutoff in some directions so several images contribute): forces and
 * virial against central differences of the energy, per-atom energies against the total, and
 * invariance under translation, rotation, permutation, choice of image and supercell.
 */
class BuckinghamConsistencyTest {
    static final String PAIRS = " charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";
    static final Potential EWALD = PotentialRegistry.load().create("buckingham cutoff=7 shift=yes coulomb=ewald ewald_accuracy=1e-10" + PAIRS, null);
    static final Potential DSF = PotentialRegistry.load().create("buckingham cutoff=7 shift=yes coulomb=dsf alpha=0.25" + PAIRS, null);

    static AtomicSystem zno(long seed) {
        return Consistency.randomTriclinic(new String[] {"Zn", "O"}, 16, 12.0, 1.7, seed);
    }

    static void check(Potential p, long seed) {
        AtomicSystem s = zno(seed);
        double e = Consistency.energy(p, s);
        double fErr = Consistency.maxForceError(p, s, 1e-5);
        double wErr = Consistency.maxVirialError(p, s, 1e-6);
        double sumErr = Consistency.atomEnergySumError(p, s);
        double invErr = Consistency.maxInvarianceError(p, s, seed);
        double superErr = Consistency.supercellError(p, s);
        System.out.printf("%s seed %d: E=%.6f force %.2e virial %.2e sum %.2e invariance %.2e supercell %.2e%n",
                p.describe().split(" ")[3], seed, e, fErr, wErr, sumErr, invErr, superErr);
        assertTrue(fErr < 5e-7, "force vs finite differences: " + fErr);
        assertTrue(wErr < 5e-6, "virial vs finite differences: " + wErr);
        assertTrue(sumErr < 1e-9, "per-atom energies vs total: " + sumErr);
        assertTrue(invErr < 1e-10, "invariance: " + invErr);
        assertTrue(superErr < 1e-9, "2x2x2 supercell vs 8 E: " + superErr);
    }

    @ParameterizedTest @ValueSource(longs = {1, 2, 3}) void ewald(long seed) { check(EWALD, seed); }

    @ParameterizedTest @ValueSource(longs = {1, 2, 3}) void dsf(long seed) { check(DSF, seed); }
}
