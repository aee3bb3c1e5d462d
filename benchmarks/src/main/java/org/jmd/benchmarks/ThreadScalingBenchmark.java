package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Structures;
import org.jmd.engine.ThreadTeam;
import org.jmd.io.StructureIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One MD force evaluation (forces only, list refreshed) on 1 and 2 threads, for the speed-up of
 * the threaded kernels: SW on 8,000 diamond Si atoms, the n2p2 H2O potential on its 1,080-atom
 * structure repeated 2×2×1 (4,320 atoms). Results are the same bits on any number of threads
 * (ThreadDeterminismTest), so the two rows differ only in time. Divide the score (µs per step)
 * by {@code atoms} (printed at set-up) for µs per atom per step.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ThreadScalingBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThreadScalingBenchmark {
    @Param({"sw", "nnp-h2o"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    private AtomicSystem system;
    private ForceCalculator calculator;
    private final ForceResult result = new ForceResult();

    @Setup(Level.Trial) public void setUp() {
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Path shared = Path.of(System.getProperty("jmd.testdata", root.resolve("testdata").toString()));
        Potential p;
        switch (model) {
            case "sw" -> {
                system = Crystals.silicon(8000, 1);
                p = PotentialRegistry.load().create("sw " + existing(root.resolve("inputs/potentials/Si.sw")), root);
            }
            case "nnp-h2o" -> {
                Path dir = existing(shared.resolve("reference/n2p2/H2O_RPBE-D3"));
                system = Structures.repeat(StructureIO.read(dir.resolve("input.data")).system, 2, 2, 1);
                p = PotentialRegistry.load().create("nnp \"" + dir + "\"", root);
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        }
        calculator = new ForceCalculator(p, ForceCalculator.DEFAULT_SKIN, ThreadTeam.of(threads));
        calculator.compute(system, result); // builds the list outside the measurement
        System.out.printf("%n%s: %d atoms, %d threads%n", model, system.size(), threads);
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) throw new IllegalStateException("not found: " + p.toAbsolutePath() + " (run from the repository root or set -Djmd.root/-Djmd.testdata)");
        return p.toAbsolutePath();
    }

    @Benchmark public ForceResult step() {
        calculator.compute(system, ForceResult.FORCES, result);
        return result;
    }
}
