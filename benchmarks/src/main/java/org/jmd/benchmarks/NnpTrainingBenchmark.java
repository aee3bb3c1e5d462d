package org.jmd.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.io.Frame;
import org.jmd.training.LabelledStructure;
import org.jmd.training.nnp.NnpTrainingStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One NNP training step: loss and gradient (energy and force terms, forward and backward through
 * every atomic network, the force term's mixed derivative included) over a batch of four 64-atom
 * rattled diamond Si cells with the default Si symmetry functions (66 per atom, cutoff 6 Å) and
 * 25-25 tanh networks, on 1 or 2 threads. Descriptors are cached beforehand, as in training.
 * Divide the score by 256 atoms for µs per atom per step. Labels come from the repository's
 * Si.sw (-Djmd.root=..., default the working directory's parent).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class NnpTrainingBenchmark {
    @Param({"1", "2"})
    public int threads;

    private NnpTrainingStep step;

    @Setup public void setup() {
        String root = System.getProperty("jmd.root", "..");
        Potential sw = PotentialRegistry.load().create("sw \"" + java.nio.file.Path.of(root, "inputs/potentials/Si.sw") + "\"", null);
        List<LabelledStructure> batch = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            AtomicSystem s = Crystals.silicon(64, k + 1);
            ForceResult r = new ForceResult();
            new ForceCalculator(sw, 0.0).compute(s, r);
            Frame f = new Frame(s);
            f.energy = r.energy;
            f.forces = r.forces.clone();
            batch.add(new LabelledStructure(f, "bench"));
        }
        step = new NnpTrainingStep(batch, new int[] {25, 25}, threads, 0.1);
    }

    @Benchmark public double lossAndGradient() { return step.run(); }
}
