package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;
import org.jmd.potentials.plip.PlipPotential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine-learned Si models of inputs/train/si-*.deck against Stillinger–Weber, one MD force
 * step each (list refresh and forces, one thread) on the same 1,000 diamond Si atoms in one JMH
 * run, in µs per atom per step, so the ratios to SW can be read off directly:
 * <ul>
 * <li>{@code sw}: inputs/potentials/Si.sw;</li>
 * <li>{@code linear}: a linear model on the default Si symmetry functions (what si-linear.deck fits);</li>
 * <li>{@code nnp}: a 25-25 tanh network on the default Si symmetry functions (what si-nnp.deck fits);</li>
 * <li>{@code plip}: the model si-plip.deck fits, shipped as a resource (77 terms).</li>
 * </ul>
 * The linear and NNP weights are random: the cost of an evaluation depends on the symmetry
 * functions and the architecture, not on the values of the weights, so the timing is that of the
 * trained models without needing eight minutes of training first.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SiliconModelsBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SiliconModelsBenchmark {
    static final int ATOMS = 1000;

    @Param({"sw", "linear", "nnp", "plip"})
    public String model;

    private AtomicSystem system;
    private ForceCalculator calculator;
    private final ForceResult result = new ForceResult();
    private Path dir;

    @Setup(Level.Trial) public void setUp() throws Exception {
        system = Crystals.silicon(ATOMS, 1);
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Potential p = switch (model) {
            case "sw" -> PotentialRegistry.load().create("sw " + root.resolve("inputs/potentials/Si.sw").toAbsolutePath(), root);
            case "linear" -> network("linear", new int[] {1}, "l l");
            case "nnp" -> network("nnp", new int[] {25, 25}, "t t l");
            case "plip" -> new PlipPotential(PlipBenchmark.trainedModel(), "si-plip");
            default -> throw new IllegalArgumentException("unknown model " + model);
        };
        calculator = new ForceCalculator(p, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
        calculator.compute(system, result);
        System.out.printf("%n%s: %d atoms, E = %.6f eV/atom%n", model, system.size(), result.energy / system.size());
    }

    /** An n2p2 directory with the default Si symmetry functions, the given architecture and random weights. */
    private Potential network(String style, int[] hidden, String activations) throws Exception {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        int n = bp.size(0);
        Random rnd = new Random(1);
        double[] min = new double[n], max = new double[n], mean = new double[n], sigma = new double[n];
        for (int f = 0; f < n; f++) { max[f] = 1; mean[f] = 0.5; sigma[f] = 0.2; }
        int[] width = new int[hidden.length + 2];
        width[0] = n;
        System.arraycopy(hidden, 0, width, 1, hidden.length);
        width[width.length - 1] = 1;
        double[][] w = new double[width.length - 1][], b = new double[width.length - 1][];
        for (int l = 1; l < width.length; l++) {
            w[l - 1] = new double[width[l] * width[l - 1]];
            b[l - 1] = new double[width[l]];
            for (int k = 0; k < w[l - 1].length; k++) w[l - 1][k] = 0.1 * rnd.nextGaussian();
        }
        if (hidden.length == 1 && hidden[0] == 1) { w[1][0] = 1.0; b[1][0] = -5.0; }
        dir = Files.createTempDirectory("jmd-si-" + style);
        new N2p2Writer(bp).scaling(Scaling.SCALE_CENTER, 0, 1).network(hidden, activations).statistics("Si", min, max, mean, sigma)
                .weights("Si", w, b).write(dir);
        return PotentialRegistry.load().create(style + " \"" + dir + "\"", null);
    }

    @TearDown(Level.Trial) public void cleanup() throws Exception {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public ForceResult step() {
        calculator.compute(system, ForceResult.FORCES, result);
        return result;
    }
}
