package org.jmd.analysis;

import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Sampler;
import org.jmd.engine.deck.SamplerProvider;

/**
 * {@code msd every=N file=F.csv}: the mean-squared displacement over the following runs
 * ({@link MeanSquaredDisplacement}), and the diffusion coefficient in the run's summary.
 */
public final class MsdCommand implements SamplerProvider {
    @Override public String name() { return "msd"; }

    @Override public String usage() { return "msd every=N file=F.csv"; }

    @Override public Sampler create(Arguments a) {
        Options.noPositional(a);
        int every = Options.every(a);
        var file = OutputFile.of(a);
        a.requireAllUsed();
        MeanSquaredDisplacement msd = new MeanSquaredDisplacement();
        return new DeckSampler(every, file) {
            @Override public void sample(AtomicSystem s, double timeFs) { msd.add(s, timeFs); }

            @Override public List<String> write() {
                msd.write(file());
                double[] t = msd.times(), m = msd.msd();
                double span = t[t.length - 1], d = msd.diffusion();
                String diffusion = Double.isNaN(d) ? "too few frames for a diffusion coefficient"
                        : format("diffusion coefficient D = %.4g Å²/ps = %.4g cm²/s (fit over %.4g–%.4g ps)", d, d * 1e-4, span / 2, span);
                return List.of(format("MSD %.4g Å² after %.4g ps (%d frames), %s; written to %s", m[m.length - 1], span, msd.frames(), diffusion, file()));
            }
        };
    }
}
