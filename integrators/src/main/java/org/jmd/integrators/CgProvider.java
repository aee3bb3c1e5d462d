package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/** {@code minimize cg fmax=F [maxstep=0.2]}: maxstep in Å. */
public final class CgProvider implements MinimizerProvider {
    @Override public String name() { return ConjugateGradient.NAME; }

    @Override public String usage() { return "cg [maxstep=0.2 Å]"; }

    @Override public Minimizer create(Arguments a) {
        a.requirePositionalAtMost(0);
        double maxStep = a.has("maxstep") ? Options.positive(a, "maxstep", "Å") : 0.2;
        return new ConjugateGradient(maxStep);
    }
}
