package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;

/** {@code ensemble nvt-nhc temperature=T damping=TAU [chain=N]}; LAMMPS's default chain length is 3. */
public final class NhcProvider implements IntegratorProvider {
    @Override public String name() { return NoseHooverChain.NAME; }

    @Override public String usage() { return "nvt-nhc temperature=K damping=fs [chain=3]"; }

    @Override public Integrator create(Arguments a) {
        a.requirePositionalAtMost(0);
        double t = Options.positive(a, "temperature", "K"), tau = Options.positive(a, "damping", "fs");
        int chain = a.integer("chain", 3);
        if (chain < 1) throw a.error("chain= must be at least 1, got " + chain);
        return new NoseHooverChain(t, tau, chain);
    }
}
