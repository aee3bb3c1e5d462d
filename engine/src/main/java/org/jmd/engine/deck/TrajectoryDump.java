package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jmd.io.Frame;
import org.jmd.io.StructureFormat;
import org.jmd.io.TrajectoryWriter;

/**
 * The deck's {@code dump}: a frame every N steps (positions, velocities, forces, per-atom
 * energies, energy, virial, step and time) through a {@link TrajectoryWriter}, which writes each
 * frame whole, so the file is readable while the run goes on and after it is killed. This class
 * decides when, and how an appended file continues: opened at the first frame, it loses a last
 * frame cut short by a kill and, after a {@code restart}, the frames after that first frame's
 * step (the killed run's, about to be written again); a frame of that step itself is kept and not
 * written again, so no step appears twice. A minimization's frames carry the MD step at which it
 * runs and are written every N iterations.
 */
final class TrajectoryDump implements AutoCloseable {
    private final int every;
    private final Path file;
    private final StructureFormat format;
    private final BooleanSupplier afterRestart;
    private TrajectoryWriter writer;
    private long lastStep = Long.MIN_VALUE;
    private long lastIteration = -1;

    /** @param afterRestart asked at the first frame of an appended file: whether the deck restarted from a checkpoint */
    TrajectoryDump(int every, Path file, StructureFormat format, boolean append, BooleanSupplier afterRestart) {
        this.every = every;
        this.file = file;
        this.format = format;
        this.afterRestart = afterRestart;
        TrajectoryWriter.check(file, format);
        if (!append) writer = new TrajectoryWriter(file, format, false);
    }

    /** Whether {@link #maybeWrite} would write a frame at this step without being forced. */
    boolean due(long step) { return step != lastStep && step % every == 0; }

    /** Writes the frame if its step is a multiple of N (or {@code force}) and not written already. */
    void maybeWrite(long step, boolean force, Supplier<Frame> frame) {
        if (step == lastStep) return;
        if (!force && step % every != 0) return;
        write(step, frame);
    }

    /** A minimization's frame: at its first and last iteration ({@code force}) and every N iterations. */
    void writeIteration(long step, long iteration, boolean force, Supplier<Frame> frame) {
        if (!force && iteration % every != 0) return;
        lastIteration = iteration;
        write(step, frame);
    }

    /** A minimization's last frame, unless its iteration was just written. */
    void writeLastIteration(long step, long iteration, Supplier<Frame> frame) {
        if (iteration != lastIteration) writeIteration(step, iteration, true, frame);
    }

    private void write(long step, Supplier<Frame> frame) {
        lastStep = step;
        if (writer == null) {
            if (afterRestart.getAsBoolean()) {
                writer = TrajectoryWriter.continuing(file, format, step);
                if (writer.holdsFromStep()) return; // the killed run wrote this state already
            } else {
                writer = new TrajectoryWriter(file, format, true);
            }
        }
        writer.write(frame.get());
    }

    @Override public void close() {
        if (writer != null) writer.close();
    }
}
