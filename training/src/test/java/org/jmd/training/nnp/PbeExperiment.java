package org.jmd.training.nnp;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jmd.engine.Arguments;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;

/**
 * Not a unit test: the measurements of issue 6 item 8 for the NNP, run by hand (minutes, both
 * cores). Trains on TRAIN (10 % held out for early stopping, by seed), saves the model, reloads
 * it through {@code potential nnp} and reports energy and force MAE/RMSE on TEST, overall and per
 * config_type. Reference energies: least squares on the element counts (minimum norm when the
 * counts are collinear, as for stoichiometric ZnO).
 *
 * <pre>java -cp ... org.jmd.training.nnp.PbeExperiment TRAIN TEST OUTDIR "model options"</pre>
 */
public final class PbeExperiment {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("eval")) {   // eval MODEL_DIR DATA: errors of a saved model, overall and per config_type
            Potential p = PotentialRegistry.load().create("nnp " + args[1], null);
            List<LabelledStructure> data = read(Path.of(args[2]));
            System.out.print(errors("all", p, data));
            Map<String, List<LabelledStructure>> byType = new java.util.TreeMap<>();
            for (LabelledStructure s : data) byType.computeIfAbsent(s.configType() + " " + s.size(), k -> new ArrayList<>()).add(s);
            for (var e : byType.entrySet()) System.out.print(errors(e.getKey() + " (" + e.getValue().size() + ")", p, e.getValue()));
            return;
        }
        Path out = Path.of(args[2]);
        String options = args.length > 3 ? args[3] : "";
        Files.createDirectories(out);
        List<LabelledStructure> all = read(Path.of(args[0]));
        List<LabelledStructure> test = read(Path.of(args[1]));
        List<LabelledStructure> train = new ArrayList<>(), validation = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(2024);
        for (LabelledStructure s : all) (rng.nextDouble() < 0.1 ? validation : train).add(s);
        Map<String, Double> ref = referenceEnergies(train);

        PrintStream log = new PrintStream(Files.newOutputStream(out.resolve("learning_curve.csv")), true);
        LearningCurve curve = new LearningCurve();
        boolean[] header = {false};
        long t0 = System.nanoTime();
        curve.addListener(row -> {
            if (!header[0]) { log.println(String.join(",", row.keySet())); header[0] = true; }
            StringBuilder sb = new StringBuilder();
            for (double v : row.values()) sb.append(sb.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6g", v));
            log.println(sb);
            int epoch = row.get(LearningCurve.EPOCH).intValue();
            if (epoch % 10 == 0) {
                System.out.printf(Locale.ROOT, "epoch %4d  train E %.2f meV/atom F %.4f eV/A | validation E %.2f F %.4f | %.0f s%n", epoch,
                        row.get("train_energy_mae_meV_per_atom"), row.get("train_force_mae_eV_per_A"),
                        row.get("validation_energy_mae_meV_per_atom"), row.get("validation_force_mae_eV_per_A"), row.get("seconds"));
            }
        });
        NnpTrainer trainer = (NnpTrainer) new NnpTrainerProvider().create(new Arguments("nnp", Arguments.split(options, null, 0), null, 0, null));
        TrainingContext ctx = new TrainingContext(out.resolve("model"), ref, 1, 2, curve, List.of());
        String line = trainer.train(train, validation, ctx);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Potential nnp = PotentialRegistry.load().create(line, null);
        String report = String.format(Locale.ROOT, "options: %s%ntraining %d structures, validation %d, test %d; wall time %.0f s (descriptors + training, 2 threads)%n",
                options, train.size(), validation.size(), test.size(), seconds)
                + "reference energies " + ref + "\n"
                + errors("train", nnp, train) + errors("validation", nnp, validation) + errors("test", nnp, test);
        Map<String, List<LabelledStructure>> byType = new java.util.TreeMap<>();
        for (LabelledStructure s : test) byType.computeIfAbsent(s.configType(), k -> new ArrayList<>()).add(s);
        if (byType.size() > 1) for (var e : byType.entrySet()) report += errors("  " + e.getKey(), nnp, e.getValue());
        System.out.print(report);
        Files.writeString(out.resolve("report.txt"), report);
    }

    static String errors(String name, Potential p, List<LabelledStructure> data) {
        double e1 = 0, e2 = 0, f1 = 0, f2 = 0;
        long nf = 0;
        for (LabelledStructure s : data) {
            ForceResult r = Consistency.evaluate(p, s.frame().system);
            double de = (r.energy - s.energy()) / s.size();
            e1 += Math.abs(de);
            e2 += de * de;
            for (int k = 0; k < r.forces.length; k++) {
                double d = r.forces[k] - s.forces()[k];
                f1 += Math.abs(d);
                f2 += d * d;
            }
            nf += r.forces.length;
        }
        int m = data.size();
        return String.format(Locale.ROOT, "%-10s energy MAE %.2f meV/atom RMSE %.2f | force MAE %.4f eV/A RMSE %.4f%n", name,
                1000 * e1 / m, 1000 * Math.sqrt(e2 / m), f1 / nf, Math.sqrt(f2 / nf));
    }

    /** argmin Σ_s (Σ_e n_se E_e − E_s)², minimum-norm (pseudo-inverse) when the counts are collinear. */
    static Map<String, Double> referenceEnergies(List<LabelledStructure> data) {
        List<String> elements = new ArrayList<>(new java.util.TreeSet<>(
                data.stream().flatMap(s -> java.util.Arrays.stream(s.frame().system.symbols())).toList()));
        double[][] a = new double[data.size()][elements.size()];
        double[] b = new double[data.size()];
        for (int k = 0; k < data.size(); k++) {
            for (String sym : data.get(k).frame().system.symbols()) a[k][elements.indexOf(sym)]++;
            b[k] = data.get(k).energy();
        }
        org.apache.commons.math3.linear.RealMatrix m = new org.apache.commons.math3.linear.Array2DRowRealMatrix(a);
        double[] x = new org.apache.commons.math3.linear.SingularValueDecomposition(m).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int e = 0; e < x.length; e++) out.put(elements.get(e), x[e]);
        return out;
    }

    static List<LabelledStructure> read(Path file) {
        List<LabelledStructure> out = new ArrayList<>();
        for (Frame f : StructureIO.readAll(file)) out.add(new LabelledStructure(f, f.info.getOrDefault("config_type", "")));
        return out;
    }
}
