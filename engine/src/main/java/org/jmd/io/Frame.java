package org.jmd.io;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.FiniteResults;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;

/**
 * One structure as stored in a file: the atoms, the labels that come with them (energy, forces,
 * per-atom energies, virial, stress; null when absent) and everything else the file said, kept so
 * that a read followed by a write loses nothing.
 *
 * <p>{@code info} holds other per-frame key=value pairs as their text; {@code arrays} holds other
 * per-atom columns.
 */
public final class Frame {
    public AtomicSystem system;
    public Double energy;
    /** eV/Å, 3N. */
    public double[] forces;
    /** eV, N. */
    public double[] atomEnergies;
    /** W = Σ r⊗f, eV, 9 row-major. */
    public double[] virial;
    /** ASE convention σ = −W/V, eV/Å³, 9 row-major. */
    public double[] stress;
    /** Whether the file gave velocities (so writers know to write them). */
    public boolean hasVelocities;
    /** Whether the file gave charges. */
    public boolean hasCharges;
    public final Map<String, String> info = new LinkedHashMap<>();
    public final Map<String, Column> arrays = new LinkedHashMap<>();
    /** Where the frame was read from (set by {@link StructureReader}); null for one made in memory. */
    public Origin origin;
    /** The line the frame starts on in its file, set by the format's reader. */
    int firstLine;

    public Frame(AtomicSystem system) { this.system = system; }

    /** A structure's place in a file: the file, its number there (from 1) and the line it starts on. */
    public record Origin(String source, int index, int line) {}

    /** An error about this structure, located at the line it starts on: "file:line: structure K: problem". */
    public InputException error(String problem) {
        if (origin == null) return new InputException(problem);
        return new InputException(origin.source(), origin.line(), "structure " + origin.index() + ": " + problem);
    }

    /**
     * Fails, naming this structure and its closest pair of atoms, if the results hold a NaN or an
     * infinity ({@link FiniteResults}): such numbers are never stored as labels or reported.
     */
    public void requireFinite(ForceResult r) {
        String problem = FiniteResults.problem(system, r);
        if (problem != null) throw error(problem);
    }

    /**
     * Takes a potential's results as this frame's labels (copies, so the buffers may be reused):
     * energy, forces, per-atom energies (when they were computed), virial, and stress when the
     * cell is periodic in all three directions (a volume is needed). Non-finite results are an
     * error ({@link #requireFinite}).
     */
    public void setResults(ForceResult r) {
        requireFinite(r);
        energy = r.energy;
        forces = r.forces.clone();
        if (r.has(ForceResult.ATOM_ENERGIES)) atomEnergies = r.atomEnergies.clone();
        virial = r.virial.clone();
        stress = system.cell().fullyPeriodic() ? r.stress(system.cell().volume()) : null;
    }

    /** A per-atom column other than the ones jmd understands: type letter (R, I, S, L), width and values as text. */
    public record Column(char type, int width, String[] values) {}
}
