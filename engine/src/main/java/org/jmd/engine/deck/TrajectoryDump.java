package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.jmd.io.Frame;
import org.jmd.io.TrajectoryWriter;

/**
 * The deck's {@code dump}: a frame every N steps (positions, velocities, forces, per-atom
 * energies, energy, virial, step and time) through a {@link TrajectoryWriter}, which writes each
 * frame whole and flushes it, so the file is readable while the run goes on and after it is
 * interrupted. This class only decides when.
 */
final class TrajectoryDump implements AutoCloseable {
    private final int every;
    private final TrajectoryWriter writer;
    private long lastStep = Long.MIN_VALUE;

    TrajectoryDump(int every, Path file, boolean append) {
        this.every = every;
        this.writer = new TrajectoryWriter(file, null, append);
    }

    /** Writes the frame if its step is a multiple of N (or {@code force}) and not written already. */
    /** Whether {@link #maybeWrite} would write a frame at this step without being forced. */
    boolean due(long step) { return step != lastStep && step % every == 0; }

    void maybeWrite(long step, boolean force, Supplier<Frame> frame) {
        if (step == lastStep) return;
        if (!force && step % every != 0) return;
        lastStep = step;
        writer.write(frame.get());
    }

    @Override public void close() { writer.close(); }
}
