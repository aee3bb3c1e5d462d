package org.jmd.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.io.Frame;

/**
 * Labels structures with a reference potential: energy, forces, per-atom energies, virial and
 * stress become the potential's, so a synthetic training set has a ground truth known
 * everywhere. Info fields (config_type, description, ...) are kept; the potential line is
 * recorded as info {@code labelled_by}. Labels the input had are replaced, not mixed.
 */
public final class Labeller {
    /** Info key recording which potential made the labels. */
    public static final String LABELLED_BY = "labelled_by";

    private Labeller() {}

    /** The potential a deck line names, loaded once: every thread shares it through workspaces of its own. */
    public static Potential potential(String line, Path baseDir) {
        return PotentialRegistry.load().create(line, baseDir);
    }

    /** New frames (sharing the atoms of the old ones) carrying the potential's labels. */
    public static List<Frame> label(List<Frame> frames, Potential potential, String line, int threads) {
        List<ForceResult> results = Evaluator.evaluate(potential, frames, threads);
        List<Frame> out = new ArrayList<>(frames.size());
        for (int k = 0; k < frames.size(); k++) out.add(labelled(frames.get(k), results.get(k), line));
        return out;
    }

    /** Labelled structures with the potential's energies and forces; config types kept. */
    public static List<LabelledStructure> labelStructures(List<LabelledStructure> data, Potential potential, String line, int threads) {
        List<Frame> frames = new ArrayList<>(data.size());
        for (LabelledStructure s : data) frames.add(s.frame());
        List<Frame> labelled = label(frames, potential, line, threads);
        List<LabelledStructure> out = new ArrayList<>(data.size());
        for (int k = 0; k < data.size(); k++) out.add(new LabelledStructure(labelled.get(k), data.get(k).configType()));
        return out;
    }

    private static Frame labelled(Frame in, ForceResult r, String line) {
        Frame f = new Frame(in.system);
        f.origin = in.origin;
        f.hasVelocities = in.hasVelocities;
        f.hasCharges = in.hasCharges;
        f.info.putAll(in.info);
        f.arrays.putAll(in.arrays);
        f.info.put(LABELLED_BY, line);
        f.setResults(r);
        return f;
    }
}
