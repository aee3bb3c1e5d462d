package org.jmd.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jmd.engine.InputException;

/**
 * Appends frames to a trajectory during a run (an MD dump). Each frame is formatted in memory
 * and reaches the file in one write ({@link AppendOnlyFile}), so the file can be followed while
 * the run goes on and, if the run is killed, holds every complete frame (at most the frame being
 * written is cut short, and continuing the file removes it). Unlike {@link StructureIO#write}
 * this is deliberately not atomic: a dump must grow frame by frame. Only formats that hold
 * several frames (extxyz, n2p2) can be used.
 *
 * <p>A frame's {@code step} (info key) is what {@link #continuing} goes by: extended XYZ keeps it
 * in the comment line; for n2p2, whose blocks have no place for it, it is written as the block's
 * comment {@code step=S time=T}.
 */
public final class TrajectoryWriter implements AutoCloseable {
    private final AppendOnlyFile file;
    private final StructureFormat format;
    private final String target;
    private final Bytes buffer = new Bytes();
    private final Writer text = new OutputStreamWriter(buffer, StandardCharsets.UTF_8);
    private int frames;

    /**
     * @param append true to add to an existing file after its last whole frame, false to start it afresh
     */
    public TrajectoryWriter(Path path, StructureFormat format, boolean append) {
        this(path, format, append ? Long.MAX_VALUE : Long.MIN_VALUE);
    }

    /**
     * Continues a trajectory that a killed or interrupted run left: whole frames of steps before
     * {@code fromStep} are kept; frames of {@code fromStep} and later, and a last frame cut short,
     * are removed, so the continuing run writes no step twice.
     */
    public static TrajectoryWriter continuing(Path path, StructureFormat format, long fromStep) {
        return new TrajectoryWriter(path, format, fromStep);
    }

    /**
     * Checks, writing nothing, that a trajectory could be written to {@code path}: a format that
     * holds several frames, and a place that can be written. Returns the format.
     */
    public static StructureFormat check(Path path, StructureFormat format) {
        StructureFormat f = format == null ? StructureFormat.forFile(path) : format;
        if (!f.multiFrame()) {
            throw new InputException(path.toString(), 0, "a trajectory needs a format that holds several frames (extxyz or n2p2), not "
                    + f.name());
        }
        StructureIO.checkWritable(path);
        return f;
    }

    /** {@code fromStep} MIN_VALUE: afresh; otherwise keep the whole frames before it. */
    private TrajectoryWriter(Path path, StructureFormat format, long fromStep) {
        this.format = check(path, format);
        this.target = path.toString();
        this.file = fromStep == Long.MIN_VALUE ? AppendOnlyFile.fresh(path)
                : AppendOnlyFile.continued(path, FrameScan.wholeFramesBefore(path, this.format, fromStep));
    }

    /** Writes one frame, whole, to the file. */
    public void write(Frame frame) {
        try {
            if (format == N2p2Data.FORMAT && frame.info.containsKey("step") && !frame.info.containsKey(N2p2Data.COMMENT)) {
                frame.info.put(N2p2Data.COMMENT, "step=" + frame.info.get("step") + (frame.info.containsKey("time") ? " time=" + frame.info.get("time") : ""));
            }
            buffer.reset();
            format.writeFrame(text, frame, target);
            text.flush();
            file.append(buffer.array(), buffer.size());
            frames++;
        } catch (IOException e) {
            throw new InputException(target, 0, "cannot write frame " + (frames + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Frames written so far. */
    public int frames() { return frames; }

    @Override public void close() { file.close(); }

    /** A reusable buffer whose bytes are appended without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() { super(1 << 16); }

        byte[] array() { return buf; }
    }

    /** Where the whole frames of an extxyz or n2p2 trajectory end, read line by line without parsing the atoms. */
    static final class FrameScan {
        private FrameScan() {}

        /**
         * Bytes taken by the whole frames at the start of the file whose step is before
         * {@code fromStep} (frames without a step count as before). Stops at the first frame cut
         * short; a file that is not a trajectory of that format is an error, not something to cut.
         */
        static long wholeFramesBefore(Path path, StructureFormat format, long fromStep) {
            try (AppendOnlyFile.Lines in = AppendOnlyFile.Lines.open(path)) {
                return in == null ? 0 : wholeFramesBefore(in, path, format, fromStep);
            } catch (IOException e) {
                throw new InputException(path.toString(), 0, "cannot read: " + e.getMessage(), e);
            }
        }

        /** The same on lines of any stream; {@code path} names it in messages. */
        static long wholeFramesBefore(AppendOnlyFile.Lines in, Path path, StructureFormat format, long fromStep) throws IOException {
            long kept = 0;
            while (true) {
                Long step = format == N2p2Data.FORMAT ? n2p2Frame(in, path) : extxyzFrame(in, path);
                if (step == null || step >= fromStep) return kept;
                kept = in.offset();
            }
        }

        /** Reads one whole frame and returns its step (MIN_VALUE if it has none), or null if no whole frame follows. */
        private static Long extxyzFrame(AppendOnlyFile.Lines in, Path path) throws IOException {
            String count = in.next();
            if (count == null || !in.whole() || count.isBlank()) return null;
            int n;
            try {
                n = Integer.parseInt(count.trim());
            } catch (NumberFormatException e) {
                throw notATrajectory(path, in.number(), "expected the atom count of a frame, got '" + Numbers.abbreviate(count) + "'");
            }
            String comment = in.next();
            if (comment == null || !in.whole()) return null;
            Map<String, String> info = ExtXyz.parseKeyValues(comment, path.toString(), in.number());
            for (int i = 0; i < n; i++) if (!in.skip()) return null;
            return step(info.get("step"), path, in.number());
        }

        private static Long n2p2Frame(AppendOnlyFile.Lines in, Path path) throws IOException {
            String begin = in.next();
            if (begin == null || !in.whole() || begin.isBlank()) return null;
            if (!begin.trim().equals("begin")) throw notATrajectory(path, in.number(), "expected 'begin', got '" + Numbers.abbreviate(begin) + "'");
            String step = null;
            for (String line; (line = in.next()) != null; ) {
                if (!in.whole()) return null;
                String t = line.trim();
                if (t.equals("end")) return step(step, path, in.number());
                if (t.startsWith("comment") && step == null) {
                    for (String w : t.substring("comment".length()).trim().split("\\s+")) {
                        if (w.startsWith("step=")) step = w.substring("step=".length());
                    }
                }
            }
            return null;
        }

        private static Long step(String text, Path path, int line) {
            if (text == null) return Long.MIN_VALUE;
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw notATrajectory(path, line, "step=" + Numbers.abbreviate(text) + " is not a whole number");
            }
        }

        private static InputException notATrajectory(Path path, int line, String problem) {
            return new InputException(path.toString(), line, "cannot continue this trajectory (append=yes): " + problem);
        }
    }
}
