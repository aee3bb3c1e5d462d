package org.jmd.training;

import org.jmd.io.Frame;

/**
 * A structure with reference labels: total energy (eV) and forces (eV/Å) as the reference method
 * gave them (raw totals, before any per-element reference energy is subtracted), and the
 * {@code config_type} it came from ("" when the file had none).
 */
public record LabelledStructure(Frame frame, String configType) {
    public LabelledStructure {
        if (frame.energy == null) throw new IllegalArgumentException("structure has no reference energy");
    }

    public int size() { return frame.system.size(); }

    public double energy() { return frame.energy; }

    /** Reference forces, 3N, or null when the data has none. */
    public double[] forces() { return frame.forces; }
}
