package org.jmd.training.linear;

import java.util.List;
import org.jmd.engine.Potential;
import org.jmd.training.ErrorMetrics;
import org.jmd.training.Evaluator;
import org.jmd.training.LabelledStructure;

/** Energy MAE/RMSE per atom and force MAE/RMSE of a potential on labelled structures. */
record Metrics(double energyMae, double energyRmse, double forceMae, double forceRmse) {
    static Metrics of(Potential p, List<LabelledStructure> data) {
        ErrorMetrics.Errors e = ErrorMetrics.of(data, Evaluator.predict(p, data, 1)).overall();
        // ErrorMetrics reports meV/atom; these fields are eV/atom
        return new Metrics(e.energyMae() / 1000, e.energyRmse() / 1000, e.forceMae(), e.forceRmse());
    }

    @Override public String toString() {
        return String.format(java.util.Locale.ROOT, "energy MAE %.2f meV/atom (RMSE %.2f), force MAE %.4f eV/Å (RMSE %.4f)",
                1000 * energyMae, 1000 * energyRmse, forceMae, forceRmse);
    }
}
