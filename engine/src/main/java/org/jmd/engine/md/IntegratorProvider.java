package org.jmd.engine.md;

import org.jmd.engine.Arguments;
import org.jmd.engine.Provider;

/**
 * Makes an {@link Integrator} from a deck line {@code ensemble NAME ARGS...}; found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.jmd.engine.md.IntegratorProvider}.
 */
public interface IntegratorProvider extends Provider {
    Integrator create(Arguments args);
}
