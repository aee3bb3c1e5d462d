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
        // LAMMPS uses 3; the chain's arrays are allocated at once, so a mistyped 10^9 must not be tried
        if (chain < 1 || chain > 1000) throw a.error("chain= must be 1 to 1000, got " + chain);
        return new NoseHooverChain(t, tau, chain);
    }
}
