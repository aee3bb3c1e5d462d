package org.jmd.potentials.nnp;

/**
 * A feed-forward atomic network as n2p2 defines it: input layer of symmetry functions, hidden
 * layers and one output neuron; neuron k of layer l computes f_l(Σ_j w_kj y_j + b_k), divided by
 * the previous layer's width first when {@code normalize_nodes} is set. {@link #forward} gives the
 * atomic energy; {@link #inputGradient} then gives ∂E/∂G by back-propagation.
 *
 * <p>The weights are read once and never change, so threads share one instance; each thread
 * passes its own {@link Activations} (the layer values a forward pass keeps for the backward one).
 */
final class NeuralNetwork {
    private final int[] width;                 // neurons per layer, input first
    private final Activation[] activation;     // per layer; [0] unused
    final double[][] weight;                   // [l][k * width[l-1] + j], l ≥ 1
    final double[][] bias;                     // [l][k]
    private final boolean normalizeNodes;

    /** One thread's layer values, activation slopes and back-propagated errors; made by {@link #activations()}. */
    static final class Activations {
        final double[][] value, slope, delta;

        private Activations(int[] width) {
            int layers = width.length;
            value = new double[layers][];
            slope = new double[layers][];
            delta = new double[layers][];
            for (int l = 0; l < layers; l++) {
                value[l] = new double[width[l]];
                slope[l] = new double[width[l]];
                delta[l] = new double[width[l]];
            }
        }
    }

    NeuralNetwork(int[] width, Activation[] activation, boolean normalizeNodes) {
        if (width.length < 3) throw new IllegalArgumentException("need at least one hidden layer");
        if (width[width.length - 1] != 1) throw new IllegalArgumentException("the output layer must have one neuron");
        this.width = width.clone();
        this.activation = activation.clone();
        this.normalizeNodes = normalizeNodes;
        int layers = width.length;
        weight = new double[layers][];
        bias = new double[layers][];
        for (int l = 1; l < layers; l++) {
            weight[l] = new double[width[l] * width[l - 1]];
            bias[l] = new double[width[l]];
        }
    }

    /** Scratch for one thread's passes through this network. */
    Activations activations() { return new Activations(width); }

    int inputs() { return width[0]; }

    int layers() { return width.length; }

    int width(int l) { return width[l]; }

    Activation activation(int l) { return activation[l]; }

    /** Number of weights and biases, as n2p2 counts connections. */
    int connections() {
        int c = 0;
        for (int l = 1; l < width.length; l++) c += width[l] * (width[l - 1] + 1);
        return c;
    }

    /** Output for the given (scaled) inputs; keeps the activations in a for {@link #inputGradient}. */
    double forward(double[] input, Activations a) {
        double[][] value = a.value, slope = a.slope;
        System.arraycopy(input, 0, value[0], 0, width[0]);
        for (int l = 1; l < width.length; l++) {
            double[] w = weight[l], b = bias[l], prev = value[l - 1], out = value[l], sl = slope[l];
            int np = width[l - 1];
            double norm = normalizeNodes ? 1.0 / np : 1.0;
            Activation f = activation[l];
            for (int k = 0, o = 0; k < width[l]; k++, o += np) {
                double x = 0;
                for (int j = 0; j < np; j++) x += w[o + j] * prev[j];
                x = (x + b[k]) * norm;
                f.apply(x, out, sl, k);
            }
        }
        return value[width.length - 1][0];
    }

    /** ∂output/∂input[j] for the inputs of the last {@link #forward} call with a, into grad[0..inputs). */
    void inputGradient(Activations a, double[] grad) {
        double[][] slope = a.slope, delta = a.delta;
        int last = width.length - 1;
        delta[last][0] = slope[last][0] * (normalizeNodes ? 1.0 / width[last - 1] : 1.0);
        for (int l = last; l >= 1; l--) {
            double[] w = weight[l], dl = delta[l];
            int np = width[l - 1];
            double[] below = l > 1 ? delta[l - 1] : grad;
            java.util.Arrays.fill(below, 0, np, 0.0);
            for (int k = 0, o = 0; k < width[l]; k++, o += np) {
                double dk = dl[k];
                for (int j = 0; j < np; j++) below[j] += w[o + j] * dk;
            }
            if (l > 1) {
                double norm = normalizeNodes ? 1.0 / width[l - 2] : 1.0;
                double[] sl = slope[l - 1];
                for (int j = 0; j < np; j++) below[j] *= sl[j] * norm;
            }
        }
    }
}
