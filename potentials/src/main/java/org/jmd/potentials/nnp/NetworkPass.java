package org.jmd.potentials.nnp;

import java.util.Arrays;

/**
 * Evaluates one atomic network ({@link NetworkShape}, parameters in a flat array at an offset) and
 * its derivatives, with buffers of its own: one instance per thread and element, nothing is
 * allocated per call. The potential ({@link N2p2Potential#atom}) and the trainer run the same
 * {@link #forward}, so a trained network and the potential saved from it give the same bits.
 *
 * <p>Neuron k of layer l computes a = f((Σ_j w_kj a_j + b_k)·s_l), the weighted sum taken in input
 * order and the bias added last (n2p2's order), s_l = 1/width[l−1] with normalize_nodes and
 * exactly 1 otherwise (so the factor changes no bits when it is off).
 *
 * <p>Besides the output y(x; w) and the input gradient ∇ₓy (which gives forces), training with
 * forces needs the gradient with respect to the weights of the directional derivative
 * h(w) = ∇ₓy · v, for a direction v built from the force residuals. {@link #backward} computes it
 * exactly: a forward-mode tangent pass (ż = W ȧ, ȧ = f′(z) ż, starting from ȧ₀ = v) followed by
 * reverse-mode differentiation of both the value and the tangent, which brings in f″. Energy and
 * force terms share the one backward pass: it returns ∂(α·y + h)/∂w.
 */
public final class NetworkPass {
    private final NetworkShape shape;
    private final double[][] value, slope, curvature;   // a_l, f'(z_l), f''(z_l)
    private final double[][] tangentIn;                 // ż_l (pre-activation tangent)
    private final double[][] tangent;                   // ȧ_l
    private final double[][] adjoint, tangentAdjoint;   // ∂/∂a_l and ∂/∂ȧ_l of the objective

    public NetworkPass(NetworkShape shape) {
        this.shape = shape;
        int layers = shape.layers();
        value = new double[layers][];
        slope = new double[layers][];
        curvature = new double[layers][];
        tangentIn = new double[layers][];
        tangent = new double[layers][];
        adjoint = new double[layers][];
        tangentAdjoint = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int n = shape.width(l);
            value[l] = new double[n];
            slope[l] = new double[n];
            curvature[l] = new double[n];
            tangentIn[l] = new double[n];
            tangent[l] = new double[n];
            adjoint[l] = new double[n];
            tangentAdjoint[l] = new double[n];
        }
    }

    public NetworkShape shape() { return shape; }

    /** Output for inputs x[0..inputs); keeps activations for the derivative calls. */
    public double forward(double[] p, int off, double[] x) {
        System.arraycopy(x, 0, value[0], 0, shape.inputs());
        for (int l = 1; l < shape.layers(); l++) {
            int np = shape.width(l - 1), wo = off + shape.weightOffset(l), bo = off + shape.biasOffset(l);
            double[] prev = value[l - 1], out = value[l], sl = slope[l], cu = curvature[l];
            double norm = shape.norm(l);
            Activation f = shape.activation(l);
            for (int k = 0, o = wo; k < shape.width(l); k++, o += np) {
                double z = 0;
                for (int j = 0; j < np; j++) z += p[o + j] * prev[j];
                z = (z + p[bo + k]) * norm;
                f.apply(z, out, sl, cu, k);
            }
        }
        return value[shape.layers() - 1][0];
    }

    /** ∂y/∂x for the inputs of the last {@link #forward}, into grad[0..inputs). */
    public void inputGradient(double[] p, int off, double[] grad) {
        int last = shape.layers() - 1;
        double[][] d = adjoint;   // d[l][k] = ∂y/∂z_k · s_l: the factor of the layer's weights below
        d[last][0] = slope[last][0] * shape.norm(last);
        for (int l = last; l >= 1; l--) {
            int np = shape.width(l - 1), wo = off + shape.weightOffset(l);
            double[] dl = d[l], below = l > 1 ? d[l - 1] : grad;
            Arrays.fill(below, 0, np, 0.0);
            for (int k = 0, o = wo; k < shape.width(l); k++, o += np) {
                double dk = dl[k];
                if (dk == 0.0) continue;
                for (int j = 0; j < np; j++) below[j] += p[o + j] * dk;
            }
            if (l > 1) {
                double norm = shape.norm(l - 1);
                double[] sl = slope[l - 1];
                for (int j = 0; j < np; j++) below[j] *= sl[j] * norm;
            }
        }
    }

    /**
     * Adds ∂(alpha·y + ∇ₓy·v)/∂w into grad[goff..goff+parameters) for the inputs of the last
     * {@link #forward}. v may be null (energy term only).
     */
    public void backward(double[] p, int off, double alpha, double[] v, double[] grad, int goff) {
        int last = shape.layers() - 1;
        boolean withTangent = v != null;
        if (withTangent) {
            System.arraycopy(v, 0, tangent[0], 0, shape.inputs());
            for (int l = 1; l <= last; l++) {
                int np = shape.width(l - 1), wo = off + shape.weightOffset(l);
                double[] prev = tangent[l - 1], zin = tangentIn[l], out = tangent[l], sl = slope[l];
                double norm = shape.norm(l);
                for (int k = 0, o = wo; k < shape.width(l); k++, o += np) {
                    double z = 0;
                    for (int j = 0; j < np; j++) z += p[o + j] * prev[j];
                    z *= norm;
                    zin[k] = z;
                    out[k] = sl[k] * z;
                }
            }
        }
        adjoint[last][0] = alpha;
        tangentAdjoint[last][0] = withTangent ? 1.0 : 0.0;
        for (int l = last; l >= 1; l--) {
            int n = shape.width(l), np = shape.width(l - 1);
            int wo = off + shape.weightOffset(l), gw = goff + shape.weightOffset(l), gb = goff + shape.biasOffset(l);
            double[] ab = adjoint[l], tb = tangentAdjoint[l], sl = slope[l], cu = curvature[l], zin = tangentIn[l];
            double[] prev = value[l - 1], prevTangent = tangent[l - 1];
            double[] belowA = l > 1 ? adjoint[l - 1] : null, belowT = l > 1 ? tangentAdjoint[l - 1] : null;
            double norm = shape.norm(l);
            if (belowA != null) {
                Arrays.fill(belowA, 0, np, 0.0);
                Arrays.fill(belowT, 0, np, 0.0);
            }
            for (int k = 0, o = 0; k < n; k++, o += np) {
                // z̄ = ā f' + ǡ f'' ż  (value path and tangent path through the activation)
                double zbar = ab[k] * sl[k] + (withTangent ? tb[k] * cu[k] * zin[k] : 0.0);
                double zdotbar = withTangent ? tb[k] * sl[k] : 0.0;
                // z = s·(Σ w a + b), ż = s·Σ w ȧ: both adjoints reach the weights, biases and layer below times s
                zbar *= norm;
                zdotbar *= norm;
                grad[gb + k] += zbar;
                int go = gw + o, wk = wo + o;
                if (zdotbar != 0.0) {
                    for (int j = 0; j < np; j++) grad[go + j] += zbar * prev[j] + zdotbar * prevTangent[j];
                } else if (zbar != 0.0) {
                    for (int j = 0; j < np; j++) grad[go + j] += zbar * prev[j];
                }
                if (belowA != null) {
                    for (int j = 0; j < np; j++) {
                        double w = p[wk + j];
                        belowA[j] += w * zbar;
                        belowT[j] += w * zdotbar;
                    }
                }
            }
        }
    }
}
