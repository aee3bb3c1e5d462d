package org.jmd.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows a trainer logs while it trains: one per epoch or iteration, with at least
 * {@code train_energy_rmse} (meV/atom), {@code train_force_rmse} (eV/Å) and the same with
 * {@code validation_}, plus any other columns (invariant-point deviations, α of a Lasso path...).
 * Columns appear in the order first logged. The train command writes it as CSV and plots it.
 */
public final class LearningCurve {
    public static final String EPOCH = "epoch";
    public static final String TRAIN_ENERGY_RMSE = "train_energy_rmse_meV_per_atom";
    public static final String TRAIN_FORCE_RMSE = "train_force_rmse_eV_per_A";
    public static final String VALIDATION_ENERGY_RMSE = "validation_energy_rmse_meV_per_atom";
    public static final String VALIDATION_FORCE_RMSE = "validation_force_rmse_eV_per_A";

    private final List<String> columns = new ArrayList<>();
    private final List<Map<String, Double>> rows = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();

    /** Told of each row as it is added (progress output). */
    public interface Listener {
        void added(Map<String, Double> row);
    }

    public synchronized void add(Map<String, Double> row) {
        Map<String, Double> copy = new LinkedHashMap<>(row);
        for (String c : copy.keySet()) if (!columns.contains(c)) columns.add(c);
        rows.add(copy);
        for (Listener l : listeners) l.added(copy);
    }

    /** Puts back rows logged before a training was killed and resumed, without telling the listeners again. */
    public synchronized void restore(List<Map<String, Double>> earlier) {
        for (Map<String, Double> row : earlier) {
            Map<String, Double> copy = new LinkedHashMap<>(row);
            for (String c : copy.keySet()) if (!columns.contains(c)) columns.add(c);
            rows.add(copy);
        }
    }

    public synchronized void addListener(Listener l) { listeners.add(l); }

    public synchronized List<String> columns() { return List.copyOf(columns); }

    public synchronized List<Map<String, Double>> rows() { return List.copyOf(rows); }
}
