package org.jmd.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds potentials by name among the {@link PotentialProvider}s on the classpath. The engine
 * never names a concrete potential; everything goes through here.
 */
public final class PotentialRegistry {
    private final Map<String, PotentialProvider> providers = new TreeMap<>();

    public PotentialRegistry(ClassLoader loader) {
        for (PotentialProvider p : ServiceLoader.load(PotentialProvider.class, loader)) {
            PotentialProvider old = providers.put(p.name(), p);
            if (old != null && old.getClass() != p.getClass()) {
                throw new IllegalStateException("two potentials named '" + p.name() + "': "
                        + old.getClass().getName() + " and " + p.getClass().getName());
            }
        }
    }

    /** The providers visible to this class's loader. */
    public static PotentialRegistry load() { return new PotentialRegistry(PotentialRegistry.class.getClassLoader()); }

    public Map<String, PotentialProvider> providers() { return Map.copyOf(providers); }

    /** Builds the potential a parsed line {@code NAME ARGS...} names. */
    public Potential create(Arguments args) {
        PotentialProvider p = providers.get(args.command());
        if (p == null) {
            String near = Suggest.nearest(args.command(), providers.keySet());
            throw new InputException(args.source(), args.line(), "unknown potential '" + args.command() + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)")
                    + "; known: " + String.join(", ", providers.keySet()));
        }
        Potential pot = p.create(args);
        args.requireAllUsed();
        return pot;
    }

    /** Builds the potential of a deck-style line such as {@code "lj epsilon=1 sigma=1 cutoff=3"}. */
    public Potential create(String line, Path baseDir) {
        return create(Arguments.parseLine(line, null, 0, baseDir));
    }
}
