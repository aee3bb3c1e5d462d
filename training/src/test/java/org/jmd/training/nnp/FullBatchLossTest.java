package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jmd.potentials.nnp.NetworkShape;
import org.junit.jupiter.api.Test;
import org.jmd.potentials.nnp.Activation;

/**
 * The full-batch loss L-BFGS minimises in training (the optimizer itself is tested in the engine,
 * {@code org.jmd.engine.opt.LbfgsTest}): its gradient against central finite differences of its
 * value, and its value and gradient the same bit for bit with one or two threads and across the
 * evaluator's chunks.
 */
class FullBatchLossTest {
    @Test void fullBatchLossGradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(11);
        Activation t = Activation.TANH;
        Activation[] act = {null, t, t, Activation.IDENTITY};
        NetworkShape[] shapes = {new NetworkShape(new int[] {4, 5, 3, 1}, act), new NetworkShape(new int[] {3, 4, 2, 1}, act)};
        int[] sizes = {4, 3};
        List<CachedStructure> data = new ArrayList<>();
        for (int k = 0; k < ParallelEvaluator.CHUNK + 6; k++) {   // more than one chunk; some without forces
            data.add(LossGradientTest.random("s" + k, rng, 4 + k % 3, sizes, -1, k % 5 != 0));
        }
        List<CachedStructure> points = List.of(LossGradientTest.random("ip0", rng, 3, sizes, 0, false),
                LossGradientTest.random("ip1", rng, 4, sizes, 1, false));
        List<CachedStructure> all = new ArrayList<>(data);
        all.addAll(points);
        NnpModel model = new NnpModel(new String[] {"A", "B"}, shapes, InputScaling.of(all, sizes), new double[] {-1.5, -3.0});
        double[] p = model.initialParameters(3, new double[] {0.1, -0.2});
        for (int k = 0; k < p.length; k++) p[k] += 0.3 * rng.nextGaussian();

        ParallelEvaluator two = new ParallelEvaluator(model, 2), one = new ParallelEvaluator(model, 1);
        FullBatchLoss loss = new FullBatchLoss(two, data, points, 0.7, 0.5);
        double[] grad = new double[model.parameters], scratch = new double[model.parameters];
        double value = loss.evaluate(p, grad);

        // one thread, and the plain structure-order sum of per-structure gradients: the same bits
        double[] grad1 = new double[model.parameters];
        assertEquals(value, new FullBatchLoss(one, data, points, 0.7, 0.5).evaluate(p, grad1));
        assertArrayEquals(grad, grad1);
        double[] sum = new double[model.parameters], gk = new double[model.parameters];
        StructureEvaluator ev = new StructureEvaluator(model);
        int components = 0;
        for (CachedStructure s : data) if (s.hasForces()) components += 3 * s.atoms;
        double plain = 0;
        for (CachedStructure s : data) {
            java.util.Arrays.fill(gk, 0.0);
            plain += ev.accumulate(p, s, 1.0 / data.size(), 0.7 / components, gk);
            for (int q = 0; q < gk.length; q++) sum[q] += gk[q];
        }
        assertEquals(plain, two.lossGradient(p, data, 0.7, gk));
        assertArrayEquals(sum, gk);

        double step = 1e-6, worst = 0, scale = 0;
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + step;
            double up = loss.evaluate(p, scratch);
            p[k] = keep - step;
            double down = loss.evaluate(p, scratch);
            p[k] = keep;
            worst = Math.max(worst, Math.abs((up - down) / (2 * step) - grad[k]));
            scale = Math.max(scale, Math.abs(grad[k]));
        }
        System.out.printf("full-batch loss %.4f over %d structures and %d points: relative gradient error %.2e%n",
                value, data.size(), points.size(), worst / scale);
        assertTrue(scale > 1e-3, "the gradient should not vanish: " + scale);
        assertTrue(worst / scale < 1e-6, "relative gradient error " + worst / scale);
    }
}
