package org.jmd.training.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainerProvider;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear trainer on synthetic data whose truth is a known linear model (written as an n2p2
 * directory with N2p2Writer and evaluated by {@code potential nnp}, not by trainer code):
 * recovery of the weights, the saved model against the trainer's own predictions, finite-difference
 * consistency of the loaded model, the learning curve, determinism and option errors.
 */
class LinearTrainerTest {
    @TempDir Path tmp;

    /** A small H–O set: radial and angular functions of both kinds, cutoff 4 Å. */
    static final List<String> FUNCTIONS = List.of(
            "H 2 H 0.5 0.0 4.0", "H 2 O 0.8 1.0 4.0", "H 2 O 0.2 0.0 4.0", "O 2 H 0.3 0.9 4.0", "O 2 O 1.0 0.0 4.0",
            "O 2 O 0.1 2.0 4.0", "H 3 O H 0.1 1.0 2.0 4.0", "H 9 O O 0.05 -1.0 1.0 4.0", "O 3 H H 0.05 1.0 4.0 4.0",
            "O 9 H O 0.1 -1.0 2.0 4.0");
    static final Map<String, Double> REFERENCE = Map.of("H", -13.6, "O", -430.0);

    private Path functionFile() throws Exception {
        Path f = tmp.resolve("sf.nn");
        List<String> lines = new ArrayList<>(List.of("# test functions", "cutoff_type 6 0.0"));
        for (String s : FUNCTIONS) lines.add("symfunction_short " + s);
        Files.write(f, lines);
        return f;
    }

    /** The true model: raw weights and biases per element (H, O), written with no scaling. */
    private Path truth(double[][] w, double[] b) {
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of("H", "O"), "6 0.0", FUNCTIONS);
        N2p2Writer writer = new N2p2Writer(bp).scaling(Scaling.NONE, 0, 1).network(new int[] {1}, "l l");
        String[] el = bp.elements();
        for (int e = 0; e < 2; e++) {
            int n = bp.size(e);
            double[] one = new double[n];
            writer.statistics(el[e], one, one, one, one).weights(el[e], new double[][] {w[e], {1.0}}, new double[][] {{0.0}, {b[e]}})
                  .atomEnergy(el[e], REFERENCE.get(el[e]));
        }
        Path dir = tmp.resolve("truth");
        writer.write(dir);
        return dir;
    }

    /** Random H–O cells of 5–9 atoms (varying composition), labelled by a potential. */
    static List<LabelledStructure> label(Potential p, int count, long seed) {
        List<LabelledStructure> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 5 + k % 5, 9.0, 0.9, seed + k);
            ForceResult r = Consistency.evaluate(p, s);
            Frame f = new Frame(s);
            f.energy = r.energy;
            f.forces = r.forces.clone();
            out.add(new LabelledStructure(f, k % 2 == 0 ? "even" : "odd"));
        }
        return out;
    }

    private TrainingContext context(String name, int threads, LearningCurve curve) {
        return new TrainingContext(tmp.resolve(name), REFERENCE, 7, threads, curve, List.of());
    }

    private LinearTrainer trainer(String options) {
        return (LinearTrainer) new LinearTrainerProvider().create(Arguments.parseLine("linear " + options, "deck", 3, tmp));
    }

    @Test void recoversAKnownLinearModel() throws Exception {
        Random rnd = new Random(42);
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of("H", "O"), "6 0.0", FUNCTIONS);
        double[][] w = new double[2][];
        for (int e = 0; e < 2; e++) {
            w[e] = new double[bp.size(e)];
            for (int k = 0; k < w[e].length; k++) w[e][k] = rnd.nextGaussian();
        }
        double[] b = {0.37, -1.21};
        Potential truth = PotentialRegistry.load().create("nnp \"" + truth(w, b) + "\"", null);
        List<LabelledStructure> data = label(truth, 30, 100);
        LinearTrainer t = trainer("symfunctions=sf.nn ridge=0");
        functionFile();
        t.train(data, List.of(), context("fit", 2, new LearningCurve()));
        LinearModel m = t.model();
        double worst = 0;
        for (String el : new String[] {"H", "O"}) {
            int e = bp.elementIndex(el);
            double[] fitted = m.weights(el);
            assertEquals(w[e].length, fitted.length, "every function kept");
            for (int k = 0; k < fitted.length; k++) worst = Math.max(worst, Math.abs(fitted[k] - w[e][k]));
            worst = Math.max(worst, Math.abs(m.bias(el) - b[e]));
        }
        System.out.printf("synthetic recovery: worst |w_fit − w_true| over weights and biases = %.2e%n", worst);
        assertTrue(worst < 1e-8, "weights recovered to " + worst);
    }

    @Test void savedModelEqualsTrainersPredictionAndIsConsistent() throws Exception {
        Potential truth = PotentialRegistry.load().create("nnp \"" + truth(new double[][] {
            {0.3, -0.2, 0.5, 0.1, -0.4}, {0.2, 0.6, -0.3, 0.4, 0.1}}, new double[] {0.1, -0.2}) + "\"", null);
        // labels with noise, so the fit is not exact and the comparison is not trivial
        List<LabelledStructure> data = label(truth, 20, 7);
        Random rnd = new Random(3);
        for (LabelledStructure s : data) {
            s.frame().energy = s.energy() + 0.01 * s.size() * rnd.nextGaussian();
            for (int k = 0; k < s.forces().length; k++) s.forces()[k] += 0.05 * rnd.nextGaussian();
        }
        functionFile();
        LinearTrainer t = trainer("symfunctions=sf.nn");
        String line = t.train(data.subList(0, 15), data.subList(15, 20), context("model", 2, new LearningCurve()));
        assertTrue(line.startsWith("linear "), line);
        Potential nnp = PotentialRegistry.load().create("nnp \"" + tmp.resolve("model") + "\"", null);
        Potential linear = PotentialRegistry.load().create(line, null);
        double worstE = 0, worstF = 0;
        for (long seed = 1; seed <= 3; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 7, 9.0, 0.9, 500 + seed);
            double[] own = new double[3 * s.size()];
            double e = t.model().energy(s, own);
            for (Potential p : new Potential[] {nnp, linear}) {
                ForceResult r = Consistency.evaluate(p, s);
                worstE = Math.max(worstE, Math.abs(r.energy - e) / Math.abs(e));
                for (int k = 0; k < own.length; k++) worstF = Math.max(worstF, Math.abs(r.forces[k] - own[k]));
            }
        }
        System.out.printf("saved model vs trainer: energy rel %.1e, force %.1e eV/Å%n", worstE, worstF);
        assertTrue(worstE < 1e-12, "energy " + worstE);
        assertTrue(worstF < 1e-10, "forces " + worstF);

        AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 9, 9.0, 0.9, 77);
        double force = Consistency.maxForceError(linear, s, 1e-5);
        double virial = Consistency.maxVirialError(linear, s, 1e-6);
        double sum = Consistency.atomEnergySumError(linear, s);
        double inv = Consistency.maxInvarianceError(linear, s, 5);
        double sup = Consistency.supercellError(linear, s);
        double scale = Math.abs(Consistency.energy(linear, s));
        System.out.printf("loaded linear model: force FD %.1e eV/Å, virial FD %.1e eV, sum(e_i) %.1e, invariance %.1e, supercell %.1e (|E| %.1f eV)%n",
                force, virial, sum, inv, sup, scale);
        assertTrue(force < 1e-7, "force FD " + force);
        assertTrue(virial < 1e-6, "virial FD " + virial);
        assertTrue(sum < 1e-10 * scale && inv < 1e-10 * scale && sup < 1e-10 * scale, "sum/invariance/supercell");
    }

    @Test void learningCurveRmseMatchesEvaluationOfTheSavedModel() throws Exception {
        Potential truth = PotentialRegistry.load().create("nnp \"" + truth(new double[][] {
            {0.3, -0.2, 0.5, 0.1, -0.4}, {0.2, 0.6, -0.3, 0.4, 0.1}}, new double[] {0.1, -0.2}) + "\"", null);
        List<LabelledStructure> data = label(truth, 24, 11);
        Random rnd = new Random(5);
        for (LabelledStructure s : data) {
            s.frame().energy = s.energy() + 0.02 * s.size() * rnd.nextGaussian();
            for (int k = 0; k < s.forces().length; k++) s.forces()[k] += 0.1 * rnd.nextGaussian();
        }
        functionFile();
        LearningCurve curve = new LearningCurve();
        String line = trainer("symfunctions=sf.nn energy_weight=10").train(data.subList(0, 16), data.subList(16, 24), context("lc", 2, curve));
        Potential p = PotentialRegistry.load().create(line, null);
        Metrics train = Metrics.of(p, data.subList(0, 16)), val = Metrics.of(p, data.subList(16, 24));
        Map<String, Double> row = curve.rows().get(0);
        System.out.println("learning curve " + row + "\n  evaluated: train " + train + "; validation " + val);
        assertEquals(1000 * train.energyRmse(), row.get(LearningCurve.TRAIN_ENERGY_RMSE), 1e-6 * 1000 * train.energyRmse());
        assertEquals(train.forceRmse(), row.get(LearningCurve.TRAIN_FORCE_RMSE), 1e-6 * train.forceRmse());
        assertEquals(1000 * val.energyRmse(), row.get(LearningCurve.VALIDATION_ENERGY_RMSE), 1e-6 * 1000 * val.energyRmse());
        assertEquals(val.forceRmse(), row.get(LearningCurve.VALIDATION_FORCE_RMSE), 1e-6 * val.forceRmse());
    }

    @Test void sameBitsOnOneTwoAndThreeThreads() throws Exception {
        Potential truth = PotentialRegistry.load().create("nnp \"" + truth(new double[][] {
            {0.3, -0.2, 0.5, 0.1, -0.4}, {0.2, 0.6, -0.3, 0.4, 0.1}}, new double[] {0.1, -0.2}) + "\"", null);
        List<LabelledStructure> data = label(truth, 12, 21);
        for (LabelledStructure s : data) s.frame().energy = s.energy() + 0.05 * s.size();
        functionFile();
        List<LabelledStructure> validation = data.subList(9, 12), training = data.subList(0, 9);
        LinearTrainer a = trainer("symfunctions=sf.nn"), b = trainer("symfunctions=sf.nn"), c = trainer("symfunctions=sf.nn");
        LearningCurve ca = new LearningCurve(), cb = new LearningCurve(), cc = new LearningCurve();
        a.train(training, validation, context("a", 1, ca));
        b.train(training, validation, context("b", 2, cb));
        c.train(training, validation, context("c", 3, cc));
        for (String el : new String[] {"H", "O"}) {
            assertArrayEquals(a.model().weights(el), b.model().weights(el), "1 vs 2 threads");
            assertArrayEquals(a.model().weights(el), c.model().weights(el), "1 vs 3 threads");
        }
        for (String name : new String[] {LearningCurve.TRAIN_FORCE_RMSE, LearningCurve.VALIDATION_ENERGY_RMSE}) {
            assertEquals(ca.rows().get(0).get(name), cb.rows().get(0).get(name), 0.0, name);
            assertEquals(ca.rows().get(0).get(name), cc.rows().get(0).get(name), 0.0, name);
        }
        for (String file : new String[] {"weights.001.data", "weights.008.data", "scaling.data"}) {
            assertEquals(Files.readString(tmp.resolve("a/" + file)), Files.readString(tmp.resolve("c/" + file)), file);
        }
    }

    @Test void registeredByName() {
        assertTrue(ServiceLoader.load(TrainerProvider.class).stream().anyMatch(p -> p.get().name().equals("linear")), "model linear");
        assertTrue(PotentialRegistry.load().providers().containsKey("linear"), "potential linear");
    }

    @Test void optionErrorsNameTheLine() throws Exception {
        for (String bad : new String[] {"ridge=-1", "energy_weight=x", "energy_weight=0 force_weight=0", "extra", "force_weight=inf"}) {
            InputException e = assertThrows(InputException.class, () -> trainer(bad), bad);
            assertEquals("deck", e.source(), bad);
            assertEquals(3, e.line(), bad);
        }
        Arguments unknown = Arguments.parseLine("linear ridge=1e-3 lambda=2", "deck", 4, tmp);
        new LinearTrainerProvider().create(unknown);
        InputException e = assertThrows(InputException.class, unknown::requireAllUsed);
        assertTrue(e.getMessage().contains("unknown option 'lambda'"), e.getMessage());

        List<LabelledStructure> data = label(PotentialRegistry.load().create("lj epsilon=0.01 sigma=1.0 cutoff=3.0", null), 3, 1);
        e = assertThrows(InputException.class, () -> trainer("symfunctions=missing.nn").train(data, List.of(), context("m", 1, new LearningCurve())));
        assertTrue(e.getMessage().contains("missing.nn") && e.getMessage().contains("no such file"), e.getMessage());
        Files.write(tmp.resolve("bad.nn"), List.of("cutoff_type 6 0.0", "symfunction_short H 2 H 0.5 0.0", "symfunction_short O 2 O 0.5 0.0 4.0"));
        e = assertThrows(InputException.class, () -> trainer("symfunctions=bad.nn").train(data, List.of(), context("m", 1, new LearningCurve())));
        assertEquals(tmp.resolve("bad.nn").toString(), e.source());
        assertEquals(2, e.line());
        e = assertThrows(InputException.class, () -> trainer("").train(List.of(), List.of(), context("m", 1, new LearningCurve())));
        assertTrue(e.getMessage().contains("no training structures"), e.getMessage());
    }
}
