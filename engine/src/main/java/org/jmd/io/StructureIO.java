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

    /** All frames of a structure file: n2p2 for {@code input.data} or {@code *.n2p2}, else extended XYZ. */
    public static List<Frame> readAll(Path path) {
        List<Frame> frames = new ArrayList<>();
        boolean n2p2 = isN2p2(path);
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            int[] line = {0};
            Frame f;
            while ((f = n2p2 ? N2p2Data.read(in, path.toString(), line) : ExtXyz.read(in, path.toString(), line)) != null) frames.add(f);
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

    /** Writes every frame: n2p2 for {@code input.data} or {@code *.n2p2}, else extended XYZ. */
    public static void write(Path path, List<Frame> frames) {
        boolean n2p2 = isN2p2(path);
        writeAtomically(path, w -> {
            for (Frame f : frames) {
                if (n2p2) N2p2Data.write(w, f); else ExtXyz.write(w, f);
            }
        });
    }

    private static boolean isN2p2(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.equals("input.data") || name.endsWith(".n2p2");
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
