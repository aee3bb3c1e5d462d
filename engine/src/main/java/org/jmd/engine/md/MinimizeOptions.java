package org.jmd.engine.md;

/**
 * Convergence and cell settings for a minimization.
 *
 * @param fmax       converged when every atom's force magnitude is below this (eV/Å) and, with
 *                   {@code relaxCell}, every stress component is within fmax/V of the target
 *                   (the ASE convention for cell filters)
 * @param maxSteps   give up after this many iterations
 * @param relaxCell  relax the cell vectors too
 * @param pressure   target hydrostatic pressure (bar) when relaxing the cell
 * @param observer   called after every iteration (for thermo output and dumps); may be null
 */
public record MinimizeOptions(double fmax, int maxSteps, boolean relaxCell, double pressure, StepObserver observer) {
    /** Called after each minimizer iteration. */
    public interface StepObserver {
        void observe(Dynamics d, int iteration);
    }
}
