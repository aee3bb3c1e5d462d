package org.jmd.training.nnp;

import java.util.Arrays;
import org.jmd.potentials.nnp.NetworkPass;

/**
 * Energy, forces, loss and loss gradient of one {@link CachedStructure} under an {@link NnpModel}
 * with given parameters. One instance per thread: all buffers are fields, grown as needed.
 *
 * <p>Forces: g_p = Σ_s c_s ∂G_s/∂δ_p with c_s = ∂E_i/∂G_s acts as +g_p on atom i and −g_p on
 * neighbour p (the same contraction as the inference code). Loss of a structure:
 * ω_E (Ē − t)² + ω_F Σ_j |F̂_j − F_j|², Ē the mean predicted atomic energy of the counted atoms.
 * Its gradient: the energy term back-propagates α_i = 2ω_E(Ē − t)/n through each counted atom's
 * network; the force term, with r_j = 2ω_F(F̂_j − F_j), equals Σ_i ∂(∇ₓy_i · v_i)/∂w where
 * v_is = (∂x_s/∂G_s) Σ_p ∂G_s/∂δ_p · (r_i − r_{j(p)}) — the mixed derivative that
 * {@link NetworkPass#backward} computes.
 */
final class StructureEvaluator {
    private final NnpModel model;
    private final NetworkPass[] pass;
    private final double[] x, dydx, v, coefficient;
    private double[] pairGradient = new double[0];
    private double[] predicted = new double[0];
    private double[] residual = new double[0];

    StructureEvaluator(NnpModel model) {
        this.model = model;
        pass = new NetworkPass[model.shapes.length];
        int max = 0;
        for (int e = 0; e < pass.length; e++) {
            pass[e] = new NetworkPass(model.shapes[e]);
            max = Math.max(max, model.inputs(e));
        }
        x = new double[max];
        dydx = new double[max];
        v = new double[max];
        coefficient = new double[max];
    }

    /** Predicted atomic energy of atom i (forward pass only). */
    double atomEnergy(double[] p, CachedStructure s, int i) {
        int e = s.element[i];
        model.scaling.apply(e, s.g, s.gStart[i], model.inputs(e), x);
        return pass[e].forward(p, model.offset[e], x) + model.atomEnergy[e];
    }

    /** Mean predicted atomic energy of the structure's counted atoms. */
    double countedEnergy(double[] p, CachedStructure s) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.atoms; i++) {
            if (s.countedElement >= 0 && s.element[i] != s.countedElement) continue;
            sum += atomEnergy(p, s, i);
            n++;
        }
        return sum / n;
    }

    /**
     * Total predicted energy; predicted forces into forces[0..3N) when it is not null (the
     * structure must have cached derivatives).
     */
    double predict(double[] p, CachedStructure s, double[] forces) {
        if (forces != null) Arrays.fill(forces, 0, 3 * s.atoms, 0.0);
        double energy = 0;
        for (int i = 0; i < s.atoms; i++) {
            energy += atomEnergy(p, s, i);
            if (forces != null) addForces(p, s, i, forces);
        }
        return energy;
    }

    /**
     * Adds the structure's loss gradient into grad and returns its loss; predictions are left in
     * {@link #lastForces()} when forces enter.
     *
     * @param energyWeight ω_E
     * @param forceWeight  ω_F (ignored when the structure has no forces)
     */
    double accumulate(double[] p, CachedStructure s, double energyWeight, double forceWeight, double[] grad) {
        boolean forces = s.hasForces() && forceWeight > 0;
        int n3 = 3 * s.atoms;
        if (predicted.length < n3) {
            predicted = new double[n3];
            residual = new double[n3];
        }
        double sum = 0;
        int counted = 0;
        if (forces) Arrays.fill(predicted, 0, n3, 0.0);
        for (int i = 0; i < s.atoms; i++) {
            boolean count = s.countedElement < 0 || s.element[i] == s.countedElement;
            if (!count && !forces) continue;
            double ei = atomEnergy(p, s, i);
            if (count) { sum += ei; counted++; }
            if (forces) addForces(p, s, i, predicted);
        }
        double de = sum / counted - s.energyPerAtom;
        double loss = energyWeight * de * de;
        double alpha = 2 * energyWeight * de / counted;
        if (forces) {
            double[] f = s.forces;
            for (int k = 0; k < n3; k++) {
                double d = predicted[k] - f[k];
                loss += forceWeight * d * d;
                residual[k] = 2 * forceWeight * d;
            }
        }
        for (int i = 0; i < s.atoms; i++) {
            boolean count = s.countedElement < 0 || s.element[i] == s.countedElement;
            if (!count && !forces) continue;
            int e = s.element[i], ns = model.inputs(e);
            model.scaling.apply(e, s.g, s.gStart[i], ns, x);
            pass[e].forward(p, model.offset[e], x);
            double[] direction = null;
            if (forces) {
                direction = v;
                residualDirection(s, i, e, ns);
            }
            pass[e].backward(p, model.offset[e], count ? alpha : 0.0, direction, grad, model.offset[e]);
        }
        return loss;
    }

    /** Forces of the last {@link #accumulate} with forces. */
    double[] lastForces() { return predicted; }

    /** v_s = factor_s Σ_p ∂G_s/∂δ_p · (r_i − r_j(p)). */
    private void residualDirection(CachedStructure s, int i, int e, int ns) {
        int p0 = s.neighbourStart[i], nn = s.neighbourStart[i + 1] - p0;
        int[] nb = s.neighbour;
        double[] r = residual, factor = model.scaling.factor[e];
        double rix = r[3 * i], riy = r[3 * i + 1], riz = r[3 * i + 2];
        if (pairGradient.length < 3 * nn) pairGradient = new double[Math.max(3 * nn, 2 * pairGradient.length)];
        double[] w = pairGradient;
        for (int q = 0; q < nn; q++) {
            int j = nb[p0 + q];
            w[3 * q] = rix - r[3 * j];
            w[3 * q + 1] = riy - r[3 * j + 1];
            w[3 * q + 2] = riz - r[3 * j + 2];
        }
        s.layout.transpose(e, w, s.neighbourElement, p0, nn, s.dg, s.dgStart[i], v);
        for (int k = 0; k < ns; k++) v[k] *= factor[k];
    }

    /** Forces from atom i's energy after its forward pass: +g_p on i, −g_p on each neighbour. */
    private void addForces(double[] p, CachedStructure s, int i, double[] forces) {
        int e = s.element[i], ns = model.inputs(e);
        pass[e].inputGradient(p, model.offset[e], dydx);
        int p0 = s.neighbourStart[i], nn = s.neighbourStart[i + 1] - p0;
        if (nn == 0) return;
        if (pairGradient.length < 3 * nn) pairGradient = new double[Math.max(3 * nn, 2 * pairGradient.length)];
        double[] gp = pairGradient, c = coefficient, factor = model.scaling.factor[e];
        for (int k = 0; k < ns; k++) c[k] = dydx[k] * factor[k];
        s.layout.contract(e, c, s.neighbourElement, p0, nn, s.dg, s.dgStart[i], gp);
        int[] nb = s.neighbour;
        for (int q = 0; q < nn; q++) {
            int j = nb[p0 + q];
            double gx = gp[3 * q], gy = gp[3 * q + 1], gz = gp[3 * q + 2];
            forces[3 * j] -= gx; forces[3 * j + 1] -= gy; forces[3 * j + 2] -= gz;
            forces[3 * i] += gx; forces[3 * i + 1] += gy; forces[3 * i + 2] += gz;
        }
    }
}
