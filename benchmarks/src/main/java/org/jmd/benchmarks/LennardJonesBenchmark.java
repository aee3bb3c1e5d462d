package org.jmd.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.build.Lattices;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Lennard-Jones liquid of {@code benchmarks/compare-lammps --cases lj}: 32,000 argon-like
 * atoms (ε = 0.0104 eV, σ = 3.405 Å, cut 2.5σ, shifted) at reduced density 0.8442 (fcc
 * a = 5.719036 Å, 20×20×20 cells), every atom displaced by 0.4 Å (Gaussian) so that pairs
 * cross the cutoff at random as in the liquid. Scores are µs per atom ({@code
 * OperationsPerInvocation} is the atom count): {@code step} is one MD step's forces (list
 * refresh, forces only), {@code stepWithEnergy} a thermo step's (energy and virial too),
 * {@code rebuild} one half-list build at cutoff + 1 Å skin, which MD pays every 40–50 steps here
 * (LAMMPS rebuilds 7 times in 350 steps of the same run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LennardJonesBenchmark {
    static final int CELLS = 20, ATOMS = 4 * CELLS * CELLS * CELLS;

    /** Threads inside the force kernel (the results are the same bits for any count). */
    @Param({"1"})
    public int threads;

    AtomicSystem system;
    ForceCalculator calculator;
    final ForceResult result = new ForceResult();
    final CellListSearch search = new CellListSearch();
    final NeighborList list = new NeighborList();
    double listCutoff;

    @Setup(Level.Trial) public void setUp() {
        system = Crystals.rattle(Lattices.build("fcc", 5.719036, Double.NaN, Double.NaN, new String[] {"Ar"}, CELLS, CELLS, CELLS), 0.4, 1);
        Potential potential = PotentialRegistry.load().create("lj epsilon=0.0104 sigma=3.405 cutoff=8.5125", Path.of("."));
        calculator = new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, ThreadTeam.of(threads));
        calculator.compute(system, result); // builds the list once; later steps only refresh it
        listCutoff = potential.cutoff() + ForceCalculator.DEFAULT_SKIN;
        System.out.printf("%nLJ liquid: %d atoms, %d pairs in the half list, E = %.6f eV%n",
                system.size(), calculator.neighbors().pairCount(), result.energy);
    }

    @Benchmark @OperationsPerInvocation(ATOMS) public ForceResult step() {
        calculator.compute(system, ForceResult.FORCES, result);
        return result;
    }

    @Benchmark @OperationsPerInvocation(ATOMS) public ForceResult stepWithEnergy() {
        calculator.compute(system, ForceResult.ENERGY | ForceResult.VIRIAL, result);
        return result;
    }

    @Benchmark @OperationsPerInvocation(ATOMS) public NeighborList rebuild() {
        search.build(system.x, system.size(), system.cell(), listCutoff, NeighborList.Kind.HALF, list);
        return list;
    }
}
