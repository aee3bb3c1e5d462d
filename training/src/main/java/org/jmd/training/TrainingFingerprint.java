package org.jmd.training;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;

/**
 * A SHA-256 of everything a training's result depends on — the labelled training and validation
 * structures (atoms, cell, energies, forces, bits exactly), the reference energies, the invariant
 * points, the model line, the committee size and the seed — so that {@code --resume} continues
 * only the training that was killed, not one whose deck or data changed since. Threads are left
 * out: trainings are the same for any number.
 */
final class TrainingFingerprint {
    private final MessageDigest sha;

    private TrainingFingerprint() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String of(List<LabelledStructure> training, List<LabelledStructure> validation, Map<String, Double> reference,
                     List<TrainingContext.InvariantPoint> points, Arguments model, int committee, long seed) {
        TrainingFingerprint f = new TrainingFingerprint();
        f.text("model " + model.command() + " " + String.join(" ", model.words()));
        f.number(committee);
        f.number(seed);
        for (Map.Entry<String, Double> e : new TreeMap<>(reference).entrySet()) {
            f.text(e.getKey());
            f.real(e.getValue());
        }
        for (TrainingContext.InvariantPoint p : points) {
            f.text(p.name() + " " + p.element());
            f.real(p.atomicEnergy());
            f.structure(p.structure());
        }
        f.number(training.size());
        for (LabelledStructure s : training) f.structure(s);
        f.number(validation.size());
        for (LabelledStructure s : validation) f.structure(s);
        return HexFormat.of().formatHex(f.sha.digest());
    }

    private void structure(LabelledStructure s) {
        AtomicSystem a = s.frame().system;
        text(s.configType());
        for (String symbol : a.symbols()) text(symbol);
        reals(a.x);
        reals(a.cell().matrix());
        for (boolean p : a.cell().pbc()) number(p ? 1 : 0);
        real(s.energy());
        if (s.forces() == null) number(-1);
        else reals(s.forces());
    }

    private void text(String t) {
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        number(b.length);
        sha.update(b);
    }

    private void number(long v) { sha.update(ByteBuffer.allocate(8).putLong(v).array()); }

    private void real(double v) { number(Double.doubleToRawLongBits(v)); }

    private void reals(double[] v) {
        number(v.length);
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (double x : v) b.putLong(Double.doubleToRawLongBits(x));
        sha.update(b.array());
    }
}
