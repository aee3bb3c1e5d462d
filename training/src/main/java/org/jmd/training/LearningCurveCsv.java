package org.jmd.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmd.io.StructureIO;

/**
 * {@code learning_curve.csv}: one row per logged epoch with the columns of the
 * {@link LearningCurve} (full precision, empty where a row lacks a column). For a committee the
 * members' curves follow one another with a first column {@code member} (1, 2, ...).
 */
public final class LearningCurveCsv {
    private LearningCurveCsv() {}

    public static void write(Path file, List<Plots.Curve> curves) {
        boolean committee = curves.size() > 1;
        List<String> columns = new ArrayList<>();
        for (Plots.Curve c : curves) for (String col : c.curve().columns()) if (!columns.contains(col)) columns.add(col);
        StructureIO.writeAtomically(file, w -> {
            w.write((committee ? "member," : "") + String.join(",", columns) + "\n");
            for (int m = 0; m < curves.size(); m++) {
                for (Map<String, Double> row : curves.get(m).curve().rows()) {
                    StringBuilder sb = new StringBuilder();
                    if (committee) sb.append(m + 1).append(',');
                    for (int k = 0; k < columns.size(); k++) {
                        Double v = row.get(columns.get(k));
                        if (k > 0) sb.append(',');
                        // a value the trainer could not compute (no validation set) is left empty, not NaN
                        if (v != null && Double.isFinite(v)) sb.append(columns.get(k).equals(LearningCurve.EPOCH) && v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString());
                    }
                    w.write(sb.append('\n').toString());
                }
            }
        });
    }
}
