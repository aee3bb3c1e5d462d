package org.jmd.engine;

/**
 * Something a deck line names: a potential, an ensemble, a minimizer, an analysis, a trainer.
 * Each kind has its own provider interface extending this one, and a {@link Registry} finds its
 * providers on the classpath by name.
 */
public interface Provider {
    /** The name used in decks, e.g. {@code sw}, {@code nve}, {@code lbfgs}. */
    String name();

    /** One line of syntax, for help and error messages. */
    String usage();
}
