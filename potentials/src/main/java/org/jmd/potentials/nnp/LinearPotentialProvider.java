package org.jmd.potentials.nnp;

import java.nio.file.Path;
import java.util.Arrays;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/**
 * {@code potential linear DIR}: a linear model saved by {@code model linear}. It is an n2p2
 * directory evaluated by the nnp code, after checking that every element's network is
 * inputs → 1 node → output with linear activations (so a neural network is not taken for one).
 */
public final class LinearPotentialProvider implements PotentialProvider {
    @Override public String name() { return "linear"; }

    @Override public String usage() {
        return "linear DIR   (a linear model on Behler-Parrinello descriptors written by 'model linear': an n2p2 directory"
                + " with one linear hidden node)";
    }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(1);
        Path dir = a.path(0, "model directory");
        N2p2Potential p = new N2p2Potential(dir, 1.0, 1.0, "linear " + dir);
        String where = dir.resolve("input.nn").toString();
        if (!p.activations().equals("l l")) {
            throw new InputException(where, 0, "not a linear model: activations are '" + p.activations()
                    + "', a linear model has 'l l' (use 'potential nnp' for a neural network)");
        }
        for (String el : p.elements()) {
            int[] w = p.layerWidths(el);
            if (w.length != 3 || w[1] != 1) {
                throw new InputException(where, 0, "not a linear model: the network of " + el + " is " + Arrays.toString(w)
                        + " (inputs, hidden, output), a linear model has one hidden node");
            }
        }
        return p;
    }
}
