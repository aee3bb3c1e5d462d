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
    /** Steps taken since the start of the simulation (continues across runs and restarts; a minimizer's iterations count too). */
    public long step;
    /** Simulated time in fs. */
    public double time;

    /** The end of one MD step: one more step, and the time advanced by the timestep. */
    public void tick() {
        step++;
        time += timestep;
    }
}
