package org.jmd.engine;

/**
 * Makes a {@link Potential} from a deck line {@code potential NAME ARGS...}. Providers are found
 * with {@link java.util.ServiceLoader}: a jar that lists its provider in
 * {@code META-INF/services/org.jmd.engine.PotentialProvider} adds a potential to jmd.
 */
public interface PotentialProvider {
    /** The name used in decks, e.g. {@code lj}, {@code sw}. */
    String name();

    /** Syntax of the arguments, for help and error messages, e.g. {@code "epsilon=E sigma=S cutoff=RC"}. */
    String usage();

    /** Builds the potential; throws {@link InputException} for bad or missing arguments. */
    Potential create(Arguments args);
}
