package org.jmd.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
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
 * What a committee costs per MD step: forces of a rattled 1000-atom diamond Si crystal with
 * Stillinger–Weber alone ({@code members = 0}) and with {@code potential committee DIR} of K
 * Stillinger–Weber members (mean energy, forces, virial, per-atom energies and the per-atom force
 * spread). The committee should cost about K members plus the averaging; the difference is its
 * overhead. Divide the scores (µs per step) by 1000 for µs per atom per step. Run from the
 * repository root (or -Djmd.root).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CommitteeBenchmark {
    @Param({"0", "1", "4"})
    public int members;

    AtomicSystem system;
    ForceCalculator calculator;
    final ForceResult result = new ForceResult();

    @Setup(Level.Trial) public void setUp() throws IOException {
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Path sw = root.resolve("inputs/potentials/Si.sw").toAbsolutePath();
        if (!Files.exists(sw)) throw new IllegalStateException("potential file not found: " + sw + " (run from the repository root or set -Djmd.root)");
        String line = "sw " + sw;
        if (members > 0) {
            Path dir = Files.createTempDirectory("jmd-committee");
            for (int k = 1; k <= members; k++) {
                Path m = Files.createDirectories(dir.resolve("member-" + k));
                Files.writeString(m.resolve("POTENTIAL"), line + "\n");
            }
            line = "committee " + dir;
        }
        Potential potential = PotentialRegistry.load().create(line, root);
        system = Crystals.silicon(1000, 1);
        calculator = new ForceCalculator(potential);
        calculator.compute(system, result);
        System.out.printf("%n%s: %d atoms, E = %.6f eV%n", potential.describe(), system.size(), result.energy);
    }

    /** One MD step's force evaluation (the Verlet list only refreshes displacements). */
    @Benchmark public double step() {
        calculator.compute(system, result);
        return result.energy;
    }
}
