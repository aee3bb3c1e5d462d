package org.jmd.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;

/**
 * Single-point evaluation of many structures, on several threads. One potential (the model) is
 * shared; each thread evaluates whole structures through a workspace of its own on a team of one,
 * which for the many small cells of a data set beats splitting each cell's few atoms. Each
 * structure is evaluated on its own, so the results do not depend on the number of threads.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Energy, forces, virial and per-atom energies of each system, in order. */
    public static List<ForceResult> evaluate(Potential potential, List<AtomicSystem> systems, int threads) {
        int n = systems.size();
        ForceResult[] results = new ForceResult[n];
        ThreadTeam team = ThreadTeam.of(Math.max(1, Math.min(threads, n)));
        ForceCalculator[] calculators = new ForceCalculator[team.size()];
        for (int w = 0; w < calculators.length; w++) calculators[w] = new ForceCalculator(potential, 0.0, ThreadTeam.serial());
        team.run(n, (k, worker) -> {
            ForceResult r = new ForceResult();
            calculators[worker].compute(systems.get(k), r);
            results[k] = r;
        });
        return Arrays.asList(results);
    }

    /** Predictions of a potential for labelled structures. */
    public static List<ForceResult> predict(Potential potential, List<LabelledStructure> data, int threads) {
        List<AtomicSystem> systems = new ArrayList<>(data.size());
        for (LabelledStructure s : data) systems.add(s.frame().system);
        return evaluate(potential, systems, threads);
    }
}
