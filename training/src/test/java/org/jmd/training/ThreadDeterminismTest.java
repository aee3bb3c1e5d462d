package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.check.Consistency;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;
import org.jmd.potentials.plip.PlipModel;
import org.jmd.potentials.plip.PlipKernel;
import org.jmd.potentials.plip.PlipPotential;
import org.jmd.potentials.plip.PlipTerm;
import org.jmd.potentials.committee.CommitteePotential;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every potential gives the same bits on 1, 2 and 3 threads: energy, forces, virial and per-atom
 * energies, and the forces of a forces-only evaluation equal those of a full one. The structures
 * have a few hundred atoms, so the atoms really are split over several blocks and threads.
 */
class ThreadDeterminismTest {
    @TempDir static Path dir;

    static Stream<Object[]> potentials() throws Exception {
        Path root = Path.of(System.getProperty("jmd.root", ".."));
        Path shared = Path.of(System.getProperty("jmd.testdata", "../testdata"));
        PotentialRegistry registry = PotentialRegistry.load();
        String[] si = {"Si"}, zno = {"Zn", "O"};
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"lj", registry.create("lj epsilon=0.0104 sigma=3.4 cutoff=8.5", root), new String[] {"Ar"}, 300, 60.0, 2.8});
        cases.add(new Object[] {"sw", registry.create("sw " + root.resolve("inputs/potentials/Si.sw"), root), si, 300, 20.0, 2.0});
        cases.add(new Object[] {"tersoff", registry.create("tersoff " + root.resolve("inputs/potentials/Si.tersoff"), root), si, 300, 20.0, 2.0});
        cases.add(new Object[] {"tersoff-zno", registry.create("tersoff " + shared.resolve("potentials/ZnO_Erhart2006.tersoff"), root), zno, 300, 12.0, 1.7});
        String buck = "buckingham cutoff=8 shift=yes charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0 ";
        cases.add(new Object[] {"buckingham-dsf", registry.create(buck + "coulomb=dsf alpha=0.2", root), zno, 300, 12.0, 1.7});
        cases.add(new Object[] {"buckingham-ewald", registry.create(buck + "coulomb=ewald ewald_accuracy=1e-6", root), zno, 200, 12.0, 1.7});
        cases.add(new Object[] {"nnp", registry.create("nnp " + shared.resolve("reference/n2p2/H2O_RPBE-D3") + " length_unit=bohr energy_unit=hartree", root),
                new String[] {"H", "O"}, 240, 10.0, 0.9});
        cases.add(new Object[] {"linear", linear(), si, 300, 20.0, 2.0});
        cases.add(new Object[] {"plip", plip(PlipKernel.Radial.TABULATED), si, 300, 20.0, 2.0});
        cases.add(new Object[] {"plip tabulate=no", plip(PlipKernel.Radial.EXACT), si, 300, 20.0, 2.0});
        cases.add(new Object[] {"committee", new CommitteePotential(List.of(registry.create("sw " + root.resolve("inputs/potentials/Si.sw"), root),
                registry.create("lj epsilon=0.02 sigma=2.1 cutoff=4.5", root)), "sw + lj"), si, 300, 20.0, 2.0});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void sameBitsOnOneTwoAndThreeThreads(String name, Potential p, String[] species, int atoms, double volumePerAtom, double minDistance) {
        AtomicSystem s = Consistency.randomTriclinic(species, atoms, volumePerAtom, minDistance, 7);
        ForceResult one = evaluate(p, s, 1, ForceResult.ALL);
        assertTrue(Double.isFinite(one.energy) && one.energy != 0, name + ": energy " + one.energy);
        for (int threads : new int[] {2, 3}) {
            ForceResult r = evaluate(p, s, threads, ForceResult.ALL);
            assertEquals(Double.doubleToRawLongBits(one.energy), Double.doubleToRawLongBits(r.energy), name + ": energy on " + threads + " threads");
            assertArrayEquals(one.forces, r.forces, name + ": forces on " + threads + " threads");
            assertArrayEquals(one.virial, r.virial, name + ": virial on " + threads + " threads");
            assertArrayEquals(one.atomEnergies, r.atomEnergies, name + ": per-atom energies on " + threads + " threads");
            assertArrayEquals(one.forces, evaluate(p, s, threads, ForceResult.FORCES).forces, name + ": forces-only on " + threads + " threads");
        }
    }

    private static ForceResult evaluate(Potential p, AtomicSystem s, int threads, int want) {
        ForceResult r = new ForceResult();
        new ForceCalculator(p, 0.5, ThreadTeam.of(threads)).compute(s, want, r);
        return r;
    }

    /** A linear model on default Si descriptors with random weights, written as an n2p2 directory. */
    private static Potential linear() throws Exception {
        BehlerParrinelloDescriptors descriptors = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        int n = descriptors.size(0);
        Random rnd = new Random(1);
        double[] w = new double[n], min = new double[n], max = new double[n], mean = new double[n], sigma = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 0.01 * rnd.nextGaussian();
            max[k] = 1;
            mean[k] = 0.5;
            sigma[k] = 0.2;
        }
        Path out = Files.createDirectories(dir.resolve("linear"));
        new N2p2Writer(descriptors).scaling(Scaling.SCALE_CENTER, 0, 1).network(new int[] {1}, "l l")
                .statistics("Si", min, max, mean, sigma).weights("Si", new double[][] {w, {1.0}}, new double[][] {{0.0}, {-5.0}})
                .atomEnergy("Si", -0.1).write(out);
        return PotentialRegistry.load().create("linear \"" + out + "\"", null);
    }

    /** A PLIP model with two-, three- and many-body terms and random weights. */
    private static Potential plip(PlipKernel.Radial radial) {
        Random rnd = new Random(2);
        List<PlipTerm> terms = new ArrayList<>();
        for (int k = 0; k < 8; k++) terms.add(PlipTerm.twoBody(0, 0, 1.0, 1.8 + 0.4 * k, 5.0));
        for (int k = 0; k < 4; k++) for (int m = 2; m <= 3; m++) terms.add(PlipTerm.manyBody(0, 0, 1, 1.8 + 0.6 * k, 5.0, m));
        for (int k = 0; k < 4; k++) for (int l = 0; l <= 3; l++) terms.add(PlipTerm.threeBody(0, 0, 0, 1.0, 2.0 + 0.4 * k, 4.0, l));
        double[] w = new double[terms.size()];
        for (int t = 0; t < w.length; t++) w[t] = 1e-2 * rnd.nextGaussian();
        return new PlipPotential(new PlipModel(new String[] {"Si"}, new double[] {-5}, terms, w), "plip test", radial);
    }
}
