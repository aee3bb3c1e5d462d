package org.jmd.engine.md;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;

/**
 * What integrators and minimizers step: the system, the calculator that gives its forces, the
 * forces at the current positions, and the {@link Clock}. Both kinds of "dynamics" share it (as
 * in ASE), so a deck can minimize and then run on the same state.
 *
 * <p>Invariant between steps: {@link #forces} belong to the current positions and cell.
 */
public final class Dynamics {
    public final AtomicSystem system;
    public final ForceCalculator calculator;
    public final ForceResult forces = new ForceResult();
    /** Step, time and timestep; a deck's simulation shares its own with every Dynamics it makes. */
    public final Clock clock;
    /**
     * What the next {@link #computeForces} must produce besides forces ({@link ForceResult}
     * flags). MD steps that print nothing ask for forces only; everything else asks for all.
     */
    public int want = ForceResult.ALL;

    /** With a clock of its own, at step 0 with a timestep of 1 fs. */
    public Dynamics(AtomicSystem system, ForceCalculator calculator) { this(system, calculator, new Clock()); }

    public Dynamics(AtomicSystem system, ForceCalculator calculator, Clock clock) {
        this.system = system;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** Recomputes {@link #forces} for the current positions and cell. */
    public void computeForces() {
        calculator.compute(system, want, forces);
    }
}
