package org.jmd.analysis;

import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Sampler;
import org.jmd.engine.deck.SamplerProvider;

/**
 * {@code vdos every=N file=F.csv}: the vibrational density of states of the following runs
 * ({@link VibrationalDensityOfStates}); velocities every N steps, so the highest frequency
 * resolved is 1/(2 N Δt).
 */
public final class VdosCommand implements SamplerProvider {
    @Override public String name() { return "vdos"; }

    @Override public String usage() { return "vdos every=N file=F.csv"; }

    @Override public Sampler create(Arguments a) {
        Options.noPositional(a);
        int every = Options.every(a);
        var file = OutputFile.of(a);
        a.requireAllUsed();
        VibrationalDensityOfStates vdos = new VibrationalDensityOfStates();
        return new DeckSampler(every, file) {
            @Override public void sample(AtomicSystem s, double timeFs) { vdos.add(s, timeFs); }

            @Override public List<String> write() {
                if (vdos.frames() < 2) return List.of(format("only %d frame so far; nothing written to %s", vdos.frames(), file()));
                vdos.write(file());
                VibrationalDensityOfStates.Spectrum s = vdos.compute();
                double[] f = s.frequency(), g = s.vdos();
                int peak = 1;
                for (int j = 2; j < g.length; j++) if (g[j] > g[peak]) peak = j;
                return List.of(format("%d frames %.4g fs apart: 0–%.4g THz in steps of %.3g THz, highest at %.3g THz; written to %s",
                        vdos.frames(), vdos.interval(), f[f.length - 1], f[1], f[peak], file()));
            }
        };
    }
}
