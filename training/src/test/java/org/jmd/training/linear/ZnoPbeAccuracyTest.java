package org.jmd.training.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear model with its defaults on ZnO: trained on the crystalline polymorph set, scored on
 * the disordered Zn180O180 cells far outside it (a transferability measurement, no published
 * target). Asserts only what must hold: the fit reproduces its training set to a few meV/atom and
 * the test errors are finite and below bounds that a broken model (e.g. wrong reference energies
 * or units) would exceed by orders of magnitude.
 */
class ZnoPbeAccuracyTest {
    @TempDir Path tmp;

    @Test void polymorphsToDisordered() {
        List<LabelledStructure> train = SharedData.read("zno-pbe", "zno_polymorphs_train.extxyz");
        List<LabelledStructure> test = SharedData.read("zno-pbe", "zno_disordered_test.extxyz");
        LearningCurve curve = new LearningCurve();
        var trainer = new LinearTrainerProvider().create(Arguments.parseLine("linear", "test", 0, null));
        long t0 = System.nanoTime();
        String line = trainer.train(train, List.of(), new TrainingContext(tmp.resolve("model"), SharedData.meanEnergyPerAtom(train), 1, 2, curve, List.of()));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Potential p = PotentialRegistry.load().create(line, null);
        Metrics fit = Metrics.of(p, train), m = Metrics.of(p, test);
        System.out.printf("ZnO linear: trained in %.1f s; training set: %s; disordered test set: %s%n", seconds, fit, m);
        assertTrue(fit.energyMae() < 0.010, "training energy MAE " + fit);
        assertTrue(m.energyMae() < 0.5 && m.forceMae() < 2.0, "test errors " + m);
    }
}
