package org.jmd.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds potentials from deck lines: the {@link Registry} of {@link PotentialProvider}s finds the
 * provider by name, which reads its arguments; every argument must be used. The engine never
 * names a concrete potential; everything goes through here.
 */
public final class PotentialRegistry {
    private final Registry<PotentialProvider> providers;

    private PotentialRegistry(Registry<PotentialProvider> providers) { this.providers = providers; }

    /** The providers on the classpath. */
    public static PotentialRegistry load() { return new PotentialRegistry(Registry.load(PotentialProvider.class, "potential")); }

    /** The providers by name, sorted. */
    public Map<String, PotentialProvider> providers() { return providers.providers(); }

    /** Builds the potential a parsed line {@code NAME ARGS...} names. */
    public Potential create(Arguments args) {
        Potential pot = providers.get(args).create(args);
        args.requireAllUsed();
        return pot;
    }

    /** Builds the potential of a deck-style line such as {@code "lj epsilon=1 sigma=1 cutoff=3"}. */
    public Potential create(String line, Path baseDir) {
        return create(Arguments.parseLine(line, null, 0, baseDir));
    }
}
