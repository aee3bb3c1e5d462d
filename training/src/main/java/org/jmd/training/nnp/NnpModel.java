package org.jmd.training.nnp;

import java.util.SplittableRandom;
import org.jmd.potentials.nnp.NetworkShape;

/**
 * The trainable part of a Behler–Parrinello potential: one network per element (elements in n2p2
 * order, by atomic number), all parameters in one flat vector, the input scaling and the
 * per-element reference energy added to each atom's network output:
 * E_i = NN_{Z_i}((G_i − mean)/σ) + E_ref(Z_i).
 */
final class NnpModel {
    final String[] elements;
    final NetworkShape[] shapes;
    final int[] offset;
    final int parameters;
    final InputScaling scaling;
    final double[] atomEnergy;

    NnpModel(String[] elements, NetworkShape[] shapes, InputScaling scaling, double[] atomEnergy) {
        this.elements = elements.clone();
        this.shapes = shapes.clone();
        this.scaling = scaling;
        this.atomEnergy = atomEnergy.clone();
        offset = new int[shapes.length];
        int p = 0;
        for (int e = 0; e < shapes.length; e++) {
            offset[e] = p;
            p += shapes[e].parameters();
        }
        parameters = p;
    }

    int inputs(int e) { return shapes[e].inputs(); }

    /**
     * Initial parameters: weights uniform in ±√(6/(n_in + n_out)) (Glorot), which keeps tanh
     * layers out of saturation for unit-variance inputs; biases zero except the output bias,
     * set to {@code outputBias[e]} so training starts at the mean residual energy per atom.
     */
    double[] initialParameters(long seed, double[] outputBias) {
        double[] p = new double[parameters];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int e = 0; e < shapes.length; e++) {
            NetworkShape s = shapes[e];
            for (int l = 1; l < s.layers(); l++) {
                double limit = Math.sqrt(6.0 / (s.width(l - 1) + s.width(l)));
                for (int k = 0; k < s.width(l); k++) {
                    for (int j = 0; j < s.width(l - 1); j++) p[offset[e] + s.weight(l, k, j)] = limit * (2 * rng.nextDouble() - 1);
                }
            }
            p[offset[e] + s.bias(s.layers() - 1, 0)] = outputBias[e];
        }
        return p;
    }
}
