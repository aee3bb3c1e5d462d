package org.jmd.potentials.nnp;

/**
 * The architecture of one element's atomic network, for inference and training alike: layer
 * widths (inputs first, one output neuron last), an activation per layer, and whether n2p2's
 * {@code normalize_nodes} divides each neuron's pre-activation (weighted sum plus bias) by the
 * previous layer's width. Its parameters live in a flat array, layer after layer, each layer's
 * weights row-major (neuron k, input j at {@code k·width[l−1] + j}) followed by its biases: the
 * optimizer sees one vector, the network reads it at an offset, and the potential keeps one such
 * array per element.
 */
public final class NetworkShape {
    private final int[] width;
    private final Activation[] activation;
    private final boolean normalizeNodes;
    private final int[] weightOffset, biasOffset;
    private final int parameters;

    /** A network without normalize_nodes, as training builds them. */
    public NetworkShape(int[] width, Activation[] activation) { this(width, activation, false); }

    /**
     * @param width          neurons per layer, inputs first; the last must be 1
     * @param activation     per layer, index 0 unused (inputs)
     * @param normalizeNodes n2p2's normalize_nodes: pre-activations divided by the previous layer's width
     */
    public NetworkShape(int[] width, Activation[] activation, boolean normalizeNodes) {
        if (width.length < 3) throw new IllegalArgumentException("a network needs at least one hidden layer");
        if (width[width.length - 1] != 1) throw new IllegalArgumentException("the output layer must have one neuron");
        if (activation.length != width.length) throw new IllegalArgumentException("one activation per layer");
        this.width = width.clone();
        this.activation = activation.clone();
        this.normalizeNodes = normalizeNodes;
        weightOffset = new int[width.length];
        biasOffset = new int[width.length];
        long p = 0; // counted in long: widths from a file may multiply past an int
        for (int l = 1; l < width.length; l++) {
            if (width[l] < 1) throw new IllegalArgumentException("layer widths must be positive");
            weightOffset[l] = (int) Math.min(p, Integer.MAX_VALUE);
            p += (long) width[l] * width[l - 1];
            biasOffset[l] = (int) Math.min(p, Integer.MAX_VALUE);
            p += width[l];
            if (p > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a " + architecture(width) + " network has more weights and biases than one array can hold");
            }
        }
        parameters = (int) p;
    }

    public int layers() { return width.length; }

    public int width(int l) { return width[l]; }

    public int inputs() { return width[0]; }

    public Activation activation(int l) { return activation[l]; }

    public boolean normalizeNodes() { return normalizeNodes; }

    /** Number of weights and biases (n2p2's connections). */
    public int parameters() { return parameters; }

    /** Offset of the weight from input j of layer l−1 to neuron k of layer l (l ≥ 1). */
    public int weight(int l, int k, int j) { return weightOffset[l] + k * width[l - 1] + j; }

    /** Offset of the bias of neuron k of layer l (l ≥ 1). */
    public int bias(int l, int k) { return biasOffset[l] + k; }

    /** Factor applied to layer l's pre-activations: 1/width[l−1] with normalize_nodes, else exactly 1. */
    double norm(int l) { return normalizeNodes ? 1.0 / width[l - 1] : 1.0; }

    /** Layer widths joined by '-', as "30-25-25-1", for messages. */
    public String architecture() { return architecture(width); }

    private static String architecture(int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int l = 0; l < width.length; l++) sb.append(l == 0 ? "" : "-").append(width[l]);
        return sb.toString();
    }

    int weightOffset(int l) { return weightOffset[l]; }

    int biasOffset(int l) { return biasOffset[l]; }
}
