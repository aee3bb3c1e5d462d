package org.jmd.integrators;

import org.jmd.engine.Units;
import org.jmd.engine.opt.LineSearch;

/**
 * FIRE, the fast inertial relaxation engine (Bitzek et al., Phys. Rev. Lett. 97, 170201, 2006),
 * with its published parameters (N_min 5, f_inc 1.1, f_dec 0.5, α_start 0.1, f_α 0.99): damped
 * dynamics that steers the velocity towards the force while power P = F·v stays positive, and
 * stops and shortens the timestep when it turns negative. Every coordinate has mass 1 amu, so
 * the path does not depend on the atoms' masses (as in ASE); no atom moves more than maxstep
 * per iteration.
 */
final class Fire extends IterativeMinimizer {
    static final String NAME = "fire";
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1, F_DEC = 0.5, ALPHA_START = 0.1, F_ALPHA = 0.99;

    private final double dt0, dtMax, maxStep;

    /**
     * @param dt      initial timestep (fs)
     * @param dtMax   largest timestep (fs)
     * @param maxStep largest displacement of any atom in one iteration (Å)
     */
    Fire(double dt, double dtMax, double maxStep) {
        this.dt0 = dt;
        this.dtMax = dtMax;
        this.maxStep = maxStep;
    }

    @Override Iteration begin(Relaxation r, double[] x, double[] value, double[] g) {
        int n = x.length;
        double[] v = new double[n], dx = new double[n];
        return new Iteration() {
            double dt = dt0, alpha = ALPHA_START;
            int positiveSteps;

            @Override public boolean step() {
                // g is the gradient, so the force is −g
                double power = -LineSearch.dot(g, v);
                if (power > 0) {
                    double vNorm = Math.sqrt(LineSearch.dot(v, v)), fNorm = Math.sqrt(LineSearch.dot(g, g));
                    double mix = fNorm > 0 ? alpha * vNorm / fNorm : 0;
                    for (int k = 0; k < n; k++) v[k] = (1 - alpha) * v[k] - mix * g[k];
                    if (positiveSteps > N_MIN) {
                        dt = Math.min(dt * F_INC, dtMax);
                        alpha *= F_ALPHA;
                    }
                    positiveSteps++;
                } else {
                    java.util.Arrays.fill(v, 0);
                    dt *= F_DEC;
                    alpha = ALPHA_START;
                    positiveSteps = 0;
                }
                // explicit Euler with unit mass: a = F / (1 amu), converted to Å/fs²
                double accel = dt / Units.AMU_A2_PER_FS2;
                for (int k = 0; k < n; k++) {
                    v[k] -= accel * g[k];
                    dx[k] = dt * v[k];
                }
                double largest = Relaxation.largestBlock(dx);
                double scale = largest > maxStep ? maxStep / largest : 1;
                for (int k = 0; k < n; k++) x[k] += scale * dx[k];
                value[0] = r.evaluate(x, g);
                return dt > 1e-12 * dt0;
            }
        };
    }

    @Override public String describe() { return NAME + " dt=" + dt0 + " fs dtmax=" + dtMax + " fs maxstep=" + maxStep + " Å"; }
}
