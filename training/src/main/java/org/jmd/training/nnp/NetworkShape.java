package org.jmd.training.nnp;

import org.jmd.potentials.nnp.Activation;

/**
 * The architecture of one element's atomic network: layer widths (inputs first, one output
 * neuron last) and an activation per layer. Its parameters live in a flat array, layer after
 * layer, each layer's weights row-major (neuron k, input j at {@code k·width[l−1] + j}) followed
 * by its biases: the optimizer sees one vector, the network reads it at an offset.
 */
public final class NetworkShape {
    private final int[] width;
    private final Activation[] activation;
    private final int[] weightOffset, biasOffset;
    private final int parameters;

    /**
     * @param width      neurons per layer, inputs first; the last must be 1
     * @param activation per layer, index 0 unused (inputs)
     */
    public NetworkShape(int[] width, Activation[] activation) {
        if (width.length < 3) throw new IllegalArgumentException("a network needs at least one hidden layer");
        if (width[width.length - 1] != 1) throw new IllegalArgumentException("the output layer must have one neuron");
        if (activation.length != width.length) throw new IllegalArgumentException("one activation per layer");
        this.width = width.clone();
        this.activation = activation.clone();
        weightOffset = new int[width.length];
        biasOffset = new int[width.length];
        int p = 0;
        for (int l = 1; l < width.length; l++) {
            if (width[l] < 1) throw new IllegalArgumentException("layer widths must be positive");
            weightOffset[l] = p;
            p += width[l] * width[l - 1];
            biasOffset[l] = p;
            p += width[l];
        }
        parameters = p;
    }

    public int layers() { return width.length; }

    public int width(int l) { return width[l]; }

    public int inputs() { return width[0]; }

    public Activation activation(int l) { return activation[l]; }

    /** Number of weights and biases. */
    public int parameters() { return parameters; }

    /** Offset of the weight from input j of layer l−1 to neuron k of layer l (l ≥ 1). */
    public int weight(int l, int k, int j) { return weightOffset[l] + k * width[l - 1] + j; }

    /** Offset of the bias of neuron k of layer l (l ≥ 1). */
    public int bias(int l, int k) { return biasOffset[l] + k; }

    int weightOffset(int l) { return weightOffset[l]; }

    int biasOffset(int l) { return biasOffset[l]; }
}
