package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Registry;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.MaxwellBoltzmann;
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
 * One MD step of 1000 Si atoms with Stillinger–Weber (inputs/potentials/Si.sw, run from the
 * project root) at 300 K, 1 fs, in each ensemble. The score is µs per step; divided by 1000 it is
 * µs per atom per step. nve is the baseline: the differences are the thermostat/barostat's cost
 * (for npt mostly the neighbor-list rebuild that every cell change forces).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class IntegratorBenchmark {
    @Param({"nve", "nvt-langevin temperature=300 damping=100", "nvt-nhc temperature=300 damping=100",
            "nvt-csvr temperature=300 damping=100", "npt temperature=300 pressure=0 damping=100 pdamping=1000"})
    public String ensemble;

    Dynamics dynamics;
    Integrator integrator;

    @Setup(Level.Trial) public void setUp() {
        Path sw = Path.of(System.getProperty("jmd.sw", "inputs/potentials/Si.sw"));
        if (!Files.isRegularFile(sw)) throw new IllegalStateException("no " + sw.toAbsolutePath() + ": run from the project root or set -Djmd.sw=PATH");
        AtomicSystem s = Crystals.silicon(1000, 1);
        MaxwellBoltzmann.assign(s, 300, 7);
        dynamics = new Dynamics(s, new ForceCalculator(PotentialRegistry.load().create("sw " + sw, null)));
        dynamics.clock.timestep = 1.0;
        dynamics.computeForces();
        Arguments a = new Arguments(ensemble.split(" ")[0], List.of(ensemble.split(" ")).subList(1, ensemble.split(" ").length), null, 0, null);
        integrator = Registry.load(IntegratorProvider.class, "ensemble").get(a).create(a);
        integrator.init(dynamics);
    }

    @Benchmark public double step() {
        integrator.step(dynamics);
        return dynamics.forces.energy;
    }
}
