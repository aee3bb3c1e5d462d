package org.jmd.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jmd.engine.InputException;
import org.jmd.io.StructureIO;

/**
 * Where a trainer keeps the state it can continue from after being killed: what it saves at a
 * safe point (between epochs) replaces the previous state whole, and {@code jmd train --resume}
 * hands the last saved state back. A trainer that saves nothing is retrained from the start on
 * resume (all jmd trainers are deterministic for a seed, so the weights are the same).
 */
public interface TrainingCheckpoint {
    /** The state saved by an earlier run of the same training, or null to start from the beginning. */
    byte[] load();

    /** Replaces the saved state with this one (atomically: a kill leaves the old or the new state, whole). */
    void save(byte[] state);

    /** Saves nothing and resumes nothing. */
    TrainingCheckpoint NONE = new TrainingCheckpoint() {
        @Override public byte[] load() { return null; }

        @Override public void save(byte[] state) {}
    };

    /** The checkpoint file of one model's training. */
    String FILE = "training.chk";

    /**
     * A checkpoint file marked with the fingerprint of the training's inputs; {@code resume}
     * says whether an existing file is continued from (otherwise it is only written).
     */
    static TrainingCheckpoint file(Path file, String fingerprint, boolean resume) { return new OnDisk(file, fingerprint, resume); }

    /** The file form: a magic line, the fingerprint, then the trainer's bytes. */
    final class OnDisk implements TrainingCheckpoint {
        private static final String MAGIC = "jmd training checkpoint 1";
        private final Path file;
        private final String fingerprint;
        private final boolean resume;

        private OnDisk(Path file, String fingerprint, boolean resume) {
            this.file = file;
            this.fingerprint = fingerprint;
            this.resume = resume;
        }

        @Override public byte[] load() {
            if (!resume) return null;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "cannot read the training checkpoint: " + e.getMessage(), e);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (!in.readUTF().equals(MAGIC)) throw new IOException("not a jmd training checkpoint");
                String saved = in.readUTF();
                if (!saved.equals(fingerprint)) {
                    throw new InputException(file.toString(), 0, "--resume: this checkpoint belongs to another training (the deck's data, "
                            + "model line, reference energies, committee or seed differ); run without --resume to start afresh");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "--resume: not a readable jmd training checkpoint (" + e.getMessage()
                        + "); run without --resume to start afresh");
            }
        }

        @Override public void save(byte[] state) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(state.length + 128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(MAGIC);
                out.writeUTF(fingerprint);
                out.write(state);
            } catch (IOException e) {
                throw new IllegalStateException(e); // in memory: cannot happen
            }
            StructureIO.writeAtomically(file, bytes.toByteArray());
        }
    }
}
