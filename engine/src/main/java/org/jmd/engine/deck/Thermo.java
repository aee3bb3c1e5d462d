package org.jmd.engine.deck;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;

/**
 * Thermo output: every N steps one row of the chosen columns, on screen as a table and, if a
 * file was named, as CSV with a header line. CSV values are written with full precision (they
 * read back as the same doubles) and each row is flushed, so an interrupted run keeps its log.
 */
final class Thermo implements AutoCloseable {
    private final int every;
    private final List<ThermoColumn> columns;
    private final PrintWriter screen;
    private final Path file;
    private BufferedWriter csv;
    private long lastStep = Long.MIN_VALUE;

    Thermo(int every, List<ThermoColumn> columns, PrintWriter screen, Path file, boolean append) {
        this.every = every;
        this.columns = List.copyOf(columns);
        this.screen = screen;
        this.file = file;
        if (file != null) {
            try {
                boolean header = !append || !Files.exists(file) || Files.size(file) == 0;
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) Files.createDirectories(dir);
                csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                if (header) {
                    csv.write(String.join(",", names()));
                    csv.write('\n');
                    csv.flush();
                }
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "cannot write thermo file: " + e.getMessage());
            }
        }
    }

    List<String> names() { return columns.stream().map(ThermoColumn::name).toList(); }

    int every() { return every; }

    /** The screen table's header, printed at the start of each run or minimization. */
    void header() {
        StringBuilder sb = new StringBuilder();
        for (ThermoColumn c : columns) sb.append(String.format(Locale.ROOT, c.whole() ? "%10s" : " %15s", c.name()));
        screen.println(sb);
        screen.flush();
    }

    /** Whether {@link #maybeRecord} would write a row at this step. */
    boolean due(long step, boolean force) {
        if (step == lastStep) return false; // the last row of one run is the first of the next
        return force || (every != 0 && step % every == 0); // every = 0: first and last step only
    }

    /** Writes a row if the step is a multiple of N, or {@code force} is set (first and last step of a run). */
    void maybeRecord(Dynamics d, Integrator integrator, boolean force) {
        if (!due(d.step, force)) return;
        lastStep = d.step;
        StringBuilder line = new StringBuilder(), row = new StringBuilder();
        for (int k = 0; k < columns.size(); k++) {
            ThermoColumn c = columns.get(k);
            double v = c.value(d, integrator);
            String full = c.whole() ? Long.toString((long) v) : Double.toString(v);
            row.append(k == 0 ? "" : ",").append(full);
            line.append(c.whole() ? String.format(Locale.ROOT, "%10d", (long) v) : String.format(Locale.ROOT, " %15.6f", v));
        }
        screen.println(line);
        screen.flush();
        if (csv != null) {
            try {
                csv.write(row.toString());
                csv.write('\n');
                csv.flush();
            } catch (IOException e) {
                throw new InputException(file.toString(), 0, "cannot write thermo file: " + e.getMessage());
            }
        }
    }

    @Override public void close() {
        if (csv == null) return;
        try {
            csv.close();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot close thermo file: " + e.getMessage());
        }
        csv = null;
    }
}
