package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
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
 * Stillinger–Weber Si, Tersoff Si and Erhart ZnO force evaluations on rattled crystals (diamond
 * Si at a = 5.431 Å, wurtzite ZnO at Erhart's a = 3.2189 Å, c = 5.2565 Å) of about 1k, 10k and
 * 100k atoms. {@code step} is what an MD step costs in forces: a Verlet-list update that only
 * refreshes displacements (the atoms have not moved half the 1 Å skin), zeroing the buffers and
 * the potential's kernel with per-atom energies; {@code kernel} is the last part alone. {@code rebuild} is one full-list cell-list build
 * at the potential's cutoff plus skin, paid every few tens of steps in MD. Divide the scores
 * (µs per operation) by the atom count in the setup log for µs per atom per step.
 *
 * <p>Run from the repository root (potential files: inputs/potentials and testdata/potentials,
 * or -Djmd.root / -Djmd.testdata).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ManybodyBenchmark {
    @Param({"sw-Si", "tersoff-Si", "tersoff-ZnO"})
    public String model;

    @Param({"1000", "10000", "100000"})
    public int atoms;

    /** Threads inside the force kernel (the results are the same bits for any count). */
    @Param({"1", "2"})
    public int threads;

    AtomicSystem system;
    ForceCalculator calculator;
    ForceWorkspace kernelWorkspace;
    final ForceResult result = new ForceResult();
    final CellListSearch search = new CellListSearch();
    final NeighborList list = new NeighborList();
    final NeighborList kernelList = new NeighborList();
    double listCutoff;

    @Setup(Level.Trial) public void setUp() {
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Path shared = Path.of(System.getProperty("jmd.testdata", root.resolve("testdata").toString()));
        String line;
        switch (model) {
            case "sw-Si": line = "sw " + existing(root.resolve("inputs/potentials/Si.sw")); system = Crystals.silicon(atoms, 1); break;
            case "tersoff-Si": line = "tersoff " + existing(root.resolve("inputs/potentials/Si.tersoff")); system = Crystals.silicon(atoms, 1); break;
            case "tersoff-ZnO": line = "tersoff " + existing(shared.resolve("potentials/ZnO_Erhart2006.tersoff")); system = Crystals.zincOxide(atoms, 1); break;
            default: throw new IllegalArgumentException("unknown model " + model);
        }
        Potential potential = PotentialRegistry.load().create(line, root);
        calculator = new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, ThreadTeam.of(threads));
        kernelWorkspace = potential.workspace(ThreadTeam.of(threads));
        calculator.compute(system, result); // builds the list once; later steps only refresh it
        listCutoff = potential.cutoff() + ForceCalculator.DEFAULT_SKIN;
        search.build(system.x, system.size(), system.cell(), listCutoff, NeighborList.Kind.FULL, kernelList);
        System.out.printf("%n%s: %d atoms, E = %.6f eV (%.6f eV/atom)%n", model, system.size(), result.energy, result.energy / system.size());
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) throw new IllegalStateException("potential file not found: " + p.toAbsolutePath() + " (run from the repository root or set -Djmd.root/-Djmd.testdata)");
        return p.toAbsolutePath();
    }

    /** One MD step's force evaluation: list refresh and forces only, as a step that prints nothing asks. */
    @Benchmark public ForceResult step() {
        calculator.compute(system, ForceResult.FORCES, result);
        return result;
    }

    /** The potential's kernel alone, on the list as the last step left it (no list update). */
    @Benchmark public ForceResult kernel() {
        result.reset(system.size());
        kernelWorkspace.compute(system, kernelList, ForceResult.FORCES, result);
        return result;
    }

    @Benchmark public NeighborList rebuild() {
        search.build(system.x, system.size(), system.cell(), listCutoff, NeighborList.Kind.FULL, list);
        return list;
    }
}
