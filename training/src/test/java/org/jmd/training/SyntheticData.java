package org.jmd.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.potentials.LennardJones;

/** Small labelled data sets whose truth is known: random cells labelled with Lennard-Jones. */
final class SyntheticData {
    static final double EPSILON = 0.0125, SIGMA = 2.0, CUTOFF = 5.0;
    static final String[] TYPES = {"bulk", "surface", "liquid"};

    private SyntheticData() {}

    static String ljLine() { return "lj epsilon=" + EPSILON + " sigma=" + SIGMA + " cutoff=" + CUTOFF; }

    /**
     * {@code count} random periodic cells of 4–7 atoms of the given species, config_type cycling
     * through {@link #TYPES}, info {@code description="run K at T K"}, labelled with LJ (no offsets).
     */
    static List<Frame> frames(int count, String[] species, long seed) {
        List<Frame> out = new ArrayList<>();
        LennardJones lj = new LennardJones(EPSILON, SIGMA, CUTOFF);
        for (int k = 0; k < count; k++) {
            AtomicSystem s = Consistency.randomTriclinic(species, 4 + k % 4, 14.0, 2.1, seed + k);
            Frame f = new Frame(s);
            var r = Consistency.evaluate(lj, s);
            f.energy = r.energy;
            f.forces = r.forces.clone();
            f.info.put("config_type", TYPES[k % TYPES.length]);
            f.info.put("description", "run " + k + " at " + (300 * (1 + k % 3)) + " K");
            out.add(f);
        }
        return out;
    }

    static Path write(Path file, List<Frame> frames) {
        StructureIO.write(file, frames, "extxyz");
        return file;
    }
}
