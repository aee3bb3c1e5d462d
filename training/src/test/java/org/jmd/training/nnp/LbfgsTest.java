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
 * The L-BFGS optimizer on the Rosenbrock function, and the full-batch loss it minimises in
 * training: its gradient against central finite differences of its value, and its value and
 * gradient the same bit for bit with one or two threads and across the evaluator's chunks.
 */
class LbfgsTest {
    /** Σ 100 (x_{k+1} − x_k²)² + (1 − x_k)², minimum 0 at (1, ..., 1). */
    private static double rosenbrock(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        double f = 0;
        for (int k = 0; k + 1 < x.length; k++) {
            double a = x[k + 1] - x[k] * x[k], b = 1 - x[k];
            f += 100 * a * a + b * b;
            g[k] += -400 * a * x[k] - 2 * b;
            g[k + 1] += 200 * a;
        }
        return f;
    }

    @Test void minimisesRosenbrockWithDecreasingValues() {
        for (int n : new int[] {2, 20}) {
            double[] x0 = new double[n];
            for (int k = 0; k < n; k++) x0[k] = k % 2 == 0 ? -1.2 : 1.0;
            Lbfgs opt = new Lbfgs(LbfgsTest::rosenbrock, n, 10);
            double f = opt.start(x0);
            int iterations = 0;
            while (iterations < 500 && opt.gradientNorm() > 1e-10) {
                double step = opt.iterate();
                if (Double.isNaN(step)) break;
                assertTrue(step > 0);
                assertTrue(opt.value() < f, "every accepted step lowers the value");
                f = opt.value();
                iterations++;
            }
            System.out.printf("Rosenbrock n=%d: f = %.1e after %d iterations, %d evaluations%n", n, f, iterations, opt.evaluations());
            assertTrue(f < 1e-14, "n=" + n + ": f = " + f);
            for (double v : opt.position()) assertEquals(1.0, v, 1e-6);
            assertTrue(iterations < 200, "n=" + n + ": " + iterations + " iterations");
        }
    }

    @Test void stopsCleanlyAtTheMinimum() {
        Lbfgs opt = new Lbfgs(LbfgsTest::rosenbrock, 2, 5);
        opt.start(new double[] {1.0, 1.0});
        assertEquals(0.0, opt.gradientNorm());
        assertTrue(Double.isNaN(opt.iterate()), "no step lowers the value at the minimum");
        assertArrayEquals(new double[] {1.0, 1.0}, opt.position());
    }

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

        try (ParallelEvaluator two = new ParallelEvaluator(model, 2); ParallelEvaluator one = new ParallelEvaluator(model, 1)) {
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
}
