package org.jmd.potentials.nnp;

/**
 * What one thread needs to evaluate atoms of an {@link N2p2Potential}: the descriptor kernel's
 * workspace, one {@link NetworkPass} per element (its layer buffers), and the per-atom vectors (scaled G,
 * ∂E/∂G, coefficients). Made by {@link N2p2Potential#scratch()} from the shared model without
 * reading any file; a few kilobytes plus buffers that grow with the largest neighbourhood.
 */
public final class N2p2Scratch {
    final DescriptorWorkspace descriptors;
    final NetworkPass[] networks;
    final double[] scaled, dEdG, coefficient;

    N2p2Scratch(N2p2Model model) {
        descriptors = model.descriptorSet.workspace();
        networks = new NetworkPass[model.shapes.length];
        for (int e = 0; e < networks.length; e++) networks[e] = new NetworkPass(model.shapes[e]);
        int max = model.descriptorSet.maxSize();
        scaled = new double[max];
        dEdG = new double[max];
        coefficient = new double[max];
    }
}
