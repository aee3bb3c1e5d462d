package org.jmd.engine.opt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The one L-BFGS (minimizers and NNP training) and its strong-Wolfe line search: the Rosenbrock
 * function minimized to round-off with every step downhill, a clean stop at a minimum, the
 * Wolfe conditions at every accepted point from too short and too long first steps, a region
 * where the objective is not finite, and a saved state that continues bit for bit.
 */
class LbfgsTest {
    /** Σ 100 (x_{k+1} − x_k²)² + (1 − x_k)², minimum 0 at (1, ..., 1). */
    static double rosenbrock(double[] x, double[] g) {
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

    private static double[] rosenbrockStart(int n) {
        double[] x0 = new double[n];
        for (int k = 0; k < n; k++) x0[k] = k % 2 == 0 ? -1.2 : 1.0;
        return x0;
    }

    @Test void minimizesRosenbrockWithEveryStepDownhill() {
        for (int n : new int[] {2, 20}) {
            Lbfgs opt = new Lbfgs(LbfgsTest::rosenbrock, n, 10, StepLimits.unscaled(1e-2));
            double f = opt.start(rosenbrockStart(n));
            int iterations = 0;
            while (iterations < 500 && opt.gradientNorm() > 1e-10) {
                double step = opt.iterate();
                if (Double.isNaN(step)) break;
                assertTrue(step > 0);
                // downhill, or level within the round-off the line search tolerates (1e-11 (1 + |f|))
                assertTrue(opt.value() < f || opt.value() <= f + 1e-11 * (1 + Math.abs(f)), "step " + iterations + ": " + f + " -> " + opt.value());
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
        Lbfgs opt = new Lbfgs(LbfgsTest::rosenbrock, 2, 5, StepLimits.unscaled(1e-2));
        opt.start(new double[] {1.0, 1.0});
        assertEquals(0.0, opt.gradientNorm());
        assertTrue(Double.isNaN(opt.iterate()), "no step lowers the value at the minimum");
        assertArrayEquals(new double[] {1.0, 1.0}, opt.position());
        assertEquals(1, opt.evaluations());
    }

    @Test void aSavedStateContinuesBitForBit() throws IOException {
        int n = 12;
        Lbfgs straight = new Lbfgs(LbfgsTest::rosenbrock, n, 4, StepLimits.unscaled(1e-2));
        straight.start(rosenbrockStart(n));
        for (int k = 0; k < 9; k++) straight.iterate();   // more iterations than pairs kept: the history has wrapped
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        straight.save(new DataOutputStream(saved));
        for (int k = 0; k < 15; k++) straight.iterate();

        Lbfgs resumed = new Lbfgs(LbfgsTest::rosenbrock, n, 4, StepLimits.unscaled(1e-2));
        resumed.restore(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
        for (int k = 0; k < 15; k++) resumed.iterate();
        assertArrayEquals(straight.position(), resumed.position());
        assertEquals(Double.doubleToRawLongBits(straight.value()), Double.doubleToRawLongBits(resumed.value()));
        assertEquals(straight.evaluations(), resumed.evaluations());
    }

    /** f = Σ x_k⁴/4 + x_k²/2 + c_k x_k: smooth, convex, curvature 1 + 3x². */
    private static double quartic(double[] x, double[] g) {
        double f = 0;
        for (int k = 0; k < x.length; k++) {
            double c = 0.3 * (k + 1);
            f += 0.25 * Math.pow(x[k], 4) + 0.5 * x[k] * x[k] + c * x[k];
            g[k] = x[k] * x[k] * x[k] + x[k] + c;
        }
        return f;
    }

    @Test void acceptedStepsMeetTheStrongWolfeConditionsFromShortAndLongFirstSteps() {
        int n = 3;
        double[] x = {1.5, -2.0, 0.5}, g = new double[n], d = new double[n], gAt = new double[n];
        double f0 = quartic(x, g);
        for (int k = 0; k < n; k++) d[k] = -g[k];
        double s0 = LineSearch.dot(g, d);
        for (double c2 : new double[] {0.9, 0.1}) {
            for (double first : new double[] {1e-6, 1e-2, 0.3, 10, 1e4}) {
                LineSearch search = new LineSearch(LbfgsTest::quartic, n, c2);
                double a = search.search(x, f0, g, d, first, 1e6);
                assertTrue(a > 0, "c2=" + c2 + " first=" + first + ": " + a);
                double[] at = new double[n];
                for (int k = 0; k < n; k++) at[k] = x[k] + a * d[k];
                assertArrayEquals(at, search.point(), 0.0);
                double f = quartic(at, gAt);
                assertEquals(f, search.value(), 0.0);
                assertTrue(f <= f0 + 1e-4 * a * s0, "sufficient decrease, c2=" + c2 + " first=" + first);
                assertTrue(Math.abs(LineSearch.dot(gAt, d)) <= c2 * Math.abs(s0), "curvature, c2=" + c2 + " first=" + first);
                assertTrue(search.evaluations() <= 30, search.evaluations() + " evaluations");
            }
        }
    }

    @Test void aRegionWhereTheObjectiveIsNotFiniteCountsAsTooFar() {
        // the quartic, undefined beyond x_0 > 0.2 (as a potential is when atoms overlap)
        Objective partly = (x, g) -> x[0] > 0.2 ? Double.NaN : quartic(x, g);
        double[] x = {-1.0, 0.0}, g = new double[2];
        double f0 = partly.evaluate(x, g);
        double[] d = {-g[0], -g[1]};
        LineSearch search = new LineSearch(partly, 2, 0.9);
        double a = search.search(x, f0, g, d, 100, 1e6);
        assertTrue(a > 0 && Double.isFinite(search.value()) && search.value() < f0, "a = " + a + ", f = " + search.value());
        assertTrue(search.point()[0] <= 0.2);
    }

    @Test void aDirectionThatDoesNotDescendIsRefusedWithoutEvaluating() {
        double[] x = {0.5, 0.5}, g = new double[2];
        double f0 = quartic(x, g);
        LineSearch search = new LineSearch(LbfgsTest::quartic, 2, 0.9);
        assertTrue(Double.isNaN(search.search(x, f0, g, g.clone(), 1, 10)));
        assertEquals(0, search.evaluations());
    }
}
