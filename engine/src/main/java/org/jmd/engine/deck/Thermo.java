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
 * <p>A minimization's rows carry the MD step and time at which it runs (they do not advance);
 * on screen its table counts iterations instead ({@code iter}), and {@code extra=iter} puts the
 * count in the file.
 *
 * <p>With {@code append=yes} the file is opened at the first row: a last row cut short by a
 * kill is removed, and after a {@code restart} so are the rows after that first row's step —
 * written by the killed run after its checkpoint, and about to be written again. Rows of that
 * step itself are kept (a minimization's, or the killed run's row at the checkpoint, which is
 * the same row bit for bit), and then the restarted run's own row of that step is not written
 * again, so no step appears twice.
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
    private long lastIteration = -1;

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

    /** The screen table's header, printed at the start of each run. */
    void header() { header(false); }

    /** The header of a minimization's table: its first column counts iterations. */
    void minimizationHeader() { header(true); }

    private void header(boolean minimizing) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < columns.size(); k++) {
            ThermoColumn c = columns.get(k);
            sb.append(String.format(Locale.ROOT, c.whole() ? "%10s" : " %15s", minimizing && k == 0 ? "iter" : c.name()));
        }
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
        record(d, integrator, false);
    }

    /**
     * A minimization's row: at its first and last iteration ({@code force}) and every N
     * iterations. The step does not move during a minimization, so rows are not matched by step.
     */
    void recordIteration(Dynamics d, boolean force) {
        if (!force && (every == 0 || d.clock.iteration % every != 0)) return;
        record(d, null, true);
    }

    /** A minimization's last row, unless its iteration was just recorded. */
    void recordLastIteration(Dynamics d) {
        if (d.clock.iteration != lastIteration) record(d, null, true);
    }

    private void record(Dynamics d, Integrator integrator, boolean minimizing) {
        lastStep = d.clock.step;
        if (minimizing) lastIteration = d.clock.iteration;
        StringBuilder line = new StringBuilder(), row = new StringBuilder();
        for (int k = 0; k < columns.size(); k++) {
            ThermoColumn c = columns.get(k);
            double v = c.value(d, integrator);
            String full = c.whole() ? Long.toString((long) v) : Double.toString(v);
            row.append(k == 0 ? "" : ",").append(full);
            long shown = minimizing && k == 0 ? d.clock.iteration : (long) v;
            line.append(c.whole() ? String.format(Locale.ROOT, "%10d", shown) : String.format(Locale.ROOT, " %15.6f", v));
        }
        screen.println(line);
        screen.flush();
        if (file != null) {
            if (csv == null && continueFile(d.clock.step)) return; // this row is in the file already
            csv.append(row.append('\n'));
        }
    }

    /**
     * Opens an appended file at the first row, {@code step}: keeps the header and the whole rows
     * up to it. Returns whether a row of that step was kept after a restart (then it is the one
     * about to be written).
     */
    private boolean continueFile(long step) {
        String header = csvHeader();
        boolean restarted = afterRestart.getAsBoolean();
        boolean[] atStep = {false};
        long keep = AppendOnlyFile.wholeLines(file, (number, line) -> {
            if (number == 1) {
                if (!line.equals(header)) checkFile(file, true, header); // changed since the deck was checked: the same error
                return true;
            }
            if (!restarted) return true;
            int comma = line.indexOf(',');
            long rowStep;
            try {
                rowStep = Long.parseLong(comma < 0 ? line : line.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new InputException(file.toString(), number, "thermo append=yes: expected a row starting with its step, got '" + line + "'");
            }
            atStep[0] |= rowStep == step;
            return rowStep <= step;
        });
        csv = AppendOnlyFile.continued(file, keep);
        if (keep == 0) csv.append(header + "\n");
        return atStep[0];
    }

    @Override public void close() {
        if (csv == null) return;
        csv.close();
        csv = null;
    }
}
