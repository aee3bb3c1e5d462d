package org.jmd.potentials.nnp;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.io.StructureIO;

/**
 * Writes an n2p2 potential directory ({@code input.nn}, {@code scaling.data},
 * {@code weights.ZZZ.data}) in n2p2's own layout, so that {@code potential nnp DIR}, n2p2's tools
 * and LAMMPS {@code pair_style hdnnp} load it. The symmetry functions, their order and the
 * cutoff function come from a {@link BehlerParrinelloDescriptors}; statistics, architecture and
 * weights are given per element in that order (element symbols, functions in n2p2's sorted order).
 *
 * <p>Weights use the layout of a feed-forward network with layers 0 (inputs) … L (one output
 * neuron): {@code weights[m]} connects layer m to layer m + 1 with entry {@code k·width[m] + j}
 * from neuron j of layer m to neuron k of layer m + 1; {@code biases[m][k]} is the bias of neuron
 * k of layer m + 1. They are written in n2p2's connection order (per layer: every weight, source
 * neuron outer and target inner, then the biases), with its 1-based indices.
 *
 * <p>Each file is written to a temporary file and renamed into place.
 */
public final class N2p2Writer {
    private final BehlerParrinelloDescriptors descriptors;
    private final String[] symbols;
    private Scaling scaling = Scaling.NONE;
    private double scaleMin = 0.0, scaleMax = 1.0;
    private int[] hidden;
    private String[] activations;
    private boolean normalizeNodes;
    private final double[][][] statistics;
    private final double[][][] weights, biases;
    private final Double[] atomEnergy;
    private double[] normalisation;
    private final List<String> comments = new ArrayList<>();

    public N2p2Writer(BehlerParrinelloDescriptors descriptors) {
        this.descriptors = descriptors;
        this.symbols = descriptors.elements();
        int n = symbols.length;
        statistics = new double[n][][];
        weights = new double[n][][];
        biases = new double[n][][];
        atomEnergy = new Double[n];
    }

    /** A comment line for the head of input.nn (provenance: data, date, trainer, errors...). */
    public N2p2Writer comment(String text) {
        for (String line : text.split("\n")) comments.add(line);
        return this;
    }

    /** Scaling mode of the inputs, with the target range S_min, S_max (used by the scale and sigma modes). */
    public N2p2Writer scaling(Scaling mode, double sMin, double sMax) {
        if (mode.usesRange() && !(sMax > sMin)) throw new IllegalArgumentException("scale_max_short must exceed scale_min_short");
        this.scaling = mode;
        this.scaleMin = sMin;
        this.scaleMax = sMax;
        return this;
    }

    /**
     * Hidden layer widths and the activation letters of each hidden layer and the output, as in
     * input.nn ({@code "t t l"}; see docs/nnp.md for the letters).
     */
    public N2p2Writer network(int[] hiddenNodes, String activationLetters) {
        String[] a = activationLetters.trim().split("\\s+");
        if (hiddenNodes.length < 1) throw new IllegalArgumentException("n2p2 networks need at least one hidden layer");
        if (a.length != hiddenNodes.length + 1) {
            throw new IllegalArgumentException("need " + (hiddenNodes.length + 1) + " activation letters (hidden layers and output), got '"
                    + activationLetters + "'");
        }
        for (String letter : a) {
            if (Activation.of(letter) == null) {
                throw new IllegalArgumentException("unknown activation '" + letter + "' (known: " + Activation.letters() + ")");
            }
        }
        for (int w : hiddenNodes) if (w < 1) throw new IllegalArgumentException("hidden layer widths must be positive");
        this.hidden = hiddenNodes.clone();
        this.activations = a;
        return this;
    }

    /** n2p2's {@code normalize_nodes}: each neuron's input divided by the previous layer's width. */
    public N2p2Writer normalizeNodes(boolean on) {
        this.normalizeNodes = on;
        return this;
    }

    /** Per-function statistics of the unscaled G of one element (min, max, mean, sigma), in n2p2 order. */
    public N2p2Writer statistics(String element, double[] min, double[] max, double[] mean, double[] sigma) {
        int e = index(element);
        int n = descriptors.size(e);
        for (double[] v : new double[][] {min, max, mean, sigma}) {
            if (v.length != n) throw new IllegalArgumentException(element + " has " + n + " symmetry functions, statistics have " + v.length);
        }
        statistics[e] = new double[][] {min.clone(), max.clone(), mean.clone(), sigma.clone()};
        return this;
    }

    /** Weights and biases of one element's network (layout in the class comment). */
    public N2p2Writer weights(String element, double[][] layerWeights, double[][] layerBiases) {
        int e = index(element);
        weights[e] = deepCopy(layerWeights);
        biases[e] = deepCopy(layerBiases);
        return this;
    }

    /** The element's {@code atom_energy}: added to every atom of it (the reference energy). */
    public N2p2Writer atomEnergy(String element, double energy) {
        atomEnergy[index(element)] = energy;
        return this;
    }

    /** n2p2 data-set normalisation ({@code mean_energy}, {@code conv_energy}, {@code conv_length}). */
    public N2p2Writer normalisation(double meanEnergy, double convEnergy, double convLength) {
        if (!(convEnergy > 0 && convLength > 0)) throw new IllegalArgumentException("conv_energy and conv_length must be positive");
        this.normalisation = new double[] {meanEnergy, convEnergy, convLength};
        return this;
    }

    /** Writes input.nn, scaling.data and one weights.ZZZ.data per element into dir (created if needed). */
    public void write(Path dir) {
        if (hidden == null) throw new IllegalStateException("network(...) was not given");
        for (int e = 0; e < symbols.length; e++) {
            if (statistics[e] == null) throw new IllegalStateException("no statistics for " + symbols[e]);
            if (weights[e] == null) throw new IllegalStateException("no weights for " + symbols[e]);
            checkShape(e);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException ex) {
            throw new InputException(dir.toString(), 0, "cannot create directory: " + ex.getMessage());
        }
        StructureIO.writeAtomically(dir.resolve("input.nn"), this::writeSettings);
        StructureIO.writeAtomically(dir.resolve("scaling.data"), this::writeScaling);
        for (int e = 0; e < symbols.length; e++) {
            int el = e;
            StructureIO.writeAtomically(dir.resolve(weightsFile(symbols[e])), w -> writeWeights(w, el));
        }
    }

    /** The weights file name n2p2 expects for an element: weights.ZZZ.data with the atomic number. */
    public static String weightsFile(String element) {
        return String.format(Locale.ROOT, "weights.%03d.data", Elements.number(element));
    }

    private int[] widths(int e) {
        int[] w = new int[hidden.length + 2];
        w[0] = descriptors.size(e);
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }

    private void checkShape(int e) {
        int[] w = widths(e);
        if (weights[e].length != w.length - 1 || biases[e].length != w.length - 1) {
            throw new IllegalArgumentException(symbols[e] + ": expected weights and biases for " + (w.length - 1) + " layers");
        }
        for (int m = 0; m < w.length - 1; m++) {
            if (weights[e][m].length != w[m] * w[m + 1] || biases[e][m].length != w[m + 1]) {
                throw new IllegalArgumentException(symbols[e] + ": layer " + (m + 1) + " needs " + w[m] * w[m + 1] + " weights and "
                        + w[m + 1] + " biases, got " + weights[e][m].length + " and " + biases[e][m].length);
            }
        }
    }

    private void writeSettings(Writer w) throws IOException {
        rule(w);
        w.write("# n2p2 potential written by jmd\n");
        for (String c : comments) w.write("# " + c + "\n");
        rule(w);
        if (normalisation != null) {
            keyword(w, "mean_energy", real(normalisation[0]), "Mean energy per atom in the training set (normalisation).");
            keyword(w, "conv_energy", real(normalisation[1]), "Energy conversion factor (normalisation).");
            keyword(w, "conv_length", real(normalisation[2]), "Length conversion factor (normalisation).");
            w.write("\n");
        }
        keyword(w, "number_of_elements", Integer.toString(symbols.length), "Number of elements.");
        keyword(w, "elements", String.join(" ", symbols), "Specification of elements.");
        for (int e = 0; e < symbols.length; e++) {
            if (atomEnergy[e] != null) keyword(w, "atom_energy", symbols[e] + " " + real(atomEnergy[e]), "Reference energy of a " + symbols[e] + " atom (eV).");
        }
        keyword(w, "cutoff_type", descriptors.cutoffType(), "Cutoff type (optional argument: shift parameter alpha).");
        switch (scaling) {
            case SCALE: keyword(w, "scale_symmetry_functions", "", "Scale all symmetry functions with min/max values."); break;
            case CENTER: keyword(w, "center_symmetry_functions", "", "Center all symmetry functions, i.e. subtract mean value."); break;
            case SCALE_CENTER:
                keyword(w, "scale_symmetry_functions", "", "Scale all symmetry functions with min/max values.");
                keyword(w, "center_symmetry_functions", "", "Center all symmetry functions, i.e. subtract mean value.");
                break;
            case SIGMA: keyword(w, "scale_symmetry_functions_sigma", "", "Scale all symmetry functions with sigma."); break;
            default: break;
        }
        if (scaling.usesRange()) {
            keyword(w, "scale_min_short", real(scaleMin), "Minimum value for scaling.");
            keyword(w, "scale_max_short", real(scaleMax), "Maximum value for scaling.");
        }
        keyword(w, "global_hidden_layers_short", Integer.toString(hidden.length), "Number of hidden layers.");
        StringBuilder nodes = new StringBuilder();
        for (int h : hidden) nodes.append(nodes.length() == 0 ? "" : " ").append(h);
        keyword(w, "global_nodes_short", nodes.toString(), "Number of nodes in each hidden layer.");
        keyword(w, "global_activation_short", String.join(" ", activations), "Activation function for each hidden layer and output layer.");
        if (normalizeNodes) keyword(w, "normalize_nodes", "", "Normalize input of nodes.");
        w.write("\n");
        rule(w);
        w.write("# Symmetry functions, per element in n2p2's order (the order of scaling.data and the network inputs).\n");
        rule(w);
        for (int e = 0; e < symbols.length; e++) {
            w.write("# " + symbols[e] + ": " + descriptors.size(e) + " functions\n");
            for (int s = 0; s < descriptors.size(e); s++) w.write("symfunction_short " + descriptors.definition(e, s) + "\n");
            w.write("\n");
        }
    }

    private void writeScaling(Writer w) throws IOException {
        rule(w);
        w.write("# Symmetry function scaling data.\n");
        rule(w);
        w.write("# Col  Name     Description\n");
        rule(w);
        w.write("# 1    e_index  Element index.\n");
        w.write("# 2    sf_index Symmetry function index.\n");
        w.write("# 3    sf_min   Symmetry function minimum.\n");
        w.write("# 4    sf_max   Symmetry function maximum.\n");
        w.write("# 5    sf_mean  Symmetry function mean.\n");
        w.write("# 6    sf_sigma Symmetry function sigma.\n");
        w.write("#".repeat(121) + "\n");
        w.write(String.format(Locale.ROOT, "#%9d %10d %24d %24d %24d %24d%n", 1, 2, 3, 4, 5, 6));
        w.write(String.format(Locale.ROOT, "#%9s %10s %24s %24s %24s %24s%n", "e_index", "sf_index", "sf_min", "sf_max", "sf_mean", "sf_sigma"));
        w.write("#".repeat(121) + "\n");
        for (int e = 0; e < symbols.length; e++) {
            double[][] st = statistics[e];
            for (int s = 0; s < st[0].length; s++) {
                w.write(String.format(Locale.ROOT, "%10d %10d %24.16E %24.16E %24.16E %24.16E%n", e + 1, s + 1,
                        st[0][s], st[1][s], st[2][s], st[3][s]));
            }
        }
    }

    private void writeWeights(Writer w, int e) throws IOException {
        rule(w);
        w.write("# Neural network connection values (weights and biases).\n");
        rule(w);
        w.write("# Col  Name       Description\n");
        rule(w);
        w.write("# 1    connection Neural network connection value.\n");
        w.write("# 2    t          Connection type (a = weight, b = bias).\n");
        w.write("# 3    index      Index enumerating weights.\n");
        w.write("# 4    l_s        Starting point layer (end point layer for biases).\n");
        w.write("# 5    n_s        Starting point neuron in starting layer (end point neuron for biases).\n");
        w.write("# 6    l_e        End point layer.\n");
        w.write("# 7    n_e        End point neuron in end layer.\n");
        rule(w);
        w.write(String.format(Locale.ROOT, "#%23d %1d %9d %5d %5d %5d %5d%n", 1, 2, 3, 4, 5, 6, 7));
        w.write(String.format(Locale.ROOT, "#%23s %1s %9s %5s %5s %5s %5s%n", "connection", "t", "index", "l_s", "n_s", "l_e", "n_e"));
        w.write("#".repeat(60) + "\n");
        int[] width = widths(e);
        int index = 0;
        for (int m = 0; m < width.length - 1; m++) {
            double[] a = weights[e][m], b = biases[e][m];
            for (int j = 0; j < width[m]; j++)
                for (int k = 0; k < width[m + 1]; k++)
                    w.write(String.format(Locale.ROOT, "%24.16E a %9d %5d %5d %5d %5d%n", a[k * width[m] + j], ++index, m, j + 1, m + 1, k + 1));
            for (int k = 0; k < width[m + 1]; k++)
                w.write(String.format(Locale.ROOT, "%24.16E b %9d %5d %5d%n", b[k], ++index, m + 1, k + 1));
        }
    }

    private static void rule(Writer w) throws IOException { w.write("#".repeat(80) + "\n"); }

    private static void keyword(Writer w, String key, String value, String comment) throws IOException {
        w.write(String.format(Locale.ROOT, "%-31s %-30s # %s%n", key, value, comment));
    }

    private static String real(double v) { return String.format(Locale.ROOT, "%.16E", v); }

    private int index(String element) {
        int e = descriptors.elementIndex(element);
        if (e < 0) throw new IllegalArgumentException("element " + element + " is not among " + String.join(" ", symbols));
        return e;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }
}
