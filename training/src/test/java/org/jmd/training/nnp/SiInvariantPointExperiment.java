package org.jmd.training.nnp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;
import org.jmd.training.TrainingContext.InvariantPoint;

/**
 * Not a unit test: the documented example of issue 6 item 5 (docs/nnp-training.md), run by hand.
 * Two NNPs on Stillinger–Weber-labelled silicon, where every invariant point's true atomic energy
 * is known: (A) trained on rattled, strained diamond only; (B) the same plus rattled sc, bcc and
 * fcc crystals and sparse clusters down to free atoms, so the training set covers the invariant
 * points. Both are monitored at the standard invariant points (not in the loss); the report gives
 * each point's deviation and total-energy errors on held-out sets.
 *
 * <pre>java -cp ... org.jmd.training.nnp.SiInvariantPointExperiment OUTDIR "model options"</pre>
 */
public final class SiInvariantPointExperiment {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String options = args.length > 1 ? args[1] : "";
        Potential sw = SwSilicon.potential();
        List<LabelledStructure> crystal = SwSilicon.rattled(sw, "diamond", 5.431, 2, 60, 0.05, 0.15, 10);
        List<LabelledStructure> covering = new ArrayList<>(crystal);
        covering.addAll(SwSilicon.rattled(sw, "sc", 2.54, 3, 15, 0.06, 0.08, 11));
        covering.addAll(SwSilicon.rattled(sw, "bcc", 3.08, 2, 15, 0.06, 0.08, 12));
        covering.addAll(SwSilicon.rattled(sw, "fcc", 3.87, 2, 15, 0.06, 0.08, 13));
        covering.addAll(SwSilicon.clusters(sw, 4, 20, 9.0, 14));
        covering.addAll(SwSilicon.clusters(sw, 1, 1, 1.0, 15));

        Map<String, List<LabelledStructure>> tests = new java.util.LinkedHashMap<>();
        tests.put("diamond (rattled, strained)", SwSilicon.rattled(sw, "diamond", 5.431, 2, 10, 0.05, 0.15, 20));
        tests.put("sc, bcc, fcc (rattled)", concat(SwSilicon.rattled(sw, "sc", 2.54, 3, 4, 0.06, 0.08, 21),
                SwSilicon.rattled(sw, "bcc", 3.08, 2, 4, 0.06, 0.08, 22), SwSilicon.rattled(sw, "fcc", 3.87, 2, 4, 0.06, 0.08, 23)));
        tests.put("4-atom clusters", SwSilicon.clusters(sw, 4, 10, 9.0, 24));
        List<InvariantPoint> points = SiliconInvariantPoints.standard(sw);

        StringBuilder report = new StringBuilder("options: " + options + "\n");
        Map<String, Potential> models = new java.util.LinkedHashMap<>();
        Map<String, Map<String, Double>> lastRows = new java.util.LinkedHashMap<>();
        for (String name : List.of("A: diamond only", "B: covers the invariant points")) {
            List<LabelledStructure> data = name.startsWith("A") ? crystal : covering;
            List<LabelledStructure> train = new ArrayList<>(), validation = new ArrayList<>();
            for (int k = 0; k < data.size(); k++) (k % 10 == 9 ? validation : train).add(data.get(k));
            double e = 0;
            long n = 0;
            for (LabelledStructure s : train) { e += s.energy(); n += s.size(); }
            LearningCurve curve = new LearningCurve();
            TrainingContext ctx = new TrainingContext(out.resolve(name.substring(0, 1)), Map.of("Si", e / n), 1, 2, curve, points);
            NnpTrainer trainer = NnpTrainerTest.trainer(options);
            long t0 = System.nanoTime();
            String line = trainer.train(train, validation, ctx);
            report.append(String.format(Locale.ROOT, "%s: %d training structures (%d atoms), reference energy %.4f eV/atom, %.0f s%n",
                    name, train.size(), n, e / n, (System.nanoTime() - t0) * 1e-9));
            models.put(name, PotentialRegistry.load().create(line, null));
            Map<String, Double> atomic = new java.util.LinkedHashMap<>();
            for (InvariantPoint ip : points) atomic.put(ip.name(), trainer.last().atomicEnergy(ip.structure().frame().system, 0));
            lastRows.put(name, atomic);
            writeCurve(curve, out.resolve(name.substring(0, 1) + "-learning_curve.csv"));
        }
        report.append("\n| invariant point | SW E/N (eV) |");
        for (String m : models.keySet()) report.append(" ").append(m).append(" deviation (meV) |");
        report.append("\n|---|---|").append("---|".repeat(models.size())).append("\n");
        for (InvariantPoint ip : points) {
            report.append(String.format(Locale.ROOT, "| %s | %.4f |", ip.name(), ip.atomicEnergy()));
            for (String m : models.keySet()) report.append(String.format(Locale.ROOT, " %.0f |", 1000 * (lastRows.get(m).get(ip.name()) - ip.atomicEnergy())));
            report.append("\n");
        }
        report.append("\n| test set | structures |");
        for (String m : models.keySet()) report.append(" ").append(m).append(" energy MAE (meV/atom) | force MAE (eV/Å) |");
        report.append("\n|---|---|").append("---|---|".repeat(models.size())).append("\n");
        for (Map.Entry<String, List<LabelledStructure>> t : tests.entrySet()) {
            report.append(String.format(Locale.ROOT, "| %s | %d |", t.getKey(), t.getValue().size()));
            for (Potential p : models.values()) {
                double[] m = mae(p, t.getValue());
                report.append(String.format(Locale.ROOT, " %.1f | %.3f |", 1000 * m[0], m[1]));
            }
            report.append("\n");
        }
        System.out.print(report);
        Files.writeString(out.resolve("report.md"), report);
    }

    @SafeVarargs
    private static List<LabelledStructure> concat(List<LabelledStructure>... lists) {
        List<LabelledStructure> out = new ArrayList<>();
        for (List<LabelledStructure> l : lists) out.addAll(l);
        return out;
    }

    /** Energy MAE per atom and force MAE per component. */
    private static double[] mae(Potential p, List<LabelledStructure> data) {
        double e = 0, f = 0;
        long nf = 0;
        for (LabelledStructure s : data) {
            ForceResult r = Consistency.evaluate(p, s.frame().system);
            e += Math.abs(r.energy - s.energy()) / s.size();
            for (int k = 0; k < r.forces.length; k++) f += Math.abs(r.forces[k] - s.forces()[k]);
            nf += r.forces.length;
        }
        return new double[] {e / data.size(), f / nf};
    }

    private static void writeCurve(LearningCurve curve, Path file) throws Exception {
        StringBuilder sb = new StringBuilder(String.join(",", curve.columns())).append('\n');
        for (Map<String, Double> row : curve.rows()) {
            StringBuilder line = new StringBuilder();
            for (String c : curve.columns()) line.append(line.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6g", row.getOrDefault(c, Double.NaN)));
            sb.append(line).append('\n');
        }
        Files.writeString(file, sb);
    }
}
