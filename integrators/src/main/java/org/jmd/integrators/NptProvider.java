package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;

/**
 * {@code ensemble npt temperature=T pressure=P damping=TAU pdamping=TAU [couple=iso|aniso|tri]
 * [compressibility=1e-6] [seed=S]}. The default compressibility, 10⁻⁶/bar (bulk modulus 100 GPa),
 * suits most solids; softer materials (liquids, rare-gas crystals) relax more slowly than
 * pdamping unless given their own, and a value far above the true one makes the cell move faster
 * than pdamping, which can be unstable.
 */
public final class NptProvider implements IntegratorProvider {
    static final double DEFAULT_COMPRESSIBILITY = 1e-6;

    @Override public String name() { return NptScr.NAME; }

    @Override public String usage() {
        return "npt temperature=K pressure=bar|GPa damping=fs pdamping=fs [couple=iso|aniso|tri] [compressibility=1/bar] [seed=N]";
    }

    @Override public Integrator create(Arguments a) {
        a.requirePositionalAtMost(0);
        double t = Options.positive(a, "temperature", "K");
        double p = a.pressure("pressure");
        double tau = Options.positive(a, "damping", "fs");
        double tauP = Options.positive(a, "pdamping", "fs");
        String couple = a.choice("couple", "iso", "iso", "aniso", "tri");
        double beta = a.has("compressibility") ? Options.positive(a, "compressibility", "1/bar") : DEFAULT_COMPRESSIBILITY;
        return new NptScr(t, p, tau, tauP, beta, StochasticCellRescaling.Coupling.valueOf(couple.toUpperCase()), Options.seed(a));
    }
}
