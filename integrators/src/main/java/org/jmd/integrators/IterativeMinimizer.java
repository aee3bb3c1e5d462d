package org.jmd.integrators;

import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.md.MinimizeResult;
import org.jmd.engine.md.Minimizer;

/**
 * The loop every minimizer shares: evaluate the start, iterate until the relaxation's
 * convergence test passes or steps run out, call the observer after each iteration, and leave
 * {@code d.forces} at the final point.
 */
abstract class IterativeMinimizer implements Minimizer {
    /** One algorithm's state for one minimization. */
    interface Iteration {
        /** One step from (x, f, g), updating them; false when no further progress is possible. */
        boolean step();
    }

    /** Starts the algorithm on x (with objective f = value[0] and gradient g already evaluated). */
    abstract Iteration begin(Relaxation r, double[] x, double[] value, double[] g);

    @Override public final MinimizeResult minimize(Dynamics d, MinimizeOptions options) {
        Relaxation r = Relaxation.of(d, options);
        int n = r.dimension();
        double[] x = new double[n], g = new double[n], value = new double[1];
        r.read(x);
        value[0] = r.evaluate(x, g);
        boolean converged = r.converged(options.fmax());
        Iteration iteration = converged ? null : begin(r, x, value, g);
        int steps = 0;
        while (!converged && steps < options.maxSteps()) {
            boolean progress = iteration.step();
            steps++;
            r.makeCurrent(x, g);
            if (options.observer() != null) options.observer().observe(d, steps);
            converged = r.converged(options.fmax());
            if (!progress) break;
        }
        r.makeCurrent(x, g);
        return new MinimizeResult(converged, steps, d.forces.energy, r.maxAtomForce());
    }
}
