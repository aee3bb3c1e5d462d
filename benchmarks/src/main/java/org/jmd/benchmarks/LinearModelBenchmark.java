package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DescriptorWorkspace;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The linear model on the default Si symmetry functions (66 functions, cutoff 6 Å) on a rattled
 * 216-atom diamond cell:
 * <ul>
 * <li>{@code descriptorsWithDerivatives}: G and the compact ∂G/∂δ rows of one atom through the
 *     public {@link DescriptorWorkspace} API (the per-atom cost of assembling the least-squares
 *     rows in training; the score is per atom);</li>
 * <li>{@code wholeStructure}: one energy/force/virial evaluation of {@code potential linear}
 *     (a saved model with one linear hidden node), neighbor list prebuilt; divide by 216 for µs
 *     per atom per MD step.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class LinearModelBenchmark {
    private BehlerParrinelloDescriptors descriptors;
    private DescriptorWorkspace workspace;
    private AtomElements atoms;
    private Potential linear;
    private ForceWorkspace linearWorkspace;
    private AtomicSystem system;
    private final NeighborList list = new NeighborList();
    private final ForceResult result = new ForceResult();
    private Path dir;
    private int next;

    @Setup public void setup() throws Exception {
        system = Crystals.silicon(216, 1);
        descriptors = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        int n = descriptors.size(0);
        Random rnd = new Random(1);
        double[] w = new double[n], min = new double[n], max = new double[n], mean = new double[n], sigma = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 0.01 * rnd.nextGaussian();
            max[k] = 1;
            mean[k] = 0.5;
            sigma[k] = 0.2;
        }
        dir = Files.createTempDirectory("jmd-linear-bench");
        new N2p2Writer(descriptors).scaling(Scaling.SCALE_CENTER, 0, 1).network(new int[] {1}, "l l")
                .statistics("Si", min, max, mean, sigma).weights("Si", new double[][] {w, {1.0}}, new double[][] {{0.0}, {-5.0}})
                .atomEnergy("Si", -0.1).write(dir);
        linear = PotentialRegistry.load().create("linear \"" + dir + "\"", null);
        linearWorkspace = linear.workspace(ThreadTeam.serial());
        new CellListSearch().build(system.x, system.size(), system.cell(), descriptors.cutoff(), NeighborList.Kind.FULL, list);
        atoms = descriptors.bind(system);
        workspace = descriptors.workspace();
        result.reset(system.size());
    }

    @TearDown public void cleanup() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Benchmark public int descriptorsWithDerivatives() {
        int i = next;
        next = (next + 1) % system.size();
        return workspace.describeWithDerivatives(list, atoms, i);
    }

    @Benchmark public double wholeStructure() {
        result.reset(system.size());
        linearWorkspace.compute(system, list, ForceResult.ALL, result);
        return result.energy;
    }
}
