package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one network implementation against central differences of its own forward pass, with and
 * without n2p2's normalize_nodes: the input gradient (forces) and the weight gradient of
 * α·y + ∇ₓy·v (training with forces), at parameters stored at an offset in a larger array.
 */
class NetworkPassTest {
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void derivativesMatchDifferences(boolean normalize) {
        Activation[] act = {null, Activation.TANH, Activation.SOFTPLUS, Activation.IDENTITY};
        NetworkShape shape = new NetworkShape(new int[] {4, 5, 3, 1}, act, normalize);
        SplittableRandom rng = new SplittableRandom(7);
        int off = 3;
        double[] p = new double[off + shape.parameters()];
        for (int k = 0; k < p.length; k++) p[k] = rng.nextDouble(-1, 1);
        double[] x = new double[4], v = new double[4];
        for (int j = 0; j < 4; j++) { x[j] = rng.nextDouble(-1, 1); v[j] = rng.nextDouble(-1, 1); }
        NetworkPass pass = new NetworkPass(shape);
        double h = 1e-5;

        pass.forward(p, off, x);
        double[] grad = new double[4];
        pass.inputGradient(p, off, grad);
        for (int j = 0; j < 4; j++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[j] += h;
            xm[j] -= h;
            double fd = (pass.forward(p, off, xp) - pass.forward(p, off, xm)) / (2 * h);
            assertTrue(Math.abs(fd - grad[j]) < 1e-8, "∂y/∂x" + j + ": " + grad[j] + " vs " + fd);
        }

        double alpha = 0.7;
        double[] g = new double[2 + shape.parameters()];
        pass.forward(p, off, x);
        pass.backward(p, off, alpha, v, g, 2);
        for (int k = 0; k < shape.parameters(); k++) {
            double keep = p[off + k];
            p[off + k] = keep + h;
            double up = objective(pass, p, off, x, v, alpha);
            p[off + k] = keep - h;
            double down = objective(pass, p, off, x, v, alpha);
            p[off + k] = keep;
            double fd = (up - down) / (2 * h);
            assertTrue(Math.abs(fd - g[2 + k]) < 1e-8, "parameter " + k + ": " + g[2 + k] + " vs " + fd);
        }
    }

    /** α·y + ∇ₓy·v at x. */
    private static double objective(NetworkPass pass, double[] p, int off, double[] x, double[] v, double alpha) {
        double y = pass.forward(p, off, x);
        double[] grad = new double[x.length];
        pass.inputGradient(p, off, grad);
        double d = 0;
        for (int j = 0; j < x.length; j++) d += grad[j] * v[j];
        return alpha * y + d;
    }
}
