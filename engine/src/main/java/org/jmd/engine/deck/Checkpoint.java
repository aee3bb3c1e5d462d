package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.Base64;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.io.ExtXyz;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.VerletList;

/**
 * What a restart needs to continue a run exactly: positions, velocities, masses, charges, cell,
 * step, time, timestep, the ensemble line, the integrator's saved state and the positions at
 * which the neighbor list was last built (so the restarted run rebuilds the same list, pair for
 * pair, sums forces in the same order and continues bit for bit). Stored as one
 * extended XYZ frame (so any XYZ reader can look at it) whose numbers are written with full
 * precision, and read back bit for bit; the integrator state is Base64 in the comment line.
 *
 * @param ensemble        the {@code ensemble} line that made the integrator, or null
 * @param integratorState {@code Integrator.saveState()}, or null
 * @param neighborReference positions and cell of the last neighbor-list build, or null
 */
record Checkpoint(AtomicSystem system, long step, double time, double timestep, String ensemble, byte[] integratorState,
        VerletList.Reference neighborReference) {
    private static final String REFERENCE = "neighbor_reference";
    private static final String REFERENCE_CELL = "neighbor_reference_cell";
    private static final String MARK = "jmd_checkpoint";

    void write(Path file) {
        Frame f = new Frame(system);
        f.hasVelocities = true;
        f.hasCharges = true;
        String[] masses = new String[system.size()];
        for (int i = 0; i < masses.length; i++) masses[i] = Double.toString(system.mass[i]);
        f.arrays.put("masses", new Frame.Column('R', 1, masses));
        if (neighborReference != null) {
            double[] positions = neighborReference.positions();
            String[] ref = new String[positions.length];
            for (int k = 0; k < ref.length; k++) ref[k] = Double.toString(positions[k]);
            f.arrays.put(REFERENCE, new Frame.Column('R', 3, ref));
            StringBuilder cell = new StringBuilder();
            for (double v : neighborReference.cell()) cell.append(cell.length() == 0 ? "" : " ").append(Double.toString(v));
            f.info.put(REFERENCE_CELL, cell.toString());
        }
        f.info.put(MARK, "1");
        f.info.put("step", Long.toString(step));
        f.info.put("time", Double.toString(time));
        f.info.put("timestep", Double.toString(timestep));
        if (ensemble != null) f.info.put("ensemble", ensemble);
        if (integratorState != null) f.info.put("integrator_state", Base64.getEncoder().encodeToString(integratorState));
        // always extended XYZ, whatever the file is called
        StructureIO.writeAtomically(file, w -> ExtXyz.write(w, f));
    }

    static Checkpoint read(Path file) {
        Frame f;
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            f = ExtXyz.read(in, file.toString(), new int[1]);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such checkpoint file");
        } catch (java.io.IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        if (f == null) throw new InputException(file.toString(), 0, "empty checkpoint file");
        String where = file.toString();
        if (!f.info.containsKey(MARK)) throw new InputException(where, 2, "not a jmd checkpoint (no " + MARK + " in the comment line)");
        if (!f.hasVelocities) throw new InputException(where, 2, "checkpoint has no velocities");
        long step;
        double time, timestep;
        try {
            step = Long.parseLong(required(f, "step", where));
            time = Double.parseDouble(required(f, "time", where));
            timestep = Double.parseDouble(required(f, "timestep", where));
        } catch (NumberFormatException e) {
            throw new InputException(where, 2, "checkpoint step, time or timestep is not a number: " + e.getMessage());
        }
        String state = f.info.get("integrator_state");
        byte[] bytes;
        try {
            bytes = state == null ? null : Base64.getDecoder().decode(state);
        } catch (IllegalArgumentException e) {
            throw new InputException(where, 2, "integrator_state is not valid Base64");
        }
        VerletList.Reference reference = null;
        Frame.Column ref = f.arrays.get(REFERENCE);
        String refCell = f.info.get(REFERENCE_CELL);
        if (ref != null) {
            double[] positions = new double[ref.values().length];
            for (int k = 0; k < positions.length; k++) positions[k] = Double.parseDouble(ref.values()[k]); // validated by the reader
            String[] c = refCell == null ? new String[0] : refCell.trim().split("\\s+");
            if (c.length != 9) throw new InputException(where, 2, "checkpoint has " + REFERENCE + " but no 9-number " + REFERENCE_CELL + "=");
            double[] cell = new double[9];
            try {
                for (int k = 0; k < 9; k++) cell[k] = Double.parseDouble(c[k]);
            } catch (NumberFormatException e) {
                throw new InputException(where, 2, REFERENCE_CELL + " is not 9 numbers: " + refCell);
            }
            reference = new VerletList.Reference(positions, cell);
        }
        return new Checkpoint(f.system, step, time, timestep, f.info.get("ensemble"), bytes, reference);
    }

    private static String required(Frame f, String key, String where) {
        String v = f.info.get(key);
        if (v == null) throw new InputException(where, 2, "checkpoint has no " + key + "=");
        return v;
    }
}
