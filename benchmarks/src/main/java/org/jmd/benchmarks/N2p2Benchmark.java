package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.PotentialRegistry;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.N2p2Potential;
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
 * The n2p2 potential on the shared examples (H2O_RPBE-D3: 1080 atoms, 27/30 Gaussian functions per
 * element; Anisole_SCAN: 256 atoms, 331–354 polynomial functions). Per-atom kernels cycle through
 * the atoms of the structure, so their score is already per atom:
 * <ul>
 * <li>{@code descriptorValues}: symmetry functions of one atom, no derivatives;</li>
 * <li>{@code descriptorWithDerivatives}: symmetry functions and ∂G/∂δ for one atom;</li>
 * <li>{@code networkForward} / {@code networkForwardBackward}: one atomic network, without and with ∂E/∂G.</li>
 * </ul>
 * {@code wholeStructure} is one full energy/force/virial evaluation (neighbor list prebuilt); divide
 * by the atom count for µs per atom per step. Reads ../shared (or -Djmd.shared=...).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class N2p2Benchmark {
    @Param({"H2O_RPBE-D3", "Anisole_SCAN"})
    public String potential;

    private N2p2Potential nnp;
    private N2p2Potential.Workspace workspace;
    private AtomicSystem system;
    private final NeighborList list = new NeighborList();
    private final ForceResult result = new ForceResult();
    private int next;

    @Setup public void setup() {
        Path dir = Path.of(System.getProperty("jmd.shared", "../shared"), "reference", "n2p2", potential);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("missing " + dir.toAbsolutePath() + " (set -Djmd.shared)");
        system = StructureIO.read(dir.resolve("input.data")).system;
        nnp = (N2p2Potential) PotentialRegistry.load().create("nnp \"" + dir + "\"", null);
        workspace = (N2p2Potential.Workspace) nnp.workspace(ThreadTeam.serial());
        new CellListSearch().build(system.x, system.size(), system.cell(), nnp.cutoff(), NeighborList.Kind.FULL, list);
        result.reset(system.size());
        workspace.descriptors(system, list, 0, false);
    }

    private int atom() {
        int i = next++;
        if (next == system.size()) next = 0;
        return i;
    }

    @Benchmark public int descriptorValues() { return workspace.descriptors(system, list, atom(), false); }

    @Benchmark public int descriptorWithDerivatives() { return workspace.descriptors(system, list, atom(), true); }

    @Benchmark public double networkForward() { return workspace.network(false); }

    @Benchmark public double networkForwardBackward() { return workspace.network(true); }

    @Benchmark public double wholeStructure() {
        result.reset(system.size());
        workspace.compute(system, list, ForceResult.ALL, result);
        return result.energy;
    }
}
