package org.jmd.training.nnp;

import java.util.Arrays;
import java.util.List;
import org.jmd.engine.ThreadTeam;

/**
 * Runs loss gradients and predictions over many structures on a {@link ThreadTeam}, with results
 * that do not depend on the number of threads or on timing: each structure's gradient and errors
 * go into a slot of their own, and the slots are summed in structure order afterwards. Each
 * worker of the team has its own {@link StructureEvaluator}.
 */
final class ParallelEvaluator {
    /** Structures evaluated at once by {@link #lossGradient} (bounds the per-structure gradient buffers). */
    static final int CHUNK = 64;
    private final ThreadTeam team;
    private final StructureEvaluator[] workers;
    private double[][] gradients = new double[0][];
    private double[] losses = new double[0];
    private final int parameters;
    private double[] pointGradient;

    ParallelEvaluator(NnpModel model, int threads) {
        team = ThreadTeam.of(threads);
        workers = new StructureEvaluator[team.size()];
        for (int w = 0; w < workers.length; w++) workers[w] = new StructureEvaluator(model);
        parameters = model.parameters;
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
            team.run(n, (k, worker) -> {
                Arrays.fill(gradients[k], 0.0);
                losses[k] = workers[worker].accumulate(p, batch.get(start + k), we, wf, gradients[k]);
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
        team.run(data.size(), (k, slot) -> {
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
}
