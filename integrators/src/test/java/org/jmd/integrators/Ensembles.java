package org.jmd.integrators;

import java.util.ServiceLoader;
import org.jmd.engine.Arguments;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/** Builds integrators and minimizers from deck-style lines through ServiceLoader, as the deck does. */
final class Ensembles {
    private Ensembles() {}

    static Integrator integrator(String line) {
        Arguments a = Arguments.parseLine(line, "test.deck", 1, null);
        for (IntegratorProvider p : ServiceLoader.load(IntegratorProvider.class)) {
            if (p.name().equals(a.command())) {
                Integrator i = p.create(a);
                a.requireAllUsed();
                return i;
            }
        }
        throw new AssertionError("no integrator provider named " + a.command());
    }

    static Minimizer minimizer(String line) {
        Arguments a = Arguments.parseLine(line, "test.deck", 1, null);
        for (MinimizerProvider p : ServiceLoader.load(MinimizerProvider.class)) {
            if (p.name().equals(a.command())) {
                Minimizer m = p.create(a);
                a.requireAllUsed();
                return m;
            }
        }
        throw new AssertionError("no minimizer provider named " + a.command());
    }
}
