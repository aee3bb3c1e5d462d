package org.jmd.potentials.nnp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jmd.engine.Elements;

/**
 * Writes a small n2p2 potential directory with given symmetry functions and random (seeded)
 * weights and scaling statistics, so tests can exercise every function type, cutoff type,
 * activation and scaling mode without trained data. Elements are given in any order; files are
 * written the way n2p2 numbers them (by atomic number).
 */
final class SyntheticN2p2 {
    final List<String> symfunctions = new ArrayList<>();
    final List<String> extra = new ArrayList<>();
    String[] elements = {"H", "O"};
    String cutoff = "2";
    String activations = "t t l";
    int[] nodes = {6, 5};
    long seed = 1;

    SyntheticN2p2 sf(String line) { symfunctions.add(line); return this; }

    SyntheticN2p2 keyword(String line) { extra.add(line); return this; }

    SyntheticN2p2 cutoffType(String typeAndAlpha) { cutoff = typeAndAlpha; return this; }

    SyntheticN2p2 activations(String letters) { activations = letters; return this; }

    SyntheticN2p2 nodes(int... perLayer) { nodes = perLayer; return this; }

    /** Writes input.nn, scaling.data and weights into dir (created). */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        StringBuilder nn = new StringBuilder("# synthetic test potential\n");
        nn.append("number_of_elements ").append(elements.length).append('\n');
        nn.append("elements ").append(String.join(" ", elements)).append('\n');
        nn.append("cutoff_type ").append(cutoff).append('\n');
        nn.append("global_hidden_layers_short ").append(nodes.length).append('\n');
        nn.append("global_nodes_short");
        for (int w : nodes) nn.append(' ').append(w);
        nn.append("\nglobal_activation_short ").append(activations).append('\n');
        for (String e : extra) nn.append(e).append('\n');
        for (String s : symfunctions) nn.append("symfunction_short ").append(s).append("   # a function\n");
        Files.writeString(dir.resolve("input.nn"), nn.toString());

        String[] sorted = elements.clone();
        java.util.Arrays.sort(sorted, (a, b) -> Integer.compare(Elements.number(a), Elements.number(b)));
        StringBuilder sc = new StringBuilder("# scaling\n");
        for (int e = 0; e < sorted.length; e++) {
            int n = count(sorted[e]);
            for (int s = 0; s < n; s++) {
                double min = 0.1 * rnd.nextDouble(), max = min + 0.5 + 3 * rnd.nextDouble();
                sc.append(String.format(Locale.ROOT, "%d %d %.6e %.6e %.6e %.6e%n", e + 1, s + 1, min, max,
                        min + 0.4 * (max - min), 0.2 * (max - min)));
            }
        }
        Files.writeString(dir.resolve("scaling.data"), sc.toString());

        for (String el : sorted) {
            int[] width = new int[nodes.length + 2];
            width[0] = count(el);
            System.arraycopy(nodes, 0, width, 1, nodes.length);
            width[width.length - 1] = 1;
            StringBuilder w = new StringBuilder("# weights\n");
            int index = 0;
            for (int l = 1; l < width.length; l++) {
                for (int j = 0; j < width[l - 1]; j++)
                    for (int k = 0; k < width[l]; k++)
                        w.append(String.format(Locale.ROOT, "%.16e a %d %d %d %d %d%n", rnd.nextGaussian() / Math.sqrt(width[l - 1]),
                                ++index, l - 1, j + 1, l, k + 1));
                for (int k = 0; k < width[l]; k++)
                    w.append(String.format(Locale.ROOT, "%.16e b %d %d %d%n", 0.3 * rnd.nextGaussian(), ++index, l, k + 1));
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "weights.%03d.data", Elements.number(el))), w.toString());
        }
        return dir;
    }

    private int count(String element) {
        int n = 0;
        for (String s : symfunctions) if (s.trim().split("\\s+")[0].equals(element)) n++;
        return n;
    }
}
