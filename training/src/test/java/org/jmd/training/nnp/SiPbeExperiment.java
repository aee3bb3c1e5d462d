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
 * Not a unit test: the measurement of issue 6 item 8 for the NNP, run by hand (minutes, both
 * cores). Trains on si_mlearn_training.extxyz (10 % held out for early stopping, by seed), saves
 * the model, reloads it through {@code potential nnp} and reports energy and force MAE/RMSE on
 * si_mlearn_test.extxyz.
 *
 * <pre>java -cp ... org.jmd.training.nnp.SiPbeExperiment SHARED OUTDIR "model options"</pre>
 */
public final class SiPbeExperiment {
    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args[0]), out = Path.of(args[1]);
        String options = args.length > 2 ? args[2] : "";
        Files.createDirectories(out);
        List<LabelledStructure> all = read(shared.resolve("data/si-pbe/si_mlearn_training.extxyz"));
        List<LabelledStructure> test = read(shared.resolve("data/si-pbe/si_mlearn_test.extxyz"));
        List<LabelledStructure> train = new ArrayList<>(), validation = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(2024);
        for (LabelledStructure s : all) (rng.nextDouble() < 0.1 ? validation : train).add(s);
        double ref = 0;
        long n = 0;
        for (LabelledStructure s : train) { ref += s.energy(); n += s.size(); }
        ref /= n;   // one element: least-squares reference energy = total energy / total atoms

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
        TrainingContext ctx = new TrainingContext(out.resolve("model"), Map.of("Si", ref), 1, 2, curve, List.of());
        String line = trainer.train(train, validation, ctx);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Potential nnp = PotentialRegistry.load().create(line, null);
        String report = String.format(Locale.ROOT, "options: %s%ntraining %d structures, validation %d, test %d; wall time %.0f s (descriptors + training, 2 threads)%n",
                options, train.size(), validation.size(), test.size(), seconds)
                + errors("train", nnp, train) + errors("validation", nnp, validation) + errors("test", nnp, test);
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

    static List<LabelledStructure> read(Path file) {
        List<LabelledStructure> out = new ArrayList<>();
        for (Frame f : StructureIO.readAll(file)) out.add(new LabelledStructure(f, f.info.getOrDefault("config_type", "")));
        return out;
    }
}
