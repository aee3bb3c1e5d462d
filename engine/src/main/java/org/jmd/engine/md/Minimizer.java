package org.jmd.engine.md;

/**
 * Relaxes a {@link Dynamics} to a local minimum of the energy (and, with a cell-relaxing
 * {@link MinimizeOptions}, of the enthalpy). Found by name through {@link MinimizerProvider}.
 */
public interface Minimizer {
    /** Runs until converged or out of steps; on return {@code d.forces} match the final state. */
    MinimizeResult minimize(Dynamics d, MinimizeOptions options);

    default String describe() { return getClass().getSimpleName(); }
}
