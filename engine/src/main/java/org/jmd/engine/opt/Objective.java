package org.jmd.engine.opt;

/** A smooth function to minimize, given as its value and gradient (an energy, a training loss). */
@FunctionalInterface
public interface Objective {
    /** The value at x, with its gradient written into {@code gradient} (overwritten). */
    double evaluate(double[] x, double[] gradient);
}
