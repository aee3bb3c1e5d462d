package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scalar building blocks: cutoff functions, compact polynomial functions, activations. */
class N2p2FunctionsTest {
    private static final double H = 1e-6;

    @Test void cutoffFunctionsAreOneInsideZeroOutsideAndHaveConsistentDerivatives() {
        double rc = 5.0;
        for (int type = 0; type <= 8; type++) {
            for (double alpha : new double[] {0.0, 0.3}) {
                CutoffFunction f = new CutoffFunction(type, alpha, rc);
                assertEquals(0.0, f.value(rc), 0.0, "type " + type + " at rc");
                assertEquals(0.0, f.value(rc + 1), 0.0);
                if (type == 2) assertEquals(Math.pow(Math.tanh(1.0), 3), f.value(0), 1e-15, "tanhu is not normalised");
                else assertEquals(1.0, f.value(0), 1e-14, "type " + type + " at 0");
                if (type >= 4) assertEquals(1.0, f.value(alpha * rc * 0.999), 0.0, "below the inner cutoff");
                double worst = 0, prev = Double.MAX_VALUE;
                for (int k = 1; k < 500; k++) {
                    double r = rc * k / 500.0;
                    double fd = (f.value(r + H) - f.value(r - H)) / (2 * H);
                    worst = Math.max(worst, Math.abs(fd - f.derivative(r)));
                    if (type != 0) assertTrue(f.value(r) <= prev + 1e-15, "type " + type + " decreases");
                    prev = f.value(r);
                }
                // 1e-6: the second derivative jumps at the inner cutoff, so central differences err by O(h) there
                assertTrue(worst < 1e-6, "type " + type + " alpha " + alpha + ": derivative error " + worst);
            }
        }
        // the smooth types have zero slope at rc
        for (int type : new int[] {1, 4, 5, 6, 7, 8}) assertEquals(0.0, new CutoffFunction(type, 0.0, rc).derivative(rc * (1 - 1e-9)), 1e-6);
        assertEquals(0.5, new CutoffFunction(1, 0.0, 2.0).value(1.0), 1e-15, "cos cutoff is 1/2 half way");
    }

    @Test void compactFunctionsVanishAtTheEdgesAndHaveConsistentDerivatives() {
        for (CoreFunction.Kind kind : CoreFunction.Kind.values()) {
            for (boolean asym : new boolean[] {false, true}) {
                CompactFunction c = new CompactFunction(new CoreFunction(kind, asym), -1.0, 3.0);
                assertEquals(1.0, c.value(1.0), 1e-15, kind + " at the centre");
                assertEquals(0.0, c.value(3.0), 1e-15, kind + " at the right edge");
                assertEquals(0.0, c.value(-1.0), 1e-15, kind + " at the left edge");
                double worst = 0;
                for (int k = 1; k < 400; k++) {
                    double a = -1.0 + 4.0 * k / 400.0;
                    if (Math.abs(a - 1.0) < 2 * H) continue;  // |x| kink at the centre (slope 0 either side)
                    double fd = (c.value(a + H) - c.value(a - H)) / (2 * H);
                    worst = Math.max(worst, Math.abs(fd - c.derivative(a)));
                }
                assertTrue(worst < 1e-7, kind + (asym ? " asymmetric" : "") + ": derivative error " + worst);
            }
        }
    }

    @Test void arcCosineAgreesWithMathAcosToAFewUlps() {
        double worst = 0;
        java.util.Random rnd = new java.util.Random(3);
        double[] edges = {-1.0, 1.0, 0.0, -0.0, 0.5, -0.5, Math.nextUp(0.5), Math.nextDown(-0.5), Math.nextDown(1.0),
                Math.nextUp(-1.0), 1e-300, 0.9999999999, -0.9999999999};
        for (int k = 0; k < 200_000 + edges.length; k++) {
            double x = k < edges.length ? edges[k] : 2 * rnd.nextDouble() - 1;
            double exact = Math.acos(x);
            worst = Math.max(worst, Math.abs(ArcCosine.of(x) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 3, "arccos differs from Math.acos by " + worst + " ulp");
    }

    @Test void activationsHaveConsistentSlopes() {
        double[] v = new double[3], s = new double[3];
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.of(String.valueOf(a.code)));
            for (double x = -3.05; x < 3; x += 0.1) {
                a.apply(x + H, v, s, 0);
                a.apply(x - H, v, s, 1);
                a.apply(x, v, s, 2);
                assertEquals((v[0] - v[1]) / (2 * H), s[2], 1e-8, a + " at " + x);
            }
        }
        Activation.SOFTPLUS.apply(40.0, v, s, 0);
        assertEquals(40.0, v[0], 0.0, "softplus saturates as n2p2 beyond 35");
    }
}
