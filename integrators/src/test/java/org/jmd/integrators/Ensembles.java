package org.jmd.integrators;

import org.jmd.engine.Arguments;
import org.jmd.engine.Registry;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/** Builds integrators and minimizers from deck-style lines through the registries, as the deck does. */
final class Ensembles {
    private Ensembles() {}

    static Integrator integrator(String line) {
        Arguments a = Arguments.parseLine(line, "test.deck", 1, null);
        Integrator i = Registry.load(IntegratorProvider.class, "ensemble").get(a).create(a);
        a.requireAllUsed();
        return i;
    }

    static Minimizer minimizer(String line) {
        Arguments a = Arguments.parseLine(line, "test.deck", 1, null);
        Minimizer m = Registry.load(MinimizerProvider.class, "minimizer").get(a).create(a);
        a.requireAllUsed();
        return m;
    }
}
