package org.jmd.engine.deck;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jmd.engine.InputException;
import org.jmd.io.ExtXyz;
import org.jmd.io.Frame;

/**
 * A trajectory in extended XYZ (positions, velocities, forces, per-atom energies, energy,
 * virial, step and time), one frame every N steps, each frame written whole and flushed, so the
 * file is readable frame by frame while the run goes on and after it is interrupted.
 */
final class TrajectoryDump implements AutoCloseable {
    private final int every;
    private final Path file;
    private BufferedWriter out;
    private long lastStep = Long.MIN_VALUE;

    TrajectoryDump(int every, Path file, boolean append) {
        this.every = every;
        this.file = file;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot write trajectory: " + e.getMessage());
        }
    }

    /** Writes the frame if its step is a multiple of N (or {@code force}) and not written already. */
    void maybeWrite(long step, boolean force, java.util.function.Supplier<Frame> frame) {
        if (step == lastStep) return;
        if (!force && step % every != 0) return;
        lastStep = step;
        try {
            ExtXyz.write(out, frame.get());
            out.flush();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot write trajectory: " + e.getMessage());
        }
    }

    @Override public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot close trajectory: " + e.getMessage());
        }
        out = null;
    }
}
