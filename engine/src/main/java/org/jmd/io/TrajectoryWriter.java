package org.jmd.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jmd.engine.InputException;

/**
 * Appends frames to a trajectory during a run (an MD dump), flushing after each frame so the
 * file can be followed while the run goes on and holds every complete frame if the run is
 * killed. Unlike {@link StructureIO#write} this is deliberately not atomic: a dump must grow
 * frame by frame. Only formats that hold several frames (extxyz, n2p2) can be used.
 */
public final class TrajectoryWriter implements AutoCloseable {
    private final Writer out;
    private final StructureFormat format;
    private final String target;
    private int frames;

    /**
     * @param append true to add to an existing file (a restarted run), false to start it afresh
     */
    public TrajectoryWriter(Path path, StructureFormat format, boolean append) {
        this.format = format == null ? StructureFormat.forFile(path) : format;
        this.target = path.toString();
        if (!this.format.multiFrame()) {
            throw new InputException(target, 0, "a trajectory needs a format that holds several frames (extxyz or n2p2), not "
                    + this.format.name());
        }
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot open for writing: " + e.getMessage(), e);
        }
    }

    /** Writes one frame and flushes it to the file. */
    public void write(Frame frame) {
        try {
            format.writeFrame(out, frame, target);
            out.flush();
            frames++;
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot write frame " + (frames + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Frames written so far. */
    public int frames() { return frames; }

    @Override public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot close: " + e.getMessage(), e);
        }
    }
}
