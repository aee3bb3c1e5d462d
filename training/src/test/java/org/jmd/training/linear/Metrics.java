package org.jmd.training.linear;

import java.util.List;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.check.Consistency;
import org.jmd.training.LabelledStructure;

/** Energy MAE/RMSE per atom and force MAE/RMSE of a potential on labelled structures. */
record Metrics(double energyMae, double energyRmse, double forceMae, double forceRmse) {
    static Metrics of(Potential p, List<LabelledStructure> data) {
        double ea = 0, e2 = 0, fa = 0, f2 = 0;
        long fn = 0;
        for (LabelledStructure s : data) {
            ForceResult r = Consistency.evaluate(p, s.frame().system);
            double de = (r.energy - s.energy()) / s.size();
            ea += Math.abs(de);
            e2 += de * de;
            double[] f = s.forces();
            if (f == null) continue;
            for (int k = 0; k < f.length; k++) {
                double d = r.forces[k] - f[k];
                fa += Math.abs(d);
                f2 += d * d;
                fn++;
            }
        }
        int n = data.size();
        return new Metrics(ea / n, Math.sqrt(e2 / n), fa / fn, Math.sqrt(f2 / fn));
    }

    @Override public String toString() {
        return String.format(java.util.Locale.ROOT, "energy MAE %.2f meV/atom (RMSE %.2f), force MAE %.4f eV/Å (RMSE %.4f)",
                1000 * energyMae, 1000 * energyRmse, forceMae, forceRmse);
    }
}
