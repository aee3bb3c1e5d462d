package org.jmd.engine.md;

/**
 * Where a simulation is in time: the step count, the simulated time and the timestep. One clock
 * is shared by a deck's {@code Simulation} and every {@link Dynamics} it steps, so there is one
 * place that says what step it is — nothing is copied back and forth around a run, and a
 * checkpoint saves and restores it as one.
 */
public final class Clock {
    /** Timestep in fs; LAMMPS's default for metal units. */
    public double timestep = 1.0;
    /**
     * MD steps taken since the start of the simulation (continues across runs and restarts). A
     * minimization does not advance it — unlike LAMMPS, where a {@code run} after a {@code
     * minimize} starts at the minimizer's iteration count and users add {@code reset_timestep 0}:
     * here step and time always agree, and MD after a relaxation starts where MD left off.
     */
    public long step;
    /** The iteration of the minimization under way (0 at its start and outside minimizations). */
    public long iteration;
    /** Simulated time in fs. */
    public double time;

    /** The end of one MD step: one more step, and the time advanced by the timestep. */
    public void tick() {
        step++;
        time += timestep;
    }
}
