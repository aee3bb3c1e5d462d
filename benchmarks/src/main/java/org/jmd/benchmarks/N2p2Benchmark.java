package org.jmd.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Structures;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.DescriptorWorkspace;
import org.jmd.potentials.nnp.N2p2Potential;
import org.jmd.potentials.nnp.N2p2Scratch;
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
 * The n2p2 potential on the shared examples, each on at least 1,000 atoms: H2O_RPBE-D3 as given
 * (1,080 atoms, 27/30 Gaussian functions per element, cutoff 12 bohr, about 100 neighbours) and
 * Anisole_SCAN as a 2×2×1 supercell of the shared 256-atom cell (1,024 atoms, 331–354 polynomial
 * functions, cutoff 15 bohr, about 190 neighbours). Per-atom kernels cycle through the atoms, so
 * their score is already per atom:
 * <ul>
 * <li>{@code descriptorValues}: the raw symmetry functions of one atom;</li>
 * <li>{@code descriptorWithDerivatives}: G and the compact ∂G/∂δ rows (what training caches);</li>
 * <li>{@code atom}: the whole per-atom kernel {@link N2p2Potential#atom}: G, network forward and
 *     backward, and the contraction into per-pair gradients.</li>
 * </ul>
 * {@code wholeStructure} is one serial energy/force/virial evaluation (neighbor list prebuilt);
 * divide by the atom count (printed at setup: 1,080 and 1,024) for µs per atom per step. Reads
 * testdata/ (or -Djmd.testdata=...).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class N2p2Benchmark {
    /** Whole-structure timings run on at least this many atoms. */
    static final int MIN_ATOMS = 1000;

    @Param({"H2O_RPBE-D3", "Anisole_SCAN"})
    public String potential;

    private N2p2Potential nnp;
    private AtomicSystem system;
    private AtomElements atoms;
    private N2p2Scratch scratch;
    private DescriptorWorkspace workspace;
    private double[] pairGradient;
    private ForceWorkspace step;
    private final NeighborList list = new NeighborList();
    private final ForceResult result = new ForceResult();
    private int next;

    @Setup public void setup() {
        // run from the repository root, as docs/benchmarks.md says, like the other benchmarks
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Path dir = Path.of(System.getProperty("jmd.testdata", root.resolve("testdata").toString()), "reference", "n2p2", potential);
        if (!Files.isDirectory(dir)) throw new IllegalStateException("missing " + dir.toAbsolutePath() + " (run from the repository root or set -Djmd.root/-Djmd.testdata)");
        system = atLeast(StructureIO.read(dir.resolve("input.data")).system, MIN_ATOMS);
        nnp = (N2p2Potential) PotentialRegistry.load().create("nnp \"" + dir + "\"", null);
        new CellListSearch().build(system.x, system.size(), system.cell(), nnp.cutoff(), NeighborList.Kind.FULL, list);
        atoms = nnp.bind(system);
        scratch = nnp.scratch();
        workspace = nnp.descriptors().workspace();
        pairGradient = new double[3 * list.pairCount()];
        step = nnp.workspace(ThreadTeam.serial()); // one thread: the targets are stated for one core
        result.reset(system.size());
        System.out.printf("%n%s: %d atoms, %.1f pairs per atom in the list%n", potential, system.size(),
                (double) list.pairCount() / system.size());
    }

    /** Doubles the cell along its shortest axis until the system has at least min atoms. */
    static AtomicSystem atLeast(AtomicSystem s, int min) {
        while (s.size() < min) {
            int axis = 0;
            for (int a = 1; a < 3; a++) if (length(s, a) < length(s, axis)) axis = a;
            s = Structures.repeat(s, axis == 0 ? 2 : 1, axis == 1 ? 2 : 1, axis == 2 ? 2 : 1);
        }
        return s;
    }

    private static double length(AtomicSystem s, int a) {
        double sum = 0;
        for (int d = 0; d < 3; d++) sum += s.cell().h(a, d) * s.cell().h(a, d);
        return Math.sqrt(sum);
    }

    private int nextAtom() {
        int i = next++;
        if (next == system.size()) next = 0;
        return i;
    }

    @Benchmark public int descriptorValues() { return workspace.describe(list, atoms, nextAtom()); }

    @Benchmark public int descriptorWithDerivatives() { return workspace.describeWithDerivatives(list, atoms, nextAtom()); }

    @Benchmark public double atom() { return nnp.atom(nextAtom(), list, atoms, scratch, pairGradient); }

    @Benchmark public double wholeStructure() {
        result.reset(system.size());
        step.compute(system, list, ForceResult.ALL, result);
        return result.energy;
    }
}
