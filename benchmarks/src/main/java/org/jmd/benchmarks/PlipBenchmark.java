package org.jmd.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.build.Lattices;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.plip.PlipDescriptors;
import org.jmd.potentials.plip.PlipModel;
import org.jmd.potentials.plip.PlipPotential;
import org.jmd.potentials.plip.PlipTerm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PLIP on 216 atoms of rattled diamond Si with the trainer's default candidate grid (60 two-body,
 * 20 many-body, 252 three-body terms; r_c 5.5 Å, 4.2 Å for three-body):
 * <ul>
 * <li>{@code designMatrix}: descriptor sums and the full 3N×p force design matrix of the structure
 *     (what training builds per structure, before the Gram accumulation);</li>
 * <li>{@code potentialAllTerms}: energy, forces and virial of a model using every candidate term;</li>
 * <li>{@code potentialSparse}: the same with one term in four (a typical Lasso fit keeps fewer).</li>
 * </ul>
 * Neighbour lists are prebuilt. Divide by 216 for µs per atom.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PlipBenchmark {
    private AtomicSystem system;
    private PlipDescriptors descriptors;
    private PlipPotential all, sparse;
    private ForceWorkspace allWorkspace, sparseWorkspace;
    private final NeighborList list = new NeighborList();
    private final ForceResult result = new ForceResult();
    private double[] sum, rows;

    @Setup public void setup() {
        system = Lattices.build("diamond", 5.43, Double.NaN, Double.NaN, new String[] {"Si"}, 3, 3, 3);
        java.util.Random rnd = new java.util.Random(1);
        for (int k = 0; k < system.x.length; k++) system.x[k] += 0.1 * rnd.nextGaussian();
        List<PlipTerm> terms = new ArrayList<>();
        for (double a : new double[] {0.5, 1.5, 4}) for (int k = 0; k < 20; k++) terms.add(PlipTerm.twoBody(0, 0, a, 1.6 + 0.2 * k, 5.5));
        for (int k = 0; k < 10; k++) for (int m = 2; m <= 3; m++) terms.add(PlipTerm.manyBody(0, 0, 1, 1.6 + 0.4 * k, 5.5, m));
        for (double a : new double[] {0.5, 1, 2, 4}) for (int k = 0; k < 9; k++) for (int l = 0; l <= 6; l++) terms.add(PlipTerm.threeBody(0, 0, 0, a, 1.8 + 0.3 * k, 4.2, l));
        descriptors = new PlipDescriptors(new String[] {"Si"}, terms);
        double[] w = new double[terms.size()];
        for (int t = 0; t < w.length; t++) w[t] = 1e-3 * rnd.nextGaussian();
        all = new PlipPotential(new PlipModel(new String[] {"Si"}, new double[] {-5}, terms, w), "all");
        double[] ws = w.clone();
        for (int t = 0; t < ws.length; t++) if (t % 4 != 0) ws[t] = 0;
        sparse = new PlipPotential(new PlipModel(new String[] {"Si"}, new double[] {-5}, terms, ws).withoutZeroWeights(), "sparse");
        allWorkspace = all.workspace(ThreadTeam.serial());
        sparseWorkspace = sparse.workspace(ThreadTeam.serial());
        new CellListSearch().build(system.x, system.size(), system.cell(), 5.5, NeighborList.Kind.FULL, list);
        sum = new double[terms.size()];
        rows = new double[3 * system.size() * terms.size()];
        result.reset(system.size());
    }

    @Benchmark public double designMatrix() {
        descriptors.compute(system, list, sum, rows);
        return sum[0];
    }

    @Benchmark public double potentialAllTerms() {
        result.reset(system.size());
        allWorkspace.compute(system, list, ForceResult.ALL, result);
        return result.energy;
    }

    @Benchmark public double potentialSparse() {
        result.reset(system.size());
        sparseWorkspace.compute(system, list, ForceResult.ALL, result);
        return result.energy;
    }
}
