package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every symmetry function type, cutoff type, activation and scaling mode, on synthetic potentials
 * with random weights: forces and virial against central differences of the energy, per-atom
 * energies against the total, invariance under translation, rotation, permutation and periodic
 * image, and extensivity (2×2×2 supercell). Cells are small triclinic ones, so neighbours come
 * from several periodic images.
 */
class N2p2ConsistencyTest {
    @TempDir Path tmp;

    static Stream<Arguments> potentials() {
        return Stream.of(
            Arguments.of("gaussian radial and angular, cos cutoff with inner cutoff", new SyntheticN2p2()
                .sf("H 2 H 0.5 0.0 4.0").sf("H 2 O 0.8 1.0 4.2").sf("O 2 H 0.3 0.9 3.8").sf("O 2 O 1.0 0.0 4.0")
                .sf("H 3 O H 0.1 1.0 2.0 4.0").sf("H 3 H H 0.2 -1.0 1.0 3.9 0.5").sf("O 3 H H 0.05 1.0 4.5 4.1")
                .sf("O 9 H O 0.1 -1.0 1.0 4.0").sf("H 9 O O 0.3 1.0 3.0 4.0 0.7")
                .cutoffType("1 0.3").keyword("scale_symmetry_functions").keyword("center_symmetry_functions")),
            Arguments.of("tanhu cutoff, scale only, sigmoid/softplus", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O O 0.1 1.0 1.0 4.0").sf("O 9 H H 0.1 1.0 2.0 4.0")
                .cutoffType("2").activations("s p l").keyword("scale_symmetry_functions").keyword("scale_min_short -1.0")
                .keyword("scale_max_short 1.0")),
            Arguments.of("tanh cutoff, center only, gaussian/cos activations, normalized nodes", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 9 O H 0.1 1.0 1.0 4.0").sf("O 3 H O 0.1 -1.0 1.0 4.0")
                .cutoffType("3").activations("g c l").keyword("center_symmetry_functions").keyword("normalize_nodes")),
            Arguments.of("exp cutoff, sigma scaling, reverse logistic/exp/harmonic", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O H 0.1 1.0 1.0 4.0").sf("O 3 H H 0.1 1.0 1.0 4.0")
                .cutoffType("4 0.2").activations("S e h").nodes(4, 3).keyword("scale_symmetry_functions_sigma")),
            Arguments.of("poly1 cutoff, no scaling, normalisation and offsets, tanh/linear output", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O H 0.1 1.0 1.0 4.0").sf("O 9 H H 0.1 1.0 1.0 4.0")
                .cutoffType("5 0.1").activations("t t t").keyword("mean_energy -2.5").keyword("conv_energy 3.0")
                .keyword("conv_length 1.7").keyword("atom_energy H -0.5").keyword("atom_energy O -75.0")),
            Arguments.of("poly4 cutoff with inner cutoff, scale only", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O H 0.1 1.0 1.0 4.0").sf("O 9 H H 0.1 1.0 1.0 4.0")
                .cutoffType("8 0.4").keyword("scale_symmetry_functions")),
            Arguments.of("hard cutoff and poly2 cutoff families share the code path: poly2 here", new SyntheticN2p2()
                .sf("H 2 O 0.5 0.0 4.0").sf("O 2 H 0.5 0.0 4.0").sf("H 3 O H 0.1 1.0 1.0 4.0").sf("O 9 H H 0.1 1.0 1.0 4.0")
                .cutoffType("6 0.25").keyword("scale_symmetry_functions")),
            Arguments.of("weighted gaussian 12 and 13, poly3 cutoff", new SyntheticN2p2()
                .sf("H 12 0.5 0.0 4.0").sf("O 12 0.2 1.0 4.0").sf("H 13 0.1 0.0 1.0 1.0 4.0").sf("O 13 0.05 0.5 -1.0 2.0 4.0")
                .sf("O 2 O 0.5 0.0 4.0").cutoffType("7 0.2").keyword("scale_symmetry_functions")),
            Arguments.of("polynomial 20/21/22, every subtype", new SyntheticN2p2()
                .sf("H 20 O -4.0 4.0 p1").sf("H 20 H 0.5 4.0 p2a").sf("O 20 H 0.8 3.5 p3").sf("O 20 O -4.0 4.0 p4a")
                .sf("H 20 O 1.0 4.0 e")
                .sf("H 21 O H -4.0 4.0 -90.0 90.0 p2").sf("H 21 H O 0.5 4.0 90.0 270.0 p2a").sf("O 21 H H 0.0 4.0 30.0 150.0 p3")
                .sf("O 22 H H -4.0 4.0 0.0 180.0 p2a").sf("O 22 O H 0.3 4.0 49.1 169.1 p4").sf("H 22 O O -4.0 4.0 60.0 180.0 e")
                .cutoffType("6 0.0").activations("p p l").keyword("scale_symmetry_functions").keyword("center_symmetry_functions")),
            Arguments.of("weighted polynomial 23/24/25", new SyntheticN2p2()
                .sf("H 23 -4.0 4.0 p2").sf("O 23 0.5 4.0 p3a").sf("H 24 -4.0 4.0 -90.0 90.0 p2").sf("O 24 0.0 4.0 0.0 180.0 p2a")
                .sf("H 25 -4.0 4.0 90.0 270.0 p4").sf("O 25 0.2 4.0 20.0 120.0 e")
                .cutoffType("6").keyword("scale_symmetry_functions"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void forcesVirialAndInvariances(String name, SyntheticN2p2 spec) throws Exception {
        N2p2Potential p = new N2p2Potential(spec.write(tmp.resolve("pot")), 1.0, 1.0, name);
        for (long seed = 1; seed <= 2; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 9, 11.0, 0.9, seed);
            ForceResult r = Consistency.evaluate(p, s);
            double scale = Math.max(1e-3, r.maxForceComponent());
            double force = Consistency.maxForceError(p, s, 1e-5);
            double virial = Consistency.maxVirialError(p, s, 1e-6);
            double sum = Consistency.atomEnergySumError(p, s);
            double inv = Consistency.maxInvarianceError(p, s, seed);
            double sup = Consistency.supercellError(p, s);
            System.out.printf("%-70s seed %d: E %.4f max|F| %.3e  dF %.1e  dW %.1e  sum %.1e  inv %.1e  supercell %.1e%n",
                    name, seed, r.energy, scale, force, virial, sum, inv, sup);
            assertTrue(force < 1e-7 * Math.max(1, scale) , "force vs finite differences " + force);
            assertTrue(virial < 1e-6 * Math.max(1, Math.abs(r.energy)), "virial vs finite differences " + virial);
            assertTrue(sum < 1e-12 * Math.max(1, Math.abs(r.energy)), "per-atom energies sum " + sum);
            assertTrue(inv < 1e-10 * Math.max(1, Math.abs(r.energy)), "invariance " + inv);
            assertTrue(sup < 1e-10 * Math.max(1, Math.abs(r.energy)) * 8, "supercell " + sup);
        }
    }
}
