package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/** {@code minimize fire fmax=F [dt=1] [dtmax=10] [maxstep=0.2]}: dt, dtmax in fs, maxstep in Å. */
public final class FireProvider implements MinimizerProvider {
    @Override public String name() { return Fire.NAME; }

    @Override public String usage() { return "fire [dt=1 fs] [dtmax=10 fs] [maxstep=0.2 Å]"; }

    @Override public Minimizer create(Arguments a) {
        a.requirePositionalAtMost(0);
        double dt = a.has("dt") ? Options.positive(a, "dt", "fs") : 1.0;
        double dtMax = a.has("dtmax") ? Options.positive(a, "dtmax", "fs") : 10 * dt;
        double maxStep = a.has("maxstep") ? Options.positive(a, "maxstep", "Å") : 0.2;
        if (dtMax < dt) throw a.error("dtmax= (" + dtMax + " fs) must not be below dt= (" + dt + " fs)");
        return new Fire(dt, dtMax, maxStep);
    }
}
