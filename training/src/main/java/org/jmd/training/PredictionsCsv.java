package org.jmd.training;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jmd.engine.ForceResult;
import org.jmd.io.StructureIO;

/**
 * Predicted against reference values, for parity plots, in long form (one value a row, easy to
 * filter in pandas or a spreadsheet):
 * {@code set,structure,config_type,natoms,quantity,atom,reference,predicted}, where quantity is
 * {@code energy_per_atom} (eV/atom, atom empty) or {@code fx}, {@code fy}, {@code fz} (eV/Å,
 * atom counted from 1); structures are counted from 1 in file order.
 */
public final class PredictionsCsv {
    public static final String HEADER = "set,structure,config_type,natoms,quantity,atom,reference,predicted";

    private PredictionsCsv() {}

    /** Writes the sets (name → structures and their predictions) to one file, atomically. */
    public static void write(Path file, Map<String, Sets> sets) {
        StructureIO.writeAtomically(file, w -> {
            w.write(HEADER);
            w.write('\n');
            for (Map.Entry<String, Sets> e : sets.entrySet()) write(w, e.getKey(), e.getValue().data(), e.getValue().predictions());
        });
    }

    /** Structures of one set with their predictions. */
    public record Sets(List<LabelledStructure> data, List<ForceResult> predictions) {}

    private static void write(Writer w, String set, List<LabelledStructure> data, List<ForceResult> predictions) throws IOException {
        String[] axes = {"fx", "fy", "fz"};
        for (int k = 0; k < data.size(); k++) {
            LabelledStructure s = data.get(k);
            ForceResult p = predictions.get(k);
            int n = s.size();
            String prefix = set + "," + (k + 1) + "," + quote(s.configType()) + "," + n + ",";
            w.write(prefix + "energy_per_atom,," + s.energy() / n + "," + p.energy / n + "\n");
            double[] f = s.forces();
            if (f == null) continue;
            for (int i = 0; i < n; i++)
                for (int a = 0; a < 3; a++) w.write(prefix + axes[a] + "," + (i + 1) + "," + f[3 * i + a] + "," + p.forces[3 * i + a] + "\n");
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
