package org.jmd.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.build.Lattices;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.plip.PlipDescriptors;
import org.jmd.potentials.plip.PlipModel;
import org.jmd.potentials.plip.PlipKernel;
import org.jmd.potentials.plip.PlipPotential;
import org.jmd.potentials.plip.PlipTerm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PLIP against Stillinger–Weber on the same 1,000 atoms of rattled diamond Si (a = 5.431 Å,
 * 0.05 Å rattle), so the ratio of the two can be read from one run. The scores of the methods
 * marked per atom are µs per atom per step ({@link OperationsPerInvocation} is the atom count):
 * <ul>
 * <li>{@code plip}, {@code sw}: the potential's kernel alone (energy, forces, virial, per-atom
 *     energies) on a prebuilt list with the potential's cutoff plus the MD skin; PLIP from its
 *     tabulated radial functions, the default;</li>
 * <li>{@code plipExact}, {@code plipExactStep}: the same model term by term ({@code tabulate=no});</li>
 * <li>{@code plipStep}, {@code swStep}: a whole MD force step through {@link ForceCalculator}
 *     (list refresh, zeroing, kernel; forces only, as a step that prints nothing asks);</li>
 * <li>{@code plipDefaultGrid}: the kernel on the fit of the trainer's default candidate grid (206
 *     terms; what si-plip.deck fitted before it chose its own candidates), so the two fits can be
 *     compared in one run;</li>
 * <li>{@code plipAllTerms}: every term of the trainer's default candidate grid (332 terms) with
 *     random weights, the worst case a fit can produce.</li>
 * </ul>
 * The PLIP model is the one {@code inputs/train/si-plip.deck} fits (77 terms), shipped as the
 * resource {@code si-plip.plip} so that the benchmark does not need the training data; the
 * default-grid fit is the resource {@code si-plip-default-grid.plip}.
 * {@code designMatrix} is what training builds per structure (216 atoms, all 332 columns),
 * µs per structure.
 *
 * <p>Run from the repository root (the SW file is inputs/potentials/Si.sw), or set -Djmd.root.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlipBenchmark {
    static final int ATOMS = 1000;

    @State(Scope.Thread)
    public static class Silicon {
        AtomicSystem system;
        Potential plip, plipExact, plipDefault, plipAll, sw;
        ForceCalculator plipCalculator, plipExactCalculator, swCalculator;
        ForceWorkspace plipKernel, plipExactKernel, plipDefaultKernel, plipAllKernel, swKernel;
        final NeighborList plipList = new NeighborList(), swList = new NeighborList();
        final ForceResult result = new ForceResult();

        @Setup public void setup() {
            system = Crystals.silicon(ATOMS, 1);
            if (system.size() != ATOMS) throw new IllegalStateException("expected " + ATOMS + " atoms, got " + system.size());
            plip = new PlipPotential(trainedModel(), "si-plip");
            plipExact = new PlipPotential(trainedModel(), "si-plip tabulate=no", PlipKernel.Radial.EXACT);
            plipDefault = new PlipPotential(model("si-plip-default-grid.plip"), "si-plip, default grid");
            plipAll = new PlipPotential(allTermsModel(), "all terms");
            Path root = Path.of(System.getProperty("jmd.root", "."));
            Path swFile = root.resolve("inputs/potentials/Si.sw");
            if (!Files.exists(swFile)) throw new IllegalStateException("not found: " + swFile.toAbsolutePath() + " (run from the repository root or set -Djmd.root)");
            sw = PotentialRegistry.load().create("sw " + swFile.toAbsolutePath(), root);
            // one thread, as the speed targets are stated; ThreadScalingBenchmark covers threads
            plipCalculator = new ForceCalculator(plip, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
            plipExactCalculator = new ForceCalculator(plipExact, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
            swCalculator = new ForceCalculator(sw, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
            plipKernel = plip.workspace(ThreadTeam.serial());
            plipExactKernel = plipExact.workspace(ThreadTeam.serial());
            plipDefaultKernel = plipDefault.workspace(ThreadTeam.serial());
            plipAllKernel = plipAll.workspace(ThreadTeam.serial());
            swKernel = sw.workspace(ThreadTeam.serial());
            plipCalculator.compute(system, result);
            System.out.printf("%nPLIP (si-plip, %d terms): %d atoms, E = %.6f eV/atom%n", ((PlipPotential) plip).model().terms().size(), system.size(), result.energy / system.size());
            swCalculator.compute(system, result);
            System.out.printf("SW: E = %.6f eV/atom%n", result.energy / system.size());
            CellListSearch search = new CellListSearch();
            search.build(system.x, system.size(), system.cell(), plip.cutoff() + ForceCalculator.DEFAULT_SKIN, NeighborList.Kind.FULL, plipList);
            search.build(system.x, system.size(), system.cell(), sw.cutoff() + ForceCalculator.DEFAULT_SKIN, sw.neighborKind(), swList);
        }

        double kernel(ForceWorkspace w, NeighborList list) {
            result.reset(system.size());
            w.compute(system, list, ForceResult.ALL, result);
            return result.energy;
        }
    }

    /** The model inputs/train/si-plip.deck fits, as shipped in the resources. */
    static PlipModel trainedModel() { return model("si-plip.plip"); }

    static PlipModel model(String resource) {
        try (InputStream in = PlipBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " missing");
            return PlipModel.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The trainer's default candidate grid for Si (60 two-body, 20 many-body, 252 three-body terms). */
    static List<PlipTerm> defaultGrid() {
        List<PlipTerm> terms = new ArrayList<>();
        for (double a : new double[] {0.5, 1.5, 4}) for (int k = 0; k < 20; k++) terms.add(PlipTerm.twoBody(0, 0, a, 1.6 + 0.2 * k, 5.5));
        for (int k = 0; k < 10; k++) for (int m = 2; m <= 3; m++) terms.add(PlipTerm.manyBody(0, 0, 1, 1.6 + 0.4 * k, 5.5, m));
        for (double a : new double[] {0.5, 1, 2, 4}) for (int k = 0; k < 9; k++) for (int l = 0; l <= 6; l++) terms.add(PlipTerm.threeBody(0, 0, 0, a, 1.8 + 0.3 * k, 4.2, l));
        return terms;
    }

    static PlipModel allTermsModel() {
        List<PlipTerm> terms = defaultGrid();
        Random rnd = new Random(1);
        double[] w = new double[terms.size()];
        for (int t = 0; t < w.length; t++) w[t] = 1e-3 * rnd.nextGaussian();
        return new PlipModel(new String[] {"Si"}, new double[] {-5}, terms, w);
    }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plip(Silicon s) { return s.kernel(s.plipKernel, s.plipList); }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plipExact(Silicon s) { return s.kernel(s.plipExactKernel, s.plipList); }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double sw(Silicon s) { return s.kernel(s.swKernel, s.swList); }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plipDefaultGrid(Silicon s) { return s.kernel(s.plipDefaultKernel, s.plipList); }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plipAllTerms(Silicon s) { return s.kernel(s.plipAllKernel, s.plipList); }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plipStep(Silicon s) {
        s.plipCalculator.compute(s.system, ForceResult.FORCES, s.result);
        return s.result.energy;
    }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double plipExactStep(Silicon s) {
        s.plipExactCalculator.compute(s.system, ForceResult.FORCES, s.result);
        return s.result.energy;
    }

    @Benchmark @OperationsPerInvocation(ATOMS)
    public double swStep(Silicon s) {
        s.swCalculator.compute(s.system, ForceResult.FORCES, s.result);
        return s.result.energy;
    }

    /** One structure's descriptor sums and 3N×p force design matrix, as training builds it. */
    @State(Scope.Thread)
    public static class Training {
        AtomicSystem system;
        PlipDescriptors descriptors;
        final NeighborList list = new NeighborList();
        double[] sum, rows;

        @Setup public void setup() {
            system = Lattices.build("diamond", 5.43, Double.NaN, Double.NaN, new String[] {"Si"}, 3, 3, 3);
            Random rnd = new Random(1);
            for (int k = 0; k < system.x.length; k++) system.x[k] += 0.1 * rnd.nextGaussian();
            List<PlipTerm> terms = defaultGrid();
            descriptors = new PlipDescriptors(new String[] {"Si"}, terms);
            new CellListSearch().build(system.x, system.size(), system.cell(), 5.5, NeighborList.Kind.FULL, list);
            sum = new double[terms.size()];
            rows = new double[3 * system.size() * terms.size()];
        }
    }

    @Benchmark public double designMatrix(Training t) {
        t.descriptors.compute(t.system, t.list, t.sum, t.rows);
        return t.sum[0];
    }
}
