package org.jmd.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;

/**
 * Single-point evaluation of many structures, on several threads. Potentials keep work buffers
 * in fields and are not thread-safe, so each thread makes its own from {@code potentials}; each
 * structure is evaluated on its own, so the results do not depend on the number of threads.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Energy, forces, virial and per-atom energies of each system, in order. */
    public static List<ForceResult> evaluate(Supplier<Potential> potentials, List<AtomicSystem> systems, int threads) {
        int n = systems.size();
        ForceResult[] results = new ForceResult[n];
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            run(potentials.get(), systems, results, 0, 1);
            return Arrays.asList(results);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jmd-evaluate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                final int first = w;
                // strided: neighbouring structures in a file are often of similar size, so this balances the load
                jobs.add(pool.submit(() -> run(potentials.get(), systems, results, first, workers)));
            }
            for (Future<?> j : jobs) j.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while evaluating structures");
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(results);
    }

    /** Predictions of a potential for labelled structures. */
    public static List<ForceResult> predict(Supplier<Potential> potentials, List<LabelledStructure> data, int threads) {
        List<AtomicSystem> systems = new ArrayList<>(data.size());
        for (LabelledStructure s : data) systems.add(s.frame().system);
        return evaluate(potentials, systems, threads);
    }

    private static void run(Potential p, List<AtomicSystem> systems, ForceResult[] results, int first, int stride) {
        for (int k = first; k < systems.size(); k += stride) {
            ForceResult r = new ForceResult();
            new ForceCalculator(p, 0.0).compute(systems.get(k), r);
            results[k] = r;
        }
    }
}
