package org.jmd.training.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs loss gradients and predictions over many structures on a few threads, with results that do
 * not depend on the number of threads or on timing: each structure's gradient and errors go into
 * a slot of their own, and the slots are summed in structure order afterwards.
 */
final class ParallelEvaluator implements AutoCloseable {
    /** Structures evaluated at once by {@link #lossGradient} (bounds the per-structure gradient buffers). */
    static final int CHUNK = 64;
    private final StructureEvaluator[] workers;
    private final ExecutorService pool;
    private double[][] gradients = new double[0][];
    private double[] losses = new double[0];
    private final int parameters;
    private double[] pointGradient;

    ParallelEvaluator(NnpModel model, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        workers = new StructureEvaluator[threads];
        for (int t = 0; t < threads; t++) workers[t] = new StructureEvaluator(model);
        parameters = model.parameters;
        pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "nnp-training");
            th.setDaemon(true);
            return th;
        });
    }

    /** Errors of one structure's prediction. */
    record Errors(double energyPerAtom, double forceSquares, double forceAbs, int forceComponents) {}

    /**
     * Loss of a batch and its gradient into grad (overwritten). Any batch size, up to the whole
     * training set: the structures are evaluated {@link #CHUNK} at a time, and the per-structure
     * gradients and losses are added in structure order, so the sums are the same bit for bit
     * whatever the chunking and the number of threads.
     *
     * @param forceWeight w_F: the force term is w_F × the mean squared force component error
     *                    over the batch, the energy term the mean squared per-atom energy error
     */
    double lossGradient(double[] p, List<CachedStructure> batch, double forceWeight, double[] grad) {
        int b = batch.size();
        int slots = Math.min(b, CHUNK);
        if (gradients.length < slots) {
            gradients = new double[slots][parameters];
            losses = new double[slots];
        }
        int components = 0;
        for (CachedStructure s : batch) if (s.hasForces()) components += 3 * s.atoms;
        double we = 1.0 / b, wf = components == 0 ? 0.0 : forceWeight / components;
        Arrays.fill(grad, 0.0);
        double loss = 0;
        for (int first = 0; first < b; first += CHUNK) {
            int start = first, n = Math.min(CHUNK, b - first);
            run(n, (t, k) -> {
                Arrays.fill(gradients[k], 0.0);
                losses[k] = workers[t].accumulate(p, batch.get(start + k), we, wf, gradients[k]);
            });
            for (int k = 0; k < n; k++) {
                loss += losses[k];
                double[] gk = gradients[k];
                for (int q = 0; q < grad.length; q++) grad[q] += gk[q];
            }
        }
        return loss;
    }

    /** Loss of invariant points: weight × mean squared atomic-energy deviation; gradient added to grad. */
    double invariantGradient(double[] p, List<CachedStructure> points, double weight, double[] grad) {
        if (points.isEmpty() || weight == 0) return 0;
        if (pointGradient == null) pointGradient = new double[parameters];
        double[] g = pointGradient;
        Arrays.fill(g, 0.0);
        double loss = 0;
        StructureEvaluator w = workers[0];
        for (CachedStructure s : points) loss += w.accumulate(p, s, weight / points.size(), 0.0, g);
        for (int q = 0; q < grad.length; q++) grad[q] += g[q];
        return loss;
    }

    /** Prediction errors of every structure (forces only where derivatives are cached). */
    Errors[] errors(double[] p, List<CachedStructure> data) {
        Errors[] out = new Errors[data.size()];
        double[][] forces = new double[workers.length][];
        run(data.size(), (slot, k) -> {
            CachedStructure s = data.get(k);
            boolean withForces = s.hasForces();
            if (withForces && (forces[slot] == null || forces[slot].length < 3 * s.atoms)) forces[slot] = new double[3 * s.atoms];
            double e = workers[slot].predict(p, s, withForces ? forces[slot] : null);
            double sq = 0, abs = 0;
            if (withForces) {
                for (int q = 0; q < 3 * s.atoms; q++) {
                    double d = forces[slot][q] - s.forces[q];
                    sq += d * d;
                    abs += Math.abs(d);
                }
            }
            out[k] = new Errors(e / s.atoms - s.energyPerAtom, sq, abs, withForces ? 3 * s.atoms : 0);
        });
        return out;
    }

    /** Mean predicted atomic energy of the counted atoms of each structure (invariant points). */
    double[] countedEnergies(double[] p, List<CachedStructure> points) {
        double[] out = new double[points.size()];
        for (int k = 0; k < out.length; k++) out[k] = workers[0].countedEnergy(p, points.get(k));
        return out;
    }

    private interface Task {
        void run(int thread, int index);
    }

    /** Runs task for indices 0..n−1, thread t taking t, t+T, ... (each index writes its own slot). */
    private void run(int n, Task task) {
        int threads = workers.length;
        if (pool == null || n == 1) {
            for (int k = 0; k < n; k++) task.run(0, k);
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int k = thread; k < n; k += threads) task.run(thread, k);
            }));
        }
        try {
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new IllegalStateException(c);
        }
    }

    @Override public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
