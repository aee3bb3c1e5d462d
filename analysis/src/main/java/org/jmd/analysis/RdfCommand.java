package org.jmd.analysis;

import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Sampler;
import org.jmd.engine.deck.SamplerProvider;

/** {@code rdf every=N cutoff=RC bins=NB file=F.csv}: the time-averaged g(r) of the following runs ({@link RadialDistribution}). */
public final class RdfCommand implements SamplerProvider {
    @Override public String name() { return "rdf"; }

    @Override public String usage() { return "rdf every=N cutoff=RC bins=NB file=F.csv"; }

    @Override public Sampler create(Arguments a) {
        Options.noPositional(a);
        int every = Options.every(a);
        RadialDistribution rdf = new RadialDistribution(Options.cutoff(a), Options.bins(a));
        var file = OutputFile.of(a);
        a.requireAllUsed();
        return new DeckSampler(every, file) {
            @Override public void sample(AtomicSystem s, double timeFs) { rdf.add(s); }

            @Override public List<String> write() {
                rdf.write(file());
                double[] r = rdf.r(), g = rdf.g();
                int peak = 0;
                for (int b = 1; b < g.length; b++) if (g[b] > g[peak]) peak = b;
                return List.of(format("g(r) of %d frames, highest at r = %.3f Å (g = %.3f), written to %s", rdf.frames(), r[peak], g[peak], file()));
            }
        };
    }
}
