package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/** {@code minimize lbfgs fmax=F [memory=10] [maxstep=0.2]}: maxstep in Å. */
public final class LbfgsProvider implements MinimizerProvider {
    @Override public String name() { return LbfgsMinimizer.NAME; }

    @Override public String usage() { return "lbfgs [memory=10] [maxstep=0.2 Å]"; }

    @Override public Minimizer create(Arguments a) {
        a.requirePositionalAtMost(0);
        int memory = a.integer("memory", 10);
        // memory pairs of 3N vectors are allocated at once; beyond a few dozen L-BFGS gains nothing
        if (memory < 1 || memory > 1000) throw a.error("memory= must be 1 to 1000, got " + memory);
        double maxStep = a.has("maxstep") ? Options.positive(a, "maxstep", "Å") : 0.2;
        return new LbfgsMinimizer(memory, maxStep);
    }
}
