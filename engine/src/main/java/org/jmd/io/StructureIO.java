package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reading and writing structure files. Output goes to a temporary file beside the target and is
 * renamed into place, so an interrupted write never leaves half a file.
 */
public final class StructureIO {
    private StructureIO() {}

    /** All frames of an extended XYZ file. */
    public static List<Frame> readAll(Path path) {
        List<Frame> frames = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int[] line = {0};
            Frame f;
            while ((f = ExtXyz.read(in, path.toString(), line)) != null) frames.add(f);
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
        if (frames.isEmpty()) throw new InputException(path.toString(), 0, "no structure in file");
        return frames;
    }

    /** The first frame of a file. */
    public static Frame read(Path path) { return readAll(path).get(0); }

    public static void write(Path path, List<Frame> frames) {
        writeAtomically(path, w -> {
            for (Frame f : frames) ExtXyz.write(w, f);
        });
    }

    public static void write(Path path, Frame frame) { write(path, List.of(frame)); }

    /** Something that writes text. */
    public interface TextWriter {
        void write(Writer w) throws IOException;
    }

    /** Writes via a temporary file in the same directory, then renames it over the target. */
    public static void writeAtomically(Path path, TextWriter body) {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new InputException(path.toString(), 0, "cannot write: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    static UncheckedIOException unchecked(IOException e) { return new UncheckedIOException(e); }
}
