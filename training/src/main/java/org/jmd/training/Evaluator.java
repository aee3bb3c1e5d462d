package org.jmd.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.io.Frame;

/**
 * Single-point evaluation of many structures, on several threads. One potential (the model) is
 * shared; each thread evaluates whole structures through a workspace of its own on a team of one,
 * which for the many small cells of a data set beats splitting each cell's few atoms. Each
 * structure is evaluated on its own, so the results do not depend on the number of threads.
 * A NaN or infinite result is an error naming the first such structure (file, line, number) and
 * its closest pair of atoms ({@link Frame#requireFinite}), so no metric, label or fit sees it.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Energy, forces, virial and per-atom energies of each structure, in order. */
    public static List<ForceResult> evaluate(Potential potential, List<Frame> frames, int threads) {
        int n = frames.size();
        ForceResult[] results = new ForceResult[n];
        ThreadTeam team = ThreadTeam.of(Math.max(1, Math.min(threads, n)));
        ForceCalculator[] calculators = new ForceCalculator[team.size()];
        for (int w = 0; w < calculators.length; w++) calculators[w] = new ForceCalculator(potential, 0.0, ThreadTeam.serial());
        team.run(n, (k, worker) -> {
            ForceResult r = new ForceResult();
            calculators[worker].compute(frames.get(k).system, r);
            results[k] = r;
        });
        // checked in order after all are done, so the structure named is the same for any number of threads
        for (int k = 0; k < n; k++) frames.get(k).requireFinite(results[k]);
        return Arrays.asList(results);
    }

    /** Predictions of a potential for labelled structures. */
    public static List<ForceResult> predict(Potential potential, List<LabelledStructure> data, int threads) {
        List<Frame> frames = new ArrayList<>(data.size());
        for (LabelledStructure s : data) frames.add(s.frame());
        return evaluate(potential, frames, threads);
    }
}
