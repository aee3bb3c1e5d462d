package org.jmd.training.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear model with its defaults on the mlearn Si split (Zuo et al. 2020): trained on
 * si_mlearn_training.extxyz, the saved model loaded with {@code potential linear} and scored on
 * si_mlearn_test.extxyz. Targets of issue 6: energy MAE ≤ 10 meV/atom, force MAE ≤ 0.15 eV/Å.
 */
class SiPbeAccuracyTest {
    @TempDir Path tmp;

    @Test void meetsTheSiTargets() {
        List<LabelledStructure> train = SharedData.read("si-pbe", "si_mlearn_training.extxyz");
        List<LabelledStructure> test = SharedData.read("si-pbe", "si_mlearn_test.extxyz");
        LearningCurve curve = new LearningCurve();
        var trainer = new LinearTrainerProvider().create(org.jmd.engine.Arguments.parseLine("linear", "test", 0, null));
        long t0 = System.nanoTime();
        String line = trainer.train(train, List.of(), new TrainingContext(tmp.resolve("model"), SharedData.meanEnergyPerAtom(train), 1, 2, curve, List.of()));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        Potential p = PotentialRegistry.load().create(line, null);
        Metrics m = Metrics.of(p, test);
        System.out.printf("Si linear: trained in %.1f s (%s); test set: %s%n", seconds, curve.rows().get(0), m);
        assertTrue(m.energyMae() <= 0.010, "energy MAE " + m);
        assertTrue(m.forceMae() <= 0.15, "force MAE " + m);
    }
}
