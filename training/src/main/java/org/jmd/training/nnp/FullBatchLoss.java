package org.jmd.training.nnp;

import java.util.List;
import org.jmd.engine.opt.Lbfgs;
import org.jmd.engine.opt.Objective;

/**
 * The training loss over the whole training set, as one function of the parameters for
 * {@link Lbfgs}: mean (ΔE/N)² + w_F × mean ΔF² over all force components of the set, plus
 * w_I × mean squared deviation at the invariant points when w_I > 0 — the mini-batch loss of the
 * Adam steps with the batch grown to the whole set. Value and gradient come from the same
 * per-structure sums ({@link ParallelEvaluator#lossGradient}, {@link ParallelEvaluator#invariantGradient}),
 * so the gradient is the exact derivative of the value; the sums run in structure order, so both
 * are the same for any number of threads.
 */
final class FullBatchLoss implements Objective {
    private final ParallelEvaluator evaluator;
    private final List<CachedStructure> data, points;
    private final double forceWeight, invariantWeight;

    FullBatchLoss(ParallelEvaluator evaluator, List<CachedStructure> data, List<CachedStructure> points,
                  double forceWeight, double invariantWeight) {
        this.evaluator = evaluator;
        this.data = data;
        this.points = points;
        this.forceWeight = forceWeight;
        this.invariantWeight = invariantWeight;
    }

    @Override public double evaluate(double[] p, double[] gradient) {
        double loss = evaluator.lossGradient(p, data, forceWeight, gradient);
        return loss + evaluator.invariantGradient(p, points, invariantWeight, gradient);
    }
}
