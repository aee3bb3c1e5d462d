package org.jmd.studies.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.io.StructureIO;

/**
 * A CSV table built row by row and written atomically: a header line, then values — numbers at
 * full precision (NaN left empty), text quoted when it holds a comma or a quote.
 */
public final class Csv {
    private final List<String> header;
    private final List<String> lines = new ArrayList<>();

    public Csv(String... header) { this(List.of(header)); }

    public Csv(List<String> header) { this.header = List.copyOf(header); }

    /** Adds a row; its length must match the header. */
    public Csv row(Object... values) {
        if (values.length != header.size()) throw new IllegalArgumentException("row of " + values.length + " values for " + header.size() + " columns");
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            if (k > 0) sb.append(',');
            sb.append(text(values[k]));
        }
        lines.add(sb.toString());
        return this;
    }

    public int rows() { return lines.size(); }

    public void write(Path file) {
        StructureIO.writeAtomically(file, w -> {
            w.write(String.join(",", header));
            w.write('\n');
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        });
    }

    private static String text(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Double.isNaN(d) ? "" : Double.toString(d);
        if (v instanceof Float f) return Float.isNaN(f) ? "" : Float.toString(f);
        String s = v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }
}
