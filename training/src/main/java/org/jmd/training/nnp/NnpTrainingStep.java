package org.jmd.training.nnp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.NetworkShape;
import org.jmd.training.LabelledStructure;
import org.jmd.potentials.nnp.Activation;

/**
 * Benchmark hook: one training step's work — loss and gradient of every weight over a batch of
 * structures, energy and force terms, forward and backward — exactly as the trainer runs it, on
 * descriptors cached beforehand. The networks are freshly initialised (timing does not depend on
 * the weights' values).
 */
public final class NnpTrainingStep {
    private final List<CachedStructure> batch;
    private final ParallelEvaluator evaluator;
    private final double[] parameters, gradient;
    private final double forceWeight;
    private final int atoms;

    /**
     * @param batch       labelled structures (with forces), one element set
     * @param hidden      hidden layer widths (tanh)
     * @param threads     threads sharing the batch
     */
    public NnpTrainingStep(List<LabelledStructure> batch, int[] hidden, int threads, double forceWeight) {
        Collection<String> elements = new java.util.LinkedHashSet<>();
        for (LabelledStructure s : batch) elements.addAll(List.of(s.frame().system.speciesTable()));
        BehlerParrinelloDescriptors d = DefaultSymmetryFunctions.descriptors(elements);
        List<DescriptorCache.Request> requests = new ArrayList<>();
        int n = 0;
        for (LabelledStructure s : batch) {
            requests.add(new DescriptorCache.Request("bench", s.frame().system, s.energy() / s.size(), -1, s.forces(), true));
            n += s.size();
        }
        atoms = n;
        this.batch = new DescriptorCache(d).describe(requests, threads);
        int[] sizes = new int[d.elementCount()];
        NetworkShape[] shapes = new NetworkShape[sizes.length];
        for (int e = 0; e < sizes.length; e++) {
            sizes[e] = d.size(e);
            int[] w = new int[hidden.length + 2];
            Activation[] act = new Activation[w.length];
            w[0] = sizes[e];
            for (int l = 0; l < hidden.length; l++) { w[l + 1] = hidden[l]; act[l + 1] = Activation.TANH; }
            w[w.length - 1] = 1;
            act[w.length - 1] = Activation.IDENTITY;
            shapes[e] = new NetworkShape(w, act);
        }
        NnpModel model = new NnpModel(d.elements(), shapes, InputScaling.of(this.batch, sizes), new double[sizes.length]);
        parameters = model.initialParameters(1, new double[sizes.length]);
        gradient = new double[model.parameters];
        evaluator = new ParallelEvaluator(model, threads);
        this.forceWeight = forceWeight;
    }

    /** Atoms in the batch (divide the time of {@link #run} by this for a per-atom figure). */
    public int atoms() { return atoms; }

    /** One loss and gradient evaluation over the batch; returns the loss. */
    public double run() { return evaluator.lossGradient(parameters, batch, forceWeight, gradient); }
}
