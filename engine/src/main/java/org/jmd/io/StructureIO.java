package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.InputException;

/**
 * Reading and writing structure files in any {@link StructureFormat}. Where a method takes a
 * format name it may be null: the format then follows from the file name
 * ({@link StructureFormat#forFile}). Output goes to a temporary file beside the target and is
 * renamed into place, so an interrupted or failed write never leaves half a file.
 */
public final class StructureIO {
    private StructureIO() {}

    /** A streaming reader over the frames of a file. */
    public static StructureReader open(Path path, StructureFormat format) {
        StructureFormat f = format == null ? StructureFormat.forFile(path) : format;
        try {
            BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            return new StructureReader(in, f, path.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A streaming reader; {@code format} is a name ({@code extxyz}, …) or null to go by the file name. */
    public static StructureReader open(Path path, String format) { return open(path, StructureFormat.choose(path, format)); }

    /** All frames of a file; an error if it holds none. */
    public static List<Frame> readAll(Path path, StructureFormat format) {
        List<Frame> frames = new ArrayList<>();
        try (StructureReader r = open(path, format)) {
            while (r.hasNext()) frames.add(r.next());
        }
        if (frames.isEmpty()) throw new InputException(path.toString(), 0, "no structure in file");
        return frames;
    }

    public static List<Frame> readAll(Path path, String format) { return readAll(path, StructureFormat.choose(path, format)); }

    /** All frames, format from the file name. */
    public static List<Frame> readAll(Path path) { return readAll(path, (StructureFormat) null); }

    /** The first frame of a file (reads no further). */
    public static Frame read(Path path, StructureFormat format) {
        try (StructureReader r = open(path, format)) {
            if (!r.hasNext()) throw new InputException(path.toString(), 0, "no structure in file");
            return r.next();
        }
    }

    public static Frame read(Path path, String format) { return read(path, StructureFormat.choose(path, format)); }

    public static Frame read(Path path) { return read(path, (StructureFormat) null); }

    /**
     * Writes the frames atomically. A format that holds one structure (POSCAR, LAMMPS data)
     * refuses several frames rather than silently dropping all but one.
     */
    public static void write(Path path, List<Frame> frames, StructureFormat format) {
        StructureFormat f = format == null ? StructureFormat.forFile(path) : format;
        if (frames.isEmpty()) throw new InputException(path.toString(), 0, "no frames to write");
        if (!f.multiFrame() && frames.size() > 1) {
            throw new InputException(path.toString(), 0, f.name() + " holds one structure, but there are " + frames.size()
                    + " frames; choose one (jmd convert --frame K) or write extxyz");
        }
        writeAtomically(path, w -> {
            for (Frame frame : frames) f.writeFrame(w, frame, path.toString());
        });
    }

    public static void write(Path path, List<Frame> frames, String format) { write(path, frames, StructureFormat.choose(path, format)); }

    /** Writes the frames, format from the file name. */
    public static void write(Path path, List<Frame> frames) { write(path, frames, (StructureFormat) null); }

    public static void write(Path path, Frame frame, String format) { write(path, List.of(frame), format); }

    public static void write(Path path, Frame frame) { write(path, List.of(frame)); }

    /**
     * Checks, creating nothing, that {@code path} could be written: it is not a directory, it is
     * writable if it exists, and the nearest existing directory above it is writable (missing
     * directories are made when the file is written). For checking a deck's outputs before a run.
     */
    public static void checkWritable(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new InputException(path.toString(), 0, "is a directory, not a file");
        if (Files.exists(abs)) {
            if (!Files.isWritable(abs)) throw new InputException(path.toString(), 0, "is not writable");
            return;
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir == null) throw new InputException(path.toString(), 0, "no existing directory above it");
        if (!Files.isDirectory(dir)) throw new InputException(path.toString(), 0, dir + " is a file, not a directory");
        if (!Files.isWritable(dir)) throw new InputException(path.toString(), 0, "cannot write in " + dir + " (permission denied)");
    }

    /** Something that writes text. */
    public interface TextWriter {
        void write(Writer w) throws IOException;
    }

    /**
     * Writes text via a temporary file in the same directory, then renames it over the target. If
     * the body fails (an I/O error or an InputException about the data) the temporary file is
     * removed and an existing target is left as it was.
     */
    public static void writeAtomically(Path path, TextWriter body) {
        replace(path, stream -> {
            Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        });
    }

    /** Writes bytes (e.g. a PNG plot) the same way. */
    public static void writeAtomically(Path path, byte[] bytes) {
        replace(path, stream -> stream.write(bytes));
    }

    private interface StreamWriter {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** The one way jmd replaces a file: a temporary file beside it, renamed into place. */
    private static void replace(Path path, StreamWriter body) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(out);
            }
            makeReadable(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /** Temporary files are created owner-only; a result gets rw-r--r-- like any file a program writes. */
    private static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its default
        }
    }
}
