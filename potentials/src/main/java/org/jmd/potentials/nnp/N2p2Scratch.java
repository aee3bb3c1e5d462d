package org.jmd.potentials.nnp;

/**
 * What one thread needs to evaluate atoms of an {@link N2p2Potential}: the descriptor kernel's
 * workspace, one set of network activations per element, and the per-atom vectors (scaled G,
 * ∂E/∂G, coefficients). Made by {@link N2p2Potential#scratch()} from the shared model without
 * reading any file; a few kilobytes plus buffers that grow with the largest neighbourhood.
 */
public final class N2p2Scratch {
    final DescriptorWorkspace descriptors;
    final NeuralNetwork.Activations[] activations;
    final double[] scaled, dEdG, coefficient;

    N2p2Scratch(N2p2Model model) {
        descriptors = model.descriptorSet.workspace();
        activations = new NeuralNetwork.Activations[model.networks.length];
        for (int e = 0; e < activations.length; e++) activations[e] = model.networks[e].activations();
        int max = model.descriptorSet.maxSize();
        scaled = new double[max];
        dEdG = new double[max];
        coefficient = new double[max];
    }
}
