package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;

/** {@code ensemble nve}. */
public final class NveProvider implements IntegratorProvider {
    @Override public String name() { return "nve"; }

    @Override public String usage() { return "nve"; }

    @Override public Integrator create(Arguments a) {
        a.requirePositionalAtMost(0);
        return new VelocityVerlet();
    }
}
