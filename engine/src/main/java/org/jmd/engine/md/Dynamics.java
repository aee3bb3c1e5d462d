package org.jmd.engine.md;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;

/**
 * What integrators and minimizers step: the system, the calculator that gives its forces, and
 * the forces at the current positions. Both kinds of "dynamics" share it (as in ASE), so a deck
 * can minimize and then run on the same state.
 *
 * <p>Invariant between steps: {@link #forces} belong to the current positions and cell.
 */
public final class Dynamics {
    public final AtomicSystem system;
    public final ForceCalculator calculator;
    public final ForceResult forces = new ForceResult();
    /** Timestep in fs. */
    public double timestep = 1.0;
    /** Steps taken since the start of the simulation (continues across runs and restarts). */
    public long step;
    /** Simulated time in fs. */
    public double time;
    /**
     * What the next {@link #computeForces} must produce besides forces ({@link ForceResult}
     * flags). MD steps that print nothing ask for forces only; everything else asks for all.
     */
    public int want = ForceResult.ALL;

    public Dynamics(AtomicSystem system, ForceCalculator calculator) {
        this.system = system;
        this.calculator = calculator;
    }

    /** Recomputes {@link #forces} for the current positions and cell. */
    public void computeForces() {
        calculator.compute(system, want, forces);
    }
}
