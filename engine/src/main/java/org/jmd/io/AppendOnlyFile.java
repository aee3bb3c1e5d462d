package org.jmd.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jmd.engine.InputException;

/**
 * A file that grows by whole records during a run (thermo rows, trajectory frames), so that a
 * process killed at any instant (kill -9, a batch system's time limit) leaves whole records.
 * Each record reaches the file in one {@code write} of its complete bytes — never split by a
 * buffer boundary or left in a user-space buffer — so after a kill the file is its earlier
 * records, complete, and at most the record being written is cut short (the kernel can stop a
 * write at a page boundary when the process is killed). Continuing such a file cuts it back to a
 * given length first (see {@link #wholeLines}), which removes that partial record.
 *
 * <p>Protects against a killed process, not against a machine that loses power: nothing is
 * forced to the disk.
 */
public final class AppendOnlyFile implements AutoCloseable {
    private final FileChannel channel;
    private final String target;

    private AppendOnlyFile(Path path, long keep) {
        this.target = path.toString();
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(keep);
            channel.position(channel.size());
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot open for writing: " + e.getMessage(), e);
        }
    }

    /** Starts the file afresh (empty). */
    public static AppendOnlyFile fresh(Path path) { return new AppendOnlyFile(path, 0); }

    /** Continues the file after its first {@code keep} bytes; anything after them is removed. */
    public static AppendOnlyFile continued(Path path, long keep) { return new AppendOnlyFile(path, keep); }

    /** Appends one record: all its bytes in one write (repeated only if the system writes fewer). */
    public void append(byte[] record, int length) {
        ByteBuffer b = ByteBuffer.wrap(record, 0, length);
        try {
            while (b.hasRemaining()) channel.write(b);
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot write: " + e.getMessage(), e);
        }
    }

    /** Appends one record of text (UTF-8). */
    public void append(CharSequence record) {
        byte[] bytes = record.toString().getBytes(StandardCharsets.UTF_8);
        append(bytes, bytes.length);
    }

    /** Bytes in the file. */
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot read its size: " + e.getMessage(), e);
        }
    }

    @Override public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot close: " + e.getMessage(), e);
        }
    }

    /** Decides, line by line from the first, whether a whole line is kept. */
    public interface LineFilter {
        /**
         * @param number 1-based line number, for messages
         * @return true to keep the line and look at the next, false to cut the file before it
         */
        boolean keep(int number, String line);
    }

    /**
     * The length of the file's longest beginning made of whole lines (each ended by {@code \n})
     * that {@code filter} keeps; a last line without its {@code \n} — cut short by a kill — is never
     * kept. A missing file has length 0.
     */
    public static long wholeLines(Path file, LineFilter filter) {
        try (Lines in = Lines.open(file)) {
            if (in == null) return 0;
            long kept = 0;
            for (String line; (line = in.next()) != null; ) {
                if (!in.whole() || !filter.keep(in.number(), line)) break;
                kept = in.offset();
            }
            return kept;
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Lines of a file as bytes, with the offset just past the last one returned, so that a scan can
     * say where the whole records end. Only UTF-8 files with {@code \n} line ends (what jmd writes).
     */
    static final class Lines implements AutoCloseable {
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private long offset;
        private int number;
        private boolean whole;

        /** Lines of a stream (buffered by the caller if it needs to be). */
        Lines(InputStream in) { this.in = in; }

        /** The file's lines, or null if it does not exist. */
        static Lines open(Path file) throws IOException {
            try {
                return new Lines(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        /** The next line without its {@code \n}, or null at the end of the file. */
        String next() throws IOException {
            line.reset();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') line.write(c);
            if (c < 0 && line.size() == 0) return null;
            whole = c == '\n';
            offset += line.size() + (whole ? 1 : 0);
            number++;
            return line.toString(StandardCharsets.UTF_8);
        }

        /** Skips a line; returns false at the end of the file or if the line has no {@code \n}. */
        boolean skip() throws IOException {
            int c;
            long n = 0;
            while ((c = in.read()) >= 0 && c != '\n') n++;
            if (c < 0 && n == 0) {
                whole = false;
                return false;
            }
            whole = c == '\n';
            offset += n + (whole ? 1 : 0);
            number++;
            return whole;
        }

        /** Whether the last line read ended with {@code \n}. */
        boolean whole() { return whole; }

        /** Bytes up to the end of the last line read. */
        long offset() { return offset; }

        /** 1-based number of the last line read. */
        int number() { return number; }

        @Override public void close() throws IOException { in.close(); }
    }
}
