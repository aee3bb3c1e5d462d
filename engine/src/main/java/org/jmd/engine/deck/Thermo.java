package org.jmd.engine.deck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.io.AppendOnlyFile;
import org.jmd.io.StructureIO;

/**
 * Thermo output: every N steps one row of the chosen columns, on screen as a table and, if a
 * file was named, as CSV with a header line. CSV values are written with full precision (they
 * read back as the same doubles) and each row reaches the file whole, in one write
 * ({@link AppendOnlyFile}), so a run killed at any moment leaves a log of whole rows.
 *
 * <p>With {@code append=yes} the file is opened at the first row: a last row cut short by a
 * kill is removed, and after a {@code restart} so are the rows from that first row's step on —
 * written by the killed run after its checkpoint, and about to be written again — so no step
 * appears twice.
 */
final class Thermo implements AutoCloseable {
    private final int every;
    private final List<ThermoColumn> columns;
    private final PrintWriter screen;
    private final Path file;
    private final boolean append;
    private final BooleanSupplier afterRestart;
    private AppendOnlyFile csv;
    private long lastStep = Long.MIN_VALUE;

    /**
     * @param afterRestart asked at the first row of an appended file: whether the deck restarted
     *                     from a checkpoint, so that rows from that step on are the killed run's
     */
    Thermo(int every, List<ThermoColumn> columns, PrintWriter screen, Path file, boolean append, BooleanSupplier afterRestart) {
        this.every = every;
        this.columns = List.copyOf(columns);
        this.screen = screen;
        this.file = file;
        this.append = append;
        this.afterRestart = afterRestart;
        if (file != null) {
            checkFile(file, append, csvHeader());
            if (!append) {
                csv = AppendOnlyFile.fresh(file);
                csv.append(csvHeader() + "\n");
            }
        }
    }

    /**
     * What a thermo file needs before a run, checked without writing: a place it can be written
     * and, when appending to an existing file, the same columns.
     */
    static void checkFile(Path file, boolean append, String header) {
        StructureIO.checkWritable(file);
        if (!append) return;
        String[] first = new String[1];
        AppendOnlyFile.wholeLines(file, (number, line) -> {
            first[0] = line;
            return false;
        });
        if (first[0] != null && !first[0].equals(header)) {
            throw new InputException(file.toString(), 1, "thermo append=yes: the file has the columns '" + first[0]
                    + "' but this thermo writes '" + header + "'; name another file or ask for the same columns");
        }
    }

    List<String> names() { return columns.stream().map(ThermoColumn::name).toList(); }

    /** The CSV header line. */
    String csvHeader() { return String.join(",", names()); }

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
        if (!due(d.clock.step, force)) return;
        lastStep = d.clock.step;
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
        if (file != null) {
            if (csv == null) continueFile(d.clock.step);
            csv.append(row.append('\n'));
        }
    }

    /** Opens an appended file at the first row, {@code step}: keeps the header and the whole rows before it. */
    private void continueFile(long step) {
        String header = csvHeader();
        boolean restarted = afterRestart.getAsBoolean();
        long keep = AppendOnlyFile.wholeLines(file, (number, line) -> {
            if (number == 1) {
                if (!line.equals(header)) checkFile(file, true, header); // changed since the deck was checked: the same error
                return true;
            }
            if (!restarted) return true;
            int comma = line.indexOf(',');
            try {
                return Long.parseLong(comma < 0 ? line : line.substring(0, comma)) < step;
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), number, "thermo append=yes: expected a row starting with its step, got '" + line + "'");
            }
        });
        csv = AppendOnlyFile.continued(file, keep);
        if (keep == 0) csv.append(header + "\n");
    }

    @Override public void close() {
        if (csv == null) return;
        csv.close();
        csv = null;
    }
}
