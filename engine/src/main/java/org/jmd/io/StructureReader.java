package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jmd.engine.InputException;

/**
 * Frames of a file, one at a time: only the current frame is in memory, so a long trajectory
 * or a large training set can be processed in constant memory. Use in try-with-resources:
 * <pre>
 * try (StructureReader r = StructureIO.open(path, null)) {
 *     while (r.hasNext()) process(r.next());
 * }
 * </pre>
 * Malformed input raises {@link InputException} from {@link #hasNext()} or {@link #next()}.
 */
public final class StructureReader implements AutoCloseable, Iterator<Frame>, Iterable<Frame> {
    private final BufferedReader in;
    private final StructureFormat format;
    private final String source;
    private final int[] lineNo = {0};
    private Frame pending;
    private int framesRead;
    private boolean done;

    StructureReader(BufferedReader in, StructureFormat format, String source) {
        this.in = in;
        this.format = format;
        this.source = source;
    }

    public StructureFormat format() { return format; }

    /** Frames returned by {@link #next()} so far. */
    public int framesRead() { return framesRead; }

    @Override public boolean hasNext() {
        if (pending != null) return true;
        // a single-frame format (POSCAR, LAMMPS data) has nothing after its one structure
        if (done || (!format.multiFrame() && framesRead > 0)) return false;
        try {
            pending = format.readFrame(in, source, lineNo);
        } catch (IOException e) {
            throw new InputException(source, lineNo[0], "cannot read: " + e.getMessage(), e);
        }
        if (pending == null) done = true;
        return pending != null;
    }

    @Override public Frame next() {
        if (!hasNext()) throw new NoSuchElementException("no more frames in " + source);
        Frame f = pending;
        pending = null;
        framesRead++;
        f.origin = new Frame.Origin(source, framesRead, Math.max(1, f.firstLine));
        return f;
    }

    /** Lets a reader be used in a for-each loop (once). */
    @Override public Iterator<Frame> iterator() { return this; }

    @Override public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new InputException(source, 0, "cannot close: " + e.getMessage(), e);
        }
    }
}
