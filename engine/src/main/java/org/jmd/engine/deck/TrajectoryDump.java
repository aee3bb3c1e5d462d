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
 * frame cut short by a kill and, after a {@code restart}, the frames from that first frame's
 * step on (the killed run's, about to be written again), so no step appears twice.
 */
final class TrajectoryDump implements AutoCloseable {
    private final int every;
    private final Path file;
    private final StructureFormat format;
    private final BooleanSupplier afterRestart;
    private TrajectoryWriter writer;
    private long lastStep = Long.MIN_VALUE;

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
        lastStep = step;
        if (writer == null) {
            writer = afterRestart.getAsBoolean() ? TrajectoryWriter.continuing(file, format, step) : new TrajectoryWriter(file, format, true);
        }
        writer.write(frame.get());
    }

    @Override public void close() {
        if (writer != null) writer.close();
    }
}
