package org.jmd.engine.md;

import org.jmd.engine.Arguments;
import org.jmd.engine.Provider;

/**
 * Makes a {@link Minimizer} from {@code minimize NAME ...}; found with ServiceLoader under
 * {@code META-INF/services/org.jmd.engine.md.MinimizerProvider}. The provider reads only the
 * options specific to its algorithm; fmax, steps, cell and pressure are the deck's.
 */
public interface MinimizerProvider extends Provider {
    Minimizer create(Arguments args);
}
