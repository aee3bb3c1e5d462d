package org.jmd.training.nnp;

import org.jmd.engine.opt.StateIO;

/**
 * The Adam optimizer (Kingma and Ba, 2015): per-parameter steps from bias-corrected running
 * means of the gradient and of its square, so weights of very different sensitivity (first layer
 * vs output bias) move at comparable rates without tuning a step per layer.
 */
final class Adam {
    private final double beta1, beta2, epsilon;
    private final double[] m, v;
    private long t;

    Adam(int parameters) { this(parameters, 0.9, 0.999, 1e-8); }

    Adam(int parameters, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        m = new double[parameters];
        v = new double[parameters];
    }

    /** Writes the running means and the step count, so that a resumed fit takes the same steps. */
    void save(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeLong(t);
        StateIO.write(out, m);
        StateIO.write(out, v);
    }

    void restore(java.io.DataInputStream in) throws java.io.IOException {
        t = in.readLong();
        StateIO.read(in, m);
        StateIO.read(in, v);
    }

    /** One step of size {@code rate} against the gradient g. */
    void step(double[] p, double[] g, double rate) {
        t++;
        double c1 = 1.0 / (1.0 - Math.pow(beta1, t)), c2 = 1.0 / (1.0 - Math.pow(beta2, t));
        for (int k = 0; k < p.length; k++) {
            double gk = g[k];
            m[k] = beta1 * m[k] + (1 - beta1) * gk;
            v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
            p[k] -= rate * (m[k] * c1) / (Math.sqrt(v[k] * c2) + epsilon);
        }
    }
}
