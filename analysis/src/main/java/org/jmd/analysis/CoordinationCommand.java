package org.jmd.analysis;

import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Sampler;
import org.jmd.engine.deck.SamplerProvider;

/**
 * {@code coordination cutoff=RC file=F.csv}: the coordination histogram of the structure as it is
 * when the line is read ({@link CoordinationNumbers}), written at once.
 */
public final class CoordinationCommand implements SamplerProvider {
    @Override public String name() { return "coordination"; }

    @Override public String usage() { return "coordination cutoff=RC file=F.csv"; }

    @Override public Sampler create(Arguments a) {
        Options.noPositional(a);
        double cutoff = Options.cutoff(a);
        var file = OutputFile.of(a);
        a.requireAllUsed();
        CoordinationNumbers c = new CoordinationNumbers(cutoff);
        return new DeckSampler(Sampler.NOW, file) {
            @Override public void sample(AtomicSystem s, double timeFs) { c.add(s); }

            @Override public List<String> write() {
                c.write(file());
                List<String> means = new ArrayList<>();
                for (String sp : c.species()) if (!Double.isNaN(c.mean(sp))) means.add(format("%s %.3f", sp, c.mean(sp)));
                return List.of(format("mean neighbors within %s Å: %s; written to %s", cutoff, String.join(", ", means), file()));
            }
        };
    }
}
