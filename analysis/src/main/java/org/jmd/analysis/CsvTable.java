package org.jmd.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.io.StructureIO;

/**
 * Columns of numbers written as CSV with a header line, values at full precision (they read back
 * as the same doubles), through a temporary file renamed into place so a reader never sees half a
 * table.
 */
public final class CsvTable {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> columns = new ArrayList<>();
    private final List<Boolean> whole = new ArrayList<>();

    /** Adds a column; all columns must be equally long. */
    public CsvTable column(String name, double[] values) { return add(name, values, false); }

    /** Adds a column of whole numbers, written without a decimal point. */
    public CsvTable wholeColumn(String name, double[] values) { return add(name, values, true); }

    private CsvTable add(String name, double[] values, boolean integral) {
        if (!columns.isEmpty() && values.length != columns.get(0).length) {
            throw new IllegalArgumentException("column " + name + " has " + values.length + " rows, not " + columns.get(0).length);
        }
        names.add(name);
        columns.add(values);
        whole.add(integral);
        return this;
    }

    public void write(Path file) {
        StructureIO.writeAtomically(file, w -> {
            w.write(String.join(",", names));
            w.write('\n');
            int rows = columns.isEmpty() ? 0 : columns.get(0).length;
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) line.append(',');
                    double v = columns.get(c)[r];
                    if (whole.get(c)) line.append((long) v); else line.append(v);
                }
                line.append('\n');
                w.write(line.toString());
            }
        });
    }
}
