package org.jmd.training.plip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: PLIP trained on the mlearn Si training set (10 % held out for choosing α) and
 * tested on the mlearn test set, through the saved model file. Issue 6 asks for energy MAE
 * ≤ 10 meV/atom and force MAE ≤ 0.15 eV/Å. Measured: the default grid 6.0 meV/atom and
 * 0.097 eV/Å; the candidate set of inputs/train/si-plip.deck, chosen for speed (issue 10),
 * 7.0 meV/atom and 0.110 eV/Å.
 */
class SiliconPlipTest {
    @TempDir Path dir;

    @Test void meetsTheAccuracyTargetsOnTheMlearnTestSet() {
        double[] mae = testErrors("model plip");
        assertTrue(mae[0] <= 10, "energy MAE " + mae[0] + " meV/atom");
        assertTrue(mae[1] <= 0.15, "force MAE " + mae[1] + " eV/Å");
    }

    /** The shipped deck's cheaper candidate set must keep the same targets. */
    @Test void theShippedDecksCandidateSetMeetsTheTargetsToo() throws IOException {
        Path deck = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/train/si-plip.deck");
        String model = null;
        for (String line : Files.readAllLines(deck)) {
            String code = line.replaceFirst("#.*", "").strip().replaceAll("\\s+", " ");
            if (code.startsWith("model ")) model = code;
        }
        assertTrue(model != null && model.startsWith("model plip"), "no model plip line in " + deck);
        double[] mae = testErrors(model);
        assertTrue(mae[0] <= 10, model + ": energy MAE " + mae[0] + " meV/atom");
        assertTrue(mae[1] <= 0.15, model + ": force MAE " + mae[1] + " eV/Å");
    }

    /** Trains with the deck line given and returns the test set's energy MAE (meV/atom) and force MAE (eV/Å). */
    private double[] testErrors(String modelLine) {
        Path data = Path.of(System.getProperty("jmd.testdata", "../testdata"), "data", "si-pbe");
        Path trainFile = data.resolve("si_mlearn_training.extxyz"), testFile = data.resolve("si_mlearn_test.extxyz");
        assertTrue(Files.isRegularFile(trainFile) && Files.isRegularFile(testFile),
                "missing reference data " + data.toAbsolutePath() + " (set -Djmd.testdata to the shared directory)");
        List<LabelledStructure> all = load(trainFile), test = load(testFile);
        // reference energy: mean energy per atom of the training set (one element)
        double e = 0;
        int n = 0;
        for (LabelledStructure ls : all) { e += ls.energy(); n += ls.size(); }
        Map<String, Double> ref = Map.of("Si", e / n);
        List<LabelledStructure> train = new ArrayList<>(), valid = new ArrayList<>();
        Random rnd = new Random(1);
        for (LabelledStructure ls : all) (rnd.nextDouble() < 0.1 ? valid : train).add(ls);

        Path out = dir.resolve(Integer.toHexString(modelLine.hashCode()));
        String line = PlipTrainerTest.trainer(modelLine).train(train, valid, new TrainingContext(out, ref, 1, 2, new LearningCurve(), List.of()));
        Potential plip = PotentialRegistry.load().create(line, null);
        double eMae = 0, fMae = 0;
        long nf = 0;
        for (LabelledStructure ls : test) {
            ForceResult r = Consistency.evaluate(plip, ls.frame().system);
            eMae += Math.abs(r.energy - ls.energy()) / ls.size();
            for (int k = 0; k < r.forces.length; k++) { fMae += Math.abs(r.forces[k] - ls.forces()[k]); nf++; }
        }
        return new double[] {1000 * eMae / test.size(), fMae / nf};
    }

    static List<LabelledStructure> load(Path p) {
        List<LabelledStructure> out = new ArrayList<>();
        for (Frame f : StructureIO.readAll(p)) out.add(new LabelledStructure(f, f.info.getOrDefault("config_type", "")));
        return out;
    }
}
