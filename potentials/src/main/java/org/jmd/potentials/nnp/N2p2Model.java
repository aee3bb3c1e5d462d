package org.jmd.potentials.nnp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.io.Words;

/**
 * An n2p2 high-dimensional neural network potential read from its directory: {@code input.nn}
 * (elements, normalisation, cutoff function, scaling mode, architecture, symmetry functions),
 * {@code scaling.data} and one {@code weights.ZZZ.data} per element (ZZZ = atomic number).
 *
 * <p>Elements are indexed by increasing atomic number, as n2p2's element map does; scaling lines
 * and network inputs follow each element's symmetry functions in n2p2's sorted order.
 *
 * <p>Units: symmetry function lengths are multiplied by {@code lengthScale} at load time, so the
 * kernel works directly in the caller's length unit; energies leave the model multiplied by
 * {@code energyScale}. With n2p2 data-set normalisation ({@code mean_energy}, {@code conv_energy},
 * {@code conv_length}) n2p2 scales positions and symmetry function lengths by the same factor, so
 * G is unchanged and conv_length needs no action here; the network output E_nn becomes
 * E = E_nn / conv_energy + mean_energy + atom_energy(element) per atom.
 */
final class N2p2Model {
    final Path directory;
    final String[] symbols;
    final double[] atomicNumbers;
    final Map<String, Integer> elementIndex = new LinkedHashMap<>();
    final BehlerParrinelloDescriptors descriptorSet;
    final ElementDescriptor[] descriptors;
    final Scaling scaling;
    final Scaling.Table[] scalingTables;
    final NetworkShape[] shapes;               // per element
    final double[][] parameters;               // per element, in NetworkShape's flat layout
    final double meanEnergy, convEnergy;
    final double[] atomEnergy;
    final double lengthScale, energyScale;
    final double cutoff;
    final int cutoffType;

    private N2p2Model(Path directory, N2p2Settings s, double lengthScale, double energyScale) {
        this.directory = directory;
        this.lengthScale = lengthScale;
        this.energyScale = energyScale;

        N2p2Settings.Entry type = s.optional("nnp_type");
        if (type != null) {
            int t = s.integer(type, 0, "nnp_type");
            if (t != 0 && t != 2) throw s.error(type, "nnp_type " + t + " is not supported: only short-range (2G) potentials");
        }

        // elements, in n2p2's order: by atomic number
        N2p2Settings.Entry el = s.require("elements", "the element symbols");
        String[] given = el.args.clone();
        if (given.length == 0) throw s.error(el, "elements: no symbols given");
        for (String sym : given) {
            if (Elements.number(sym) < 1) throw s.error(el, "elements: '" + sym + "' is not a chemical element");
        }
        N2p2Settings.Entry count = s.require("number_of_elements", "how many elements");
        if (s.integer(count, 0, "number of elements") != given.length) {
            throw s.error(count, "number_of_elements is " + count.args[0] + " but 'elements' lists " + given.length);
        }
        symbols = given;
        Arrays.sort(symbols, (a, b) -> Integer.compare(Elements.number(a), Elements.number(b)));
        atomicNumbers = new double[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            if (elementIndex.put(symbols[i], i) != null) throw s.error(el, "elements: '" + symbols[i] + "' given twice");
            atomicNumbers[i] = Elements.number(symbols[i]);
        }

        // normalisation: all three keywords or none
        int norm = (s.has("mean_energy") ? 1 : 0) + (s.has("conv_energy") ? 1 : 0) + (s.has("conv_length") ? 1 : 0);
        if (norm != 0 && norm != 3) {
            N2p2Settings.Entry alone = s.has("mean_energy") ? s.optional("mean_energy") : s.has("conv_energy") ? s.optional("conv_energy") : s.optional("conv_length");
            throw s.error(alone, "use all or none of mean_energy, conv_energy and conv_length");
        }
        if (norm == 3) {
            N2p2Settings.Entry me = s.require("mean_energy", ""), ce = s.require("conv_energy", ""), cl = s.require("conv_length", "");
            meanEnergy = s.real(me, 0, "mean energy");
            convEnergy = s.real(ce, 0, "energy conversion factor");
            if (!(convEnergy > 0)) throw s.error(ce, "conv_energy must be positive");
            if (!(s.real(cl, 0, "length conversion factor") > 0)) throw s.error(cl, "conv_length must be positive");
        } else {
            meanEnergy = 0;
            convEnergy = 1;
        }
        atomEnergy = new double[symbols.length];
        for (N2p2Settings.Entry ae : s.all("atom_energy")) {
            if (ae.args.length < 2) throw s.error(ae, "atom_energy: expected 'atom_energy SYMBOL ENERGY'");
            Integer i = elementIndex.get(ae.args[0]);
            if (i == null) throw s.error(ae, "atom_energy: element '" + ae.args[0] + "' is not in 'elements'");
            atomEnergy[i] = s.real(ae, 1, "energy");
        }

        // symmetry functions, sorted per element
        descriptorSet = new BehlerParrinelloDescriptors(s, symbols, lengthScale, "potential " + directory);
        descriptors = descriptorSet.descriptors;
        cutoffType = descriptorSet.cutoffTypeNumber;
        cutoff = descriptorSet.cutoff();

        // scaling
        scaling = Scaling.fromKeywords(s.has("scale_symmetry_functions"), s.has("center_symmetry_functions"),
                s.has("scale_symmetry_functions_sigma"));
        double sMin = 0, sMax = 0;
        if (scaling.usesRange()) {
            N2p2Settings.Entry lo = s.optional("scale_min_short"), hi = s.optional("scale_max_short");
            sMin = lo == null ? 0.0 : s.real(lo, 0, "scale_min_short");
            sMax = hi == null ? 1.0 : s.real(hi, 0, "scale_max_short");
        }
        scalingTables = readScaling(directory.resolve("scaling.data"), sMin, sMax);

        // networks
        N2p2Settings.Entry hl = s.require("global_hidden_layers_short", "number of hidden layers");
        int hidden = s.integer(hl, 0, "number of hidden layers");
        if (hidden < 1) throw s.error(hl, "global_hidden_layers_short must be at least 1");
        N2p2Settings.Entry nodes = s.require("global_nodes_short", "neurons per hidden layer");
        if (nodes.args.length != hidden) {
            throw s.error(nodes, "global_nodes_short lists " + nodes.args.length + " layers, global_hidden_layers_short says " + hidden);
        }
        N2p2Settings.Entry act = s.require("global_activation_short", "activation per hidden layer and output");
        if (act.args.length != hidden + 1) {
            throw s.error(act, "global_activation_short needs " + (hidden + 1) + " letters (hidden layers and output), got " + act.args.length);
        }
        Activation[] activation = new Activation[hidden + 2];
        for (int l = 0; l <= hidden; l++) {
            activation[l + 1] = Activation.of(act.args[l]);
            if (activation[l + 1] == null) {
                throw s.error(act, "global_activation_short: unknown activation '" + act.args[l] + "' (known: " + Activation.letters() + ")");
            }
        }
        boolean normalizeNodes = s.has("normalize_nodes");
        shapes = new NetworkShape[symbols.length];
        parameters = new double[symbols.length][];
        for (int i = 0; i < symbols.length; i++) {
            int[] width = new int[hidden + 2];
            width[0] = descriptors[i].size();
            for (int l = 0; l < hidden; l++) {
                width[l + 1] = s.integer(nodes, l, "neurons");
                if (width[l + 1] < 1) throw s.error(nodes, "global_nodes_short: layer sizes must be positive");
            }
            width[hidden + 1] = 1;
            try {
                shapes[i] = new NetworkShape(width, activation, normalizeNodes);
            } catch (IllegalArgumentException e) {
                throw s.error(nodes, "global_nodes_short: " + e.getMessage());
            }
            parameters[i] = readWeights(shapes[i], directory.resolve(String.format(Locale.ROOT, "weights.%03d.data", (int) atomicNumbers[i])));
        }
    }

    /** Loads an n2p2 potential directory; lengths scaled by lengthScale, energies by energyScale. */
    static N2p2Model load(Path directory, double lengthScale, double energyScale) {
        if (!Files.isDirectory(directory)) throw new InputException(directory.toString(), 0, "not a directory (expected an n2p2 potential directory)");
        return new N2p2Model(directory, N2p2Settings.read(directory.resolve("input.nn")), lengthScale, energyScale);
    }

    /** Energy of an atom of element e whose network gave out, in the caller's energy unit. */
    double atomicEnergy(int e, double out) {
        return (out / convEnergy + meanEnergy + atomEnergy[e]) * energyScale;
    }

    /** d(atomic energy)/d(network output). */
    double energyFactor() { return energyScale / convEnergy; }

    /** The lines that hold data (not blank, not a comment), their numbers into {@code lineNumbers}; {@code lineNumbers[last]} ends as the file's line count. */
    private static List<String> dataLines(Path file, List<Integer> lineNumbers) {
        List<String> all;
        try {
            all = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            String t = all.get(k).trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            out.add(t);
            lineNumbers.add(k + 1);
        }
        lineNumbers.add(Math.max(1, all.size())); // where "the file ends early" is reported
        return out;
    }

    private Scaling.Table[] readScaling(Path file, double sMin, double sMax) {
        List<Integer> lineNo = new ArrayList<>();
        List<String> lines = dataLines(file, lineNo);
        Scaling.Table[] tables = new Scaling.Table[symbols.length];
        int k = 0;
        for (int e = 0; e < symbols.length; e++) {
            int n = descriptors[e].size();
            tables[e] = new Scaling.Table(n);
            for (int sf = 0; sf < n; sf++, k++) {
                if (k >= lines.size()) {
                    throw new InputException(file.toString(), lineNo.get(lines.size()), "ends early: expected " + n + " lines for element "
                            + symbols[e] + " (element index " + (e + 1) + "), found " + sf);
                }
                String[] f = Words.split(lines.get(k));
                int line = lineNo.get(k);
                if (f.length < 5) throw new InputException(file.toString(), line, "expected 'element index min max mean [sigma]', got " + f.length + " fields");
                double[] v = new double[6];
                for (int c = 0; c < f.length && c < 6; c++) v[c] = number(f[c], file, line);
                if ((int) v[0] != e + 1 || (int) v[1] != sf + 1) {
                    throw new InputException(file.toString(), line, "expected element " + (e + 1) + " (" + symbols[e]
                            + ") function " + (sf + 1) + ", got " + f[0] + " " + f[1]
                            + " (does input.nn list the same symmetry functions?)");
                }
                String problem = scaling.set(tables[e], sf, v[2], v[3], v[4], f.length > 5 ? v[5] : 0.0, sMin, sMax);
                if (problem != null) throw new InputException(file.toString(), line, problem);
            }
        }
        if (k < lines.size()) {
            throw new InputException(file.toString(), lineNo.get(k), "more lines than symmetry functions in input.nn");
        }
        return tables;
    }

    /**
     * Reads weights in n2p2's connection order (per layer: weights by input, then by neuron; then
     * the biases), checking each line's layer and neuron columns, into the shape's flat layout.
     */
    private static double[] readWeights(NetworkShape net, Path file) {
        List<Integer> lineNo = new ArrayList<>();
        List<String> lines = dataLines(file, lineNo);
        if (lines.size() != net.parameters()) {
            // named where the count goes wrong: the first line too many, or the end of a file that ends early
            int at = lineNo.get(Math.min(lines.size(), net.parameters()));
            throw new InputException(file.toString(), at, "expected " + net.parameters() + " weights and biases for a "
                    + net.architecture() + " network, found " + lines.size());
        }
        double[] p = new double[net.parameters()];
        int k = 0;
        for (int l = 1; l < net.layers(); l++) {
            int np = net.width(l - 1);
            for (int j = 0; j < np; j++) {
                for (int n = 0; n < net.width(l); n++, k++) {
                    double[] c = connection(lines.get(k), file, lineNo.get(k), 'a', 7, new int[] {l - 1, j + 1, l, n + 1});
                    p[net.weight(l, n, j)] = c[0];
                }
            }
            for (int n = 0; n < net.width(l); n++, k++) {
                p[net.bias(l, n)] = connection(lines.get(k), file, lineNo.get(k), 'b', 5, new int[] {l, n + 1})[0];
            }
        }
        return p;
    }

    private static double[] connection(String text, Path file, int line, char kind, int fields, int[] expect) {
        String[] f = Words.split(text);
        if (f.length != fields || f[1].length() != 1 || f[1].charAt(0) != kind) {
            throw new InputException(file.toString(), line, "expected a " + (kind == 'a' ? "weight ('a', 7 columns)" : "bias ('b', 5 columns)")
                    + " here in n2p2's connection order, got '" + text + "'");
        }
        for (int c = 0; c < expect.length; c++) {
            if (index(f[3 + c]) != expect[c]) {
                throw new InputException(file.toString(), line, "connection out of order: expected layer/neuron columns "
                        + Arrays.toString(expect) + ", got '" + text + "'");
            }
        }
        return new double[] {number(f[0], file, line)};
    }

    /** A finite number: a NaN or infinite weight or scaling value would make every energy NaN. */
    private static double number(String s, Path file, int line) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file.toString(), line, "expected a finite number, got '" + s + "'");
    }

    /** A layer or neuron column; anything but a whole number reads as -1, which matches no position. */
    private static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }


}
