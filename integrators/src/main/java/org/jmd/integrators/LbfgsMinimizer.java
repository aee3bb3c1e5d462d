package org.jmd.integrators;

import org.jmd.engine.opt.Lbfgs;

/**
 * {@code minimize lbfgs}: the engine's {@link Lbfgs} (strong-Wolfe line search, history dropped
 * and steepest descent retried once when a step fails) on the relaxation's coordinates, with
 * steps limited by how far an atom moves ({@link DisplacementLimits}).
 */
final class LbfgsMinimizer extends IterativeMinimizer {
    static final String NAME = "lbfgs";

    private final int memory;
    private final double maxStep;

    /**
     * @param memory  number of correction pairs kept
     * @param maxStep largest first trial displacement of any atom (Å)
     */
    LbfgsMinimizer(int memory, double maxStep) {
        this.memory = memory;
        this.maxStep = maxStep;
    }

    @Override Iteration begin(Relaxation r, double[] x, double[] value, double[] g) {
        Lbfgs opt = new Lbfgs(r, x.length, memory, new DisplacementLimits(maxStep));
        opt.start(x, value[0], g);
        return () -> {
            if (Double.isNaN(opt.iterate())) return false;
            System.arraycopy(opt.position(), 0, x, 0, x.length);
            System.arraycopy(opt.gradient(), 0, g, 0, g.length);
            value[0] = opt.value();
            return true;
        };
    }

    @Override public String describe() { return NAME + " memory=" + memory + " maxstep=" + maxStep + " Å"; }
}
