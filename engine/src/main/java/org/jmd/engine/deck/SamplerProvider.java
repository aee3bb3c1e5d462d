package org.jmd.engine.deck;

import org.jmd.engine.Arguments;
import org.jmd.engine.Provider;

/**
 * A deck command that analyses the atoms ({@code rdf}, {@code msd}, ...), found by its
 * {@link #name()} through {@link java.util.ServiceLoader} under
 * {@code META-INF/services/org.jmd.engine.deck.SamplerProvider}, so the engine names none of them.
 * A deck line whose first word is not a built-in command goes to the provider of that name.
 */
public interface SamplerProvider extends Provider {
    /** The command name, e.g. {@code rdf}. */
    @Override String name();

    /** One line of usage, e.g. {@code rdf every=N cutoff=RC bins=NB file=F.csv}. */
    @Override String usage();

    /**
     * Checks every argument ({@link Arguments#requireAllUsed()} included) and that the output
     * file can be written, and returns the sampler; reads no atoms and writes nothing, so a deck
     * can be checked before it runs.
     */
    Sampler create(Arguments args);
}
