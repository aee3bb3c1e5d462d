package org.jmd.analysis;

import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Sampler;
import org.jmd.engine.deck.SamplerProvider;

/** {@code adf every=N cutoff=RC bins=NB file=F.csv}: the bond-angle distribution of the following runs ({@link BondAngleDistribution}). */
public final class AdfCommand implements SamplerProvider {
    @Override public String name() { return "adf"; }

    @Override public String usage() { return "adf every=N cutoff=RC bins=NB file=F.csv"; }

    @Override public Sampler create(Arguments a) {
        Options.noPositional(a);
        int every = Options.every(a);
        BondAngleDistribution adf = new BondAngleDistribution(Options.cutoff(a), Options.bins(a));
        var file = OutputFile.of(a);
        a.requireAllUsed();
        return new DeckSampler(every, file) {
            @Override public void sample(AtomicSystem s, double timeFs) { adf.add(s); }

            @Override public List<String> write() {
                adf.write(file());
                double[] t = adf.angles(), p = adf.p();
                int peak = 0;
                for (int b = 1; b < p.length; b++) if (p[b] > p[peak]) peak = b;
                return List.of(adf.triplets() == 0
                        ? format("no atom has two neighbors within the cutoff in %d frames; written to %s", adf.frames(), file())
                        : format("%d angles in %d frames, most at %.1f°, written to %s", adf.triplets(), adf.frames(), t[peak], file()));
            }
        };
    }
}
