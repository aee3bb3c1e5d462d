package org.jmd.training;

import org.jmd.engine.Arguments;
import org.jmd.engine.Provider;

/**
 * Makes a {@link Trainer} from a deck line {@code model NAME ARGS...}; found with ServiceLoader
 * under {@code META-INF/services/org.jmd.training.TrainerProvider}. The provider reads only its
 * own options (and the deck rejects any left unread).
 */
public interface TrainerProvider extends Provider {
    Trainer create(Arguments args);
}
