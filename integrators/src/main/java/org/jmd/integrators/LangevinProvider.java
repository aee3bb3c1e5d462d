package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;

/** {@code ensemble nvt-langevin temperature=T damping=TAU [seed=S]}. */
public final class LangevinProvider implements IntegratorProvider {
    @Override public String name() { return LangevinBaoab.NAME; }

    @Override public String usage() { return "nvt-langevin temperature=K damping=fs [seed=N]"; }

    @Override public Integrator create(Arguments a) {
        a.requirePositionalAtMost(0);
        return new LangevinBaoab(Options.positive(a, "temperature", "K"), Options.positive(a, "damping", "fs"), Options.seed(a));
    }
}
