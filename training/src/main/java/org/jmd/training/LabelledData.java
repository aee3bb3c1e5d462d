package org.jmd.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.InputException;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.io.StructureReader;

/** Reading labelled structures (extended XYZ or n2p2 {@code input.data}) through {@link StructureIO}. */
public final class LabelledData {
    /** The info key ASE, mlearn and most data sets use for the kind of structure. */
    public static final String CONFIG_TYPE = "config_type";

    private LabelledData() {}

    /**
     * Every frame of {@code file} as a labelled structure; a frame without a total energy is an
     * error naming the file and the frame, since nothing can be trained or tested on it.
     *
     * @param format a format name ({@code extxyz}, {@code n2p2}) or null to go by the file name
     */
    public static List<LabelledStructure> read(Path file, String format) {
        List<LabelledStructure> out = new ArrayList<>();
        try (StructureReader r = StructureIO.open(file, format)) {
            while (r.hasNext()) {
                Frame f = r.next();
                if (f.energy == null) throw f.error("no total energy (extxyz: energy=... on the comment line; n2p2: an 'energy' line)");
                if (f.forces != null && f.forces.length != 3 * f.system.size()) throw f.error("forces for the wrong number of atoms");
                out.add(of(f));
            }
        }
        if (out.isEmpty()) throw new InputException(file.toString(), 0, "no structure in file");
        return out;
    }

    /** A labelled structure from a frame with an energy; its config_type from the info field, or "". */
    public static LabelledStructure of(Frame f) {
        String type = f.info.get(CONFIG_TYPE);
        return new LabelledStructure(f, type == null ? "" : type);
    }

    public static long atoms(List<LabelledStructure> data) {
        long n = 0;
        for (LabelledStructure s : data) n += s.size();
        return n;
    }
}
