package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;
import org.jmd.training.TrainingContext.InvariantPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on Stillinger–Weber-labelled silicon: the trainer fits a small synthetic set, the
 * n2p2 directory it writes loads through {@code potential nnp} and predicts what the trainer
 * predicted, training is deterministic for a seed (whatever the number of threads), and adding
 * the invariant points to the loss pins the isolated-atom energy.
 */
class NnpTrainerTest {
    static Potential sw;
    static List<LabelledStructure> train, validation, test;
    static double reference;

    @BeforeAll static void data() {
        sw = SwSilicon.potential();
        train = SwSilicon.rattled(sw, "diamond", 5.431, 1, 24, 0.04, 0.12, 1);
        validation = SwSilicon.rattled(sw, "diamond", 5.431, 1, 6, 0.04, 0.12, 2);
        test = SwSilicon.rattled(sw, "diamond", 5.431, 1, 8, 0.03, 0.10, 3);
        double sum = 0;
        for (LabelledStructure s : train) sum += s.energy() / s.size();
        reference = sum / train.size();   // one element: the least-squares reference energy is the mean E/N
    }

    static NnpTrainer trainer(String options) {
        return (NnpTrainer) new NnpTrainerProvider().create(new Arguments("nnp", Arguments.split(options, null, 0), null, 0, null));
    }

    static TrainingContext context(Path dir, long seed, int threads, List<InvariantPoint> points) {
        return new TrainingContext(dir, Map.of("Si", reference), seed, threads, new LearningCurve(), points);
    }

    @Test void fitsSyntheticSiliconAndTheSavedModelPredictsWhatTheTrainerPredicted(@TempDir Path dir) {
        NnpTrainer t = trainer("hidden=12,12 epochs=150 batch=4 learning_rate=0.01 learning_rate_final=0.001 force_weight=0.1");
        TrainingContext ctx = context(dir.resolve("model"), 11, 2, SiliconInvariantPoints.standard(sw));
        String line = t.train(train, validation, ctx);
        assertEquals("nnp " + dir.resolve("model").toAbsolutePath(), line);
        Potential nnp = PotentialRegistry.load().create(line, null);

        double e2 = 0, f2 = 0, base2 = 0, force2 = 0, meanE = 0;
        double worstE = 0, worstF = 0;
        for (LabelledStructure s : test) meanE += s.energy() / s.size() / test.size();
        int components = 0;
        for (LabelledStructure s : test) {
            ForceResult r = Consistency.evaluate(nnp, s.frame().system);
            double[] trainerForces = new double[3 * s.size()];
            double trainerEnergy = t.last().evaluate(s.frame().system, trainerForces);
            worstE = Math.max(worstE, Math.abs(trainerEnergy - r.energy));
            for (int k = 0; k < trainerForces.length; k++) worstF = Math.max(worstF, Math.abs(trainerForces[k] - r.forces[k]));
            double de = (r.energy - s.energy()) / s.size();
            e2 += de * de;
            base2 += Math.pow(s.energy() / s.size() - meanE, 2);
            for (int k = 0; k < r.forces.length; k++) {
                f2 += Math.pow(r.forces[k] - s.forces()[k], 2);
                force2 += s.forces()[k] * s.forces()[k];
            }
            components += r.forces.length;
        }
        double eRmse = Math.sqrt(e2 / test.size()), eSpread = Math.sqrt(base2 / test.size());
        double fRmse = Math.sqrt(f2 / components), fRms = Math.sqrt(force2 / components);
        System.out.printf("synthetic SW Si: test energy RMSE %.2f meV/atom (spread %.2f), force RMSE %.3f eV/Å (RMS force %.3f);"
                + " trainer vs saved potential: %.1e eV, %.1e eV/Å%n", 1000 * eRmse, 1000 * eSpread, fRmse, fRms, worstE, worstF);
        assertTrue(worstE < 1e-9, "saved potential energy differs from the trainer's by " + worstE + " eV");
        assertTrue(worstF < 1e-9, "saved potential forces differ from the trainer's by " + worstF + " eV/Å");
        assertTrue(eRmse < 0.25 * eSpread, "energy RMSE " + eRmse + " vs spread " + eSpread);
        assertTrue(fRmse < 0.25 * fRms, "force RMSE " + fRmse + " vs RMS force " + fRms);
        assertTrue(Consistency.maxForceError(nnp, test.get(0).frame().system, 1e-5) < 1e-6, "saved model forces = −∇E");

        List<Map<String, Double>> rows = ctx.curve().rows();
        assertTrue(rows.size() > 1);
        List<String> cols = ctx.curve().columns();
        for (String c : List.of(LearningCurve.EPOCH, LearningCurve.TRAIN_ENERGY_RMSE, LearningCurve.TRAIN_FORCE_RMSE,
                LearningCurve.VALIDATION_ENERGY_RMSE, LearningCurve.VALIDATION_FORCE_RMSE,
                "ip_isolated_eV_per_atom", "ip_isolated_deviation_meV", "ip_diamond_a5.470_deviation_meV")) {
            assertTrue(cols.contains(c), "learning curve column " + c + " in " + cols);
        }
        // the logged invariant-point energy is the saved potential's atomic energy there
        Map<String, Double> lastRow = rows.get(rows.size() - 1);
        InvariantPoint diamond = ctx.invariantPoints().get(2);
        assertEquals("diamond_a5.470", diamond.name());
        ForceResult r = Consistency.evaluate(nnp, diamond.structure().frame().system);
        double logged = t.last().atomicEnergy(diamond.structure().frame().system, 0);
        assertEquals(r.energy / diamond.structure().size(), logged, 1e-9);
        assertTrue(Double.isFinite(lastRow.get("ip_isolated_deviation_meV")));
    }

    @Test void sameSeedGivesTheSameModelWithOneOrTwoThreads(@TempDir Path dir) throws Exception {
        String options = "hidden=6,6 epochs=4 batch=3 learning_rate=0.01";
        trainer(options).train(train, validation, context(dir.resolve("a"), 5, 2, List.of()));
        trainer(options).train(train, validation, context(dir.resolve("b"), 5, 1, List.of()));
        trainer(options).train(train, validation, context(dir.resolve("c"), 6, 2, List.of()));
        byte[] a = Files.readAllBytes(dir.resolve("a/weights.014.data"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/weights.014.data")), "same seed, 2 threads vs 1");
        assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(dir.resolve("c/weights.014.data"))), "another seed differs");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/scaling.data")), Files.readAllBytes(dir.resolve("b/scaling.data")));
    }

    @Test void invariantPointsInTheLossFixTheIsolatedAtom(@TempDir Path dir) {
        List<InvariantPoint> points = SiliconInvariantPoints.standard(sw);
        String options = "hidden=8,8 epochs=60 batch=4 learning_rate=0.01 learning_rate_final=0.002 patience=0";
        TrainingContext monitored = context(dir.resolve("m"), 3, 2, points);
        trainer(options).train(train, validation, monitored);
        TrainingContext pinned = context(dir.resolve("p"), 3, 2, points);
        trainer(options + " invariant_weight=1").train(train, validation, pinned);
        double free = last(monitored, "ip_isolated_deviation_meV"), fixed = last(pinned, "ip_isolated_deviation_meV");
        double freeRms = last(monitored, "ip_rms_deviation_meV"), fixedRms = last(pinned, "ip_rms_deviation_meV");
        System.out.printf("isolated-atom deviation: monitored only %.0f meV, in the loss %.0f meV; rms over points %.0f vs %.0f meV%n",
                free, fixed, freeRms, fixedRms);
        assertTrue(Math.abs(fixed) < 0.2 * Math.abs(free), "isolated atom: " + fixed + " vs " + free + " meV");
        assertTrue(fixedRms < 0.5 * freeRms, "rms deviation: " + fixedRms + " vs " + freeRms + " meV");
    }

    /** The full-batch training loss of a logged row: (E_rmse)² + w_F (F_rmse)², in eV² units. */
    private static double trainingLoss(Map<String, Double> row, double forceWeight) {
        double e = row.get(LearningCurve.TRAIN_ENERGY_RMSE) / 1000, f = row.get(LearningCurve.TRAIN_FORCE_RMSE);
        return e * e + forceWeight * f * f;
    }

    @Test void lbfgsAfterAdamLowersTheTrainingLossAndContinuesTheEpochCount(@TempDir Path dir) {
        String adam = "hidden=8,8 epochs=20 batch=4 learning_rate=0.01 learning_rate_final=0.002 force_weight=0.1 patience=0";
        TrainingContext alone = context(dir.resolve("adam"), 3, 2, List.of());
        trainer(adam).train(train, validation, alone);
        TrainingContext refined = context(dir.resolve("lbfgs"), 3, 2, List.of());
        trainer(adam + " lbfgs=40").train(train, validation, refined);

        List<Map<String, Double>> a = alone.curve().rows(), r = refined.curve().rows();
        assertEquals(21, a.size());
        assertTrue(r.size() > 21 + 30 && r.size() <= 21 + 40, r.size() + " rows");
        for (int k = 0; k < r.size(); k++) assertEquals(k, r.get(k).get(LearningCurve.EPOCH), 0.0, "epoch column");
        for (int k = 0; k < a.size(); k++) {   // the Adam phase is untouched
            assertEquals(a.get(k).get(LearningCurve.TRAIN_ENERGY_RMSE), r.get(k).get(LearningCurve.TRAIN_ENERGY_RMSE), 0.0);
            assertEquals(a.get(k).get(LearningCurve.VALIDATION_FORCE_RMSE), r.get(k).get(LearningCurve.VALIDATION_FORCE_RMSE), 0.0);
        }
        assertEquals(r.get(0).keySet(), r.get(r.size() - 1).keySet(), "same columns");
        double adamBest = Double.POSITIVE_INFINITY;
        for (Map<String, Double> row : a) adamBest = Math.min(adamBest, trainingLoss(row, 0.1));
        double previous = Double.POSITIVE_INFINITY;
        for (int k = 21; k < r.size(); k++) {
            double loss = trainingLoss(r.get(k), 0.1), step = r.get(k).get("learning_rate");
            assertTrue(loss < previous * (1 + 1e-12), "every L-BFGS iteration lowers the training loss: row " + k);
            assertTrue(step > 0 && Double.isFinite(step), "learning_rate = accepted step length " + step);
            previous = loss;
        }
        System.out.printf("training loss (eV²): Adam 20 epochs best %.4e, last %.4e; after %d L-BFGS iterations %.4e"
                + " (energy RMSE %.2f -> %.2f meV/atom, force RMSE %.4f -> %.4f eV/Å)%n",
                adamBest, trainingLoss(a.get(20), 0.1), r.size() - 21, previous,
                a.get(20).get(LearningCurve.TRAIN_ENERGY_RMSE), r.get(r.size() - 1).get(LearningCurve.TRAIN_ENERGY_RMSE),
                a.get(20).get(LearningCurve.TRAIN_FORCE_RMSE), r.get(r.size() - 1).get(LearningCurve.TRAIN_FORCE_RMSE));
        assertTrue(previous < 0.7 * adamBest, "L-BFGS " + previous + " vs Adam " + adamBest);
    }

    @Test void lbfgsIsDeterministicForASeedWithOneOrTwoThreads(@TempDir Path dir) throws Exception {
        String options = "hidden=6,6 epochs=3 batch=3 learning_rate=0.01 lbfgs=8";
        TrainingContext a = context(dir.resolve("a"), 5, 2, List.of());
        trainer(options).train(train, validation, a);
        trainer(options).train(train, validation, context(dir.resolve("b"), 5, 2, List.of()));
        trainer(options).train(train, validation, context(dir.resolve("c"), 5, 1, List.of()));
        // a time limit that is not reached changes nothing: the steps never depend on the clock
        // (100 minutes; a schedule that followed the clock would already differ in the first step)
        trainer(options + " time_limit=100").train(train, validation, context(dir.resolve("d"), 5, 2, List.of()));
        assertTrue(a.curve().rows().size() > 4, "L-BFGS rows logged");
        byte[] w = Files.readAllBytes(dir.resolve("a/weights.014.data"));
        assertArrayEquals(w, Files.readAllBytes(dir.resolve("b/weights.014.data")), "same seed, same threads");
        assertArrayEquals(w, Files.readAllBytes(dir.resolve("c/weights.014.data")), "same seed, 1 thread");
        assertArrayEquals(w, Files.readAllBytes(dir.resolve("d/weights.014.data")), "same seed, with a time limit it does not reach");
    }

    @Test void lbfgsAloneWithTheInvariantTermAndATimeLimit(@TempDir Path dir) {
        List<InvariantPoint> points = SiliconInvariantPoints.standard(sw);
        TrainingContext c = context(dir.resolve("m"), 2, 2, points);
        trainer("hidden=6,6 epochs=0 lbfgs=15 invariant_weight=1 force_weight=0.1 patience=0").train(train, validation, c);
        List<Map<String, Double>> rows = c.curve().rows();
        assertTrue(rows.size() > 10, rows.size() + " rows");
        assertEquals(rows.size() - 1, rows.get(rows.size() - 1).get(LearningCurve.EPOCH), 0.0);
        assertTrue(Math.abs(rows.get(rows.size() - 1).get("ip_rms_deviation_meV")) < Math.abs(rows.get(0).get("ip_rms_deviation_meV")));
        assertTrue(trainingLoss(rows.get(rows.size() - 1), 0.1) < trainingLoss(rows.get(0), 0.1));

        // a time limit of 0.06 s for 1000 epochs and 1000 iterations ends long before either count
        TrainingContext t = context(dir.resolve("t"), 2, 2, List.of());
        trainer("hidden=6,6 epochs=1000 lbfgs=1000 time_limit=0.001").train(train, validation, t);
        assertTrue(t.curve().rows().size() < 2001, t.curve().rows().size() + " rows");
    }

    private static double last(TrainingContext c, String column) {
        List<Map<String, Double>> rows = c.curve().rows();
        return rows.get(rows.size() - 1).get(column);
    }
}
