package org.jmd.engine;

/**
 * Makes a {@link Potential} from a deck line {@code potential NAME ARGS...}. Providers are found
 * with {@link java.util.ServiceLoader}: a jar that lists its provider in
 * {@code META-INF/services/org.jmd.engine.PotentialProvider} adds a potential to jmd.
 */
public interface PotentialProvider extends Provider {
    /** Builds the potential; throws {@link InputException} for bad or missing arguments. */
    Potential create(Arguments args);
}
