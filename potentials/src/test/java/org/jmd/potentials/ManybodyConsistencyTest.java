package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Potential;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-consistency of the Stillinger–Weber and Tersoff kernels on random triclinic cells, for
 * each parameter set and element combination: forces and virial against central finite
 * differences of the energy, per-atom energies summing to the total, invariance under
 * translation, rotation, permutation and choice of periodic image, and a 2×2×2 supercell
 * having 8 times the energy. Densities are chosen so that many pairs sit in the smooth cutoff
 * regions and many triplets contribute.
 */
class ManybodyConsistencyTest {
    record Case(String name, Supplier<Potential> potential, String[] species, int atoms, double volumePerAtom, double minDistance) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("sw Si", () -> StillingerWeber.read(ReferenceFiles.lammpsPotential("Si.sw"), null),
                        new String[] {"Si"}, 16, 18.0, 2.0),
                new Case("sw GaN (two elements)", () -> StillingerWeber.read(ReferenceFiles.lammpsPotential("GaN.sw"), null),
                        new String[] {"Ga", "N"}, 16, 10.0, 1.6),
                new Case("tersoff Si", () -> Tersoff.read(ReferenceFiles.lammpsPotential("Si.tersoff"), null),
                        new String[] {"Si"}, 16, 18.0, 2.0),
                new Case("tersoff Zn-O (Erhart 2006)", () -> Tersoff.read(ReferenceFiles.shared("potentials/ZnO_Erhart2006.tersoff"), null),
                        new String[] {"Zn", "O"}, 16, 11.0, 1.7))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forcesVirialAtomEnergiesAndInvariances(Case c) {
        Potential p = c.potential().get();
        double worstForce = 0, worstVirial = 0, worstSum = 0, worstInvariance = 0, worstSupercell = 0;
        for (long seed = 1; seed <= 3; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(c.species(), c.atoms(), c.volumePerAtom(), c.minDistance(), seed);
            double e = Math.abs(Consistency.energy(p, s));
            assertTrue(e > 0.1, c + ": the structure should interact, energy " + e + " eV");
            worstForce = Math.max(worstForce, Consistency.maxForceError(p, s, 1e-5));
            worstVirial = Math.max(worstVirial, Consistency.maxVirialError(p, s, 1e-6));
            worstSum = Math.max(worstSum, Consistency.atomEnergySumError(p, s) / e);
            worstInvariance = Math.max(worstInvariance, Consistency.maxInvarianceError(p, s, seed) / e);
            worstSupercell = Math.max(worstSupercell, Consistency.supercellError(p, s) / (8 * e));
        }
        System.out.printf(Locale.ROOT, "%-28s force FD %.1e eV/A  virial FD %.1e eV  sum(e_i) %.1e  invariance %.1e  supercell %.1e (relative)%n",
                c, worstForce, worstVirial, worstSum, worstInvariance, worstSupercell);
        assertTrue(worstForce < 1e-6, c + ": force vs finite difference " + worstForce + " eV/Å");
        assertTrue(worstVirial < 1e-5, c + ": virial vs finite difference " + worstVirial + " eV");
        assertTrue(worstSum < 1e-13, c + ": per-atom energies vs total, relative " + worstSum);
        assertTrue(worstInvariance < 1e-12, c + ": energy change under translation/rotation/permutation/image, relative " + worstInvariance);
        assertTrue(worstSupercell < 1e-12, c + ": 2×2×2 supercell energy vs 8×, relative " + worstSupercell);
    }
}
