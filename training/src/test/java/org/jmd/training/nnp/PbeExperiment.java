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
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.training.ErrorMetrics;
import org.jmd.training.Evaluator;
import org.jmd.training.LabelledData;
import org.jmd.training.LabelledStructure;
import org.jmd.training.ReferenceEnergies;
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
        Map<String, Double> ref = ReferenceEnergies.fit(train).energies();

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
        ErrorMetrics.Errors e = ErrorMetrics.of(data, Evaluator.predict(p, data, 1)).overall();
        return String.format(Locale.ROOT, "%-10s energy MAE %.2f meV/atom RMSE %.2f | force MAE %.4f eV/A RMSE %.4f%n", name,
                e.energyMae(), e.energyRmse(), e.forceMae(), e.forceRmse());
    }

    static List<LabelledStructure> read(Path file) {
        return LabelledData.read(file, null);
    }
}
