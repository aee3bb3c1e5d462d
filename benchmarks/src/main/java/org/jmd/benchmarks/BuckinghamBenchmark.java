package org.jmd.benchmarks;

import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
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
 * One force evaluation (energy, forces, virial, per-atom energies) of rattled wurtzite ZnO with
 * the rigid-ion Buckingham model of the LAMMPS reference (10 Å cutoff, shifted), as an MD step
 * sees it: through a {@link ForceCalculator} whose Verlet list is already built, so only pair
 * displacements are refreshed. Scores are per evaluation; divide by the atom count
 * ({@link Crystals#zincOxide}: 1372, 10976 and 108000 atoms) for µs per atom per step.
 *
 * <p>DSF (α = 0.2 /Å) is linear in N. Ewald at relative accuracy 1e-6 is not: the number of
 * k-vectors grows with the volume, so the k-space sum costs O(N²) (α is chosen independent of N).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class BuckinghamBenchmark {
    static final String MODEL = " cutoff=10.0 shift=yes charges=Zn:2,O:-2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";

    /** Buckingham + damped shifted force, with LAMMPS's polynomial erfc (the default) or the exact one. */
    @State(Scope.Thread)
    public static class Dsf {
        @Param({"1000", "10000", "100000"})
        public int atoms;
        @Param({"lammps", "exact"})
        public String compat;
        AtomicSystem system;
        ForceCalculator calculator;
        final ForceResult result = new ForceResult();

        @Setup(Level.Trial) public void setUp() {
            system = Crystals.zincOxide(atoms, 1);
            calculator = new ForceCalculator(PotentialRegistry.load().create("buckingham coulomb=dsf alpha=0.2 compat=" + compat + MODEL, null));
            calculator.compute(system, result); // builds the neighbor list outside the measurement
        }
    }

    /** Buckingham + Ewald at relative accuracy 1e-6. */
    @State(Scope.Thread)
    public static class Ewald {
        @Param({"1000", "10000"})
        public int atoms;
        AtomicSystem system;
        ForceCalculator calculator;
        final ForceResult result = new ForceResult();

        @Setup(Level.Trial) public void setUp() {
            system = Crystals.zincOxide(atoms, 1);
            calculator = new ForceCalculator(PotentialRegistry.load().create("buckingham coulomb=ewald ewald_accuracy=1e-6" + MODEL, null));
            calculator.compute(system, result);
        }
    }

    @Benchmark public double dsf(Dsf s) {
        s.calculator.compute(s.system, s.result);
        return s.result.energy;
    }

    @Benchmark public double ewald(Ewald s) {
        s.calculator.compute(s.system, s.result);
        return s.result.energy;
    }
}
