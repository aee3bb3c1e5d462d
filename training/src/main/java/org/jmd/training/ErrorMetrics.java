package org.jmd.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmd.engine.ForceResult;

/**
 * Errors of predictions against reference labels, overall and per {@code config_type}, as the
 * mlearn benchmark reports them: energy error per atom (E_pred − E_ref)/N of each structure,
 * averaged over structures, in meV/atom; force error over all Cartesian components of all atoms
 * of the structures that have reference forces, in eV/Å. Energies are compared as the model
 * predicts them (its own reference energies included): nothing is refitted here.
 */
public final class ErrorMetrics {
    /** The four numbers; NaN when there was nothing to average (no structure, or no forces). */
    public record Errors(double energyMae, double energyRmse, double forceMae, double forceRmse,
                         int structures, long atoms, long forceComponents) {
        /** The JSON object with exactly the four keys {@code energy_mae, energy_rmse, force_mae, force_rmse}. */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("energy_mae", energyMae);
            m.put("energy_rmse", energyRmse);
            m.put("force_mae", forceMae);
            m.put("force_rmse", forceRmse);
            return m;
        }
    }

    /**
     * A metric for people: the number in {@code format}, or "n/a" when it could not be computed
     * (force errors of data without forces), so no table or log shows NaN.
     */
    public static String show(String format, double v) {
        return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, format, v) : "n/a";
    }

    private final Errors overall;
    private final Map<String, Errors> byConfigType;

    private ErrorMetrics(Errors overall, Map<String, Errors> byConfigType) {
        this.overall = overall;
        this.byConfigType = byConfigType;
    }

    public Errors overall() { return overall; }

    /** Per config_type, sorted by name; structures without one are under "". */
    public Map<String, Errors> byConfigType() { return byConfigType; }

    /** Compares each prediction with its structure's labels. */
    public static ErrorMetrics of(List<LabelledStructure> data, List<ForceResult> predictions) {
        if (data.size() != predictions.size()) throw new IllegalArgumentException("one prediction per structure needed");
        Accumulator all = new Accumulator();
        Map<String, Accumulator> byType = new TreeMap<>();
        for (int k = 0; k < data.size(); k++) {
            LabelledStructure s = data.get(k);
            ForceResult p = predictions.get(k);
            all.add(s, p);
            byType.computeIfAbsent(s.configType(), t -> new Accumulator()).add(s, p);
        }
        Map<String, Errors> types = new LinkedHashMap<>();
        byType.forEach((t, a) -> types.put(t, a.errors()));
        return new ErrorMetrics(all.errors(), types);
    }

    /** {@code {energy_mae, energy_rmse, force_mae, force_rmse, by_config_type: {TYPE: {same four}}}}. */
    public Map<String, Object> json() {
        Map<String, Object> m = overall.json();
        Map<String, Object> types = new LinkedHashMap<>();
        byConfigType.forEach((t, e) -> types.put(t, e.json()));
        m.put("by_config_type", types);
        return m;
    }

    private static final class Accumulator {
        double eAbs, eSq, fAbs, fSq;
        int structures;
        long atoms, components;

        void add(LabelledStructure s, ForceResult p) {
            int n = s.size();
            double de = (p.energy - s.energy()) / n * 1000.0; // meV/atom
            eAbs += Math.abs(de);
            eSq += de * de;
            structures++;
            atoms += n;
            double[] ref = s.forces();
            if (ref == null) return;
            for (int k = 0; k < 3 * n; k++) {
                double df = p.forces[k] - ref[k];
                fAbs += Math.abs(df);
                fSq += df * df;
            }
            components += 3L * n;
        }

        Errors errors() {
            double nan = Double.NaN;
            return new Errors(structures == 0 ? nan : eAbs / structures, structures == 0 ? nan : Math.sqrt(eSq / structures),
                    components == 0 ? nan : fAbs / components, components == 0 ? nan : Math.sqrt(fSq / components),
                    structures, atoms, components);
        }
    }
}
