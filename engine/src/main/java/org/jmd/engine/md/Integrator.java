package org.jmd.engine.md;

/**
 * Advances a {@link Dynamics} by one timestep in some ensemble (NVE, a thermostat, a barostat).
 * Implementations are found by name through {@link IntegratorProvider}.
 */
public interface Integrator {
    /** Called once before the first step of a run; forces are current. */
    default void init(Dynamics d) {}

    /**
     * What the integrator itself needs of each force evaluation besides forces ({@link
     * org.jmd.engine.ForceResult} flags): a barostat needs the virial. The run asks for more on
     * steps that print or dump.
     */
    default int forceFlags() { return org.jmd.engine.ForceResult.FORCES; }

    /**
     * One step of {@code d.clock.timestep}, ending with {@code d.clock.tick()}; on return
     * {@code d.forces} match the new positions and cell.
     */
    void step(Dynamics d);

    /**
     * Energy exchanged with a thermostat or barostat so far (eV), so that potential + kinetic +
     * this is conserved; zero for NVE.
     */
    default double reservoirEnergy() { return 0; }

    /** Internal state (thermostat variables, random stream) for exact restarts. */
    default byte[] saveState() { return new byte[0]; }

    /** Restores what {@link #saveState()} returned. */
    default void restoreState(byte[] state) {}

    /** A one-line description for logs. */
    default String describe() { return getClass().getSimpleName(); }
}
