package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainingCheckpoint;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training killed at any moment goes on from its last saved state — after an Adam epoch or an
 * L-BFGS iteration, or after it finished — to the weights of the training never stopped, bit for
 * bit, and with the same learning curve (its wall-clock column aside), on any number of threads.
 */
class NnpResumeTest {
    static final String OPTIONS = "hidden=6 epochs=10 batch=4 learning_rate=0.01 learning_rate_final=0.002 force_weight=0.1 lbfgs=6";
    static List<LabelledStructure> train, validation;
    static double reference;

    @BeforeAll static void data() {
        Potential sw = SwSilicon.potential();
        train = SwSilicon.rattled(sw, "diamond", 5.431, 1, 16, 0.04, 0.12, 1);
        validation = SwSilicon.rattled(sw, "diamond", 5.431, 1, 4, 0.04, 0.12, 2);
        double sum = 0;
        for (LabelledStructure s : train) sum += s.energy() / s.size();
        reference = sum / train.size();
    }

    /** Keeps every state a training saves; hands back the one it was made with. */
    static final class Recorder implements TrainingCheckpoint {
        final List<byte[]> saved = new ArrayList<>();
        private final byte[] from;

        Recorder(byte[] from) { this.from = from; }

        @Override public byte[] load() { return from; }

        @Override public void save(byte[] state) { saved.add(state.clone()); }
    }

    record Trained(double[] parameters, List<Map<String, Double>> curve) {}

    static Trained train(String options, Path dir, int threads, Recorder checkpoint) {
        NnpTrainer t = NnpTrainerTest.trainer(options);
        LearningCurve curve = new LearningCurve();
        t.train(train, validation, new TrainingContext(dir, Map.of("Si", reference), 5, threads, curve, List.of(), checkpoint));
        List<Map<String, Double>> rows = new ArrayList<>();
        for (Map<String, Double> row : curve.rows()) {
            Map<String, Double> r = new LinkedHashMap<>(row);
            r.remove("seconds"); // the clock is not part of the result
            rows.add(r);
        }
        return new Trained(t.last().parameters(), rows);
    }

    @Test void resumedFromItsSavedStatesTheTrainingEndsWithTheSameWeights(@TempDir Path dir) {
        Recorder straight = new Recorder(null);
        Trained expected = train(OPTIONS, dir.resolve("straight"), 2, straight);
        // 10 Adam epochs, up to 6 L-BFGS iterations, and the finished state
        assertTrue(straight.saved.size() >= 12, "states saved: " + straight.saved.size());
        assertEquals(expected.curve.size(), straight.saved.size(), "one state per logged epoch or iteration (row 0 aside), and the end");
        // after the first, a middle and the last Adam epoch, the first and a later L-BFGS iteration, and the end
        int n = straight.saved.size();
        for (int k : new int[] {0, 4, 9, 10, 12, n - 1}) {
            Recorder resumed = new Recorder(straight.saved.get(k));
            Trained got = train(OPTIONS, dir.resolve("resumed-" + k), k % 2 == 0 ? 1 : 3, resumed);
            assertArrayEquals(expected.parameters, got.parameters, "resumed from saved state " + (k + 1));
            assertEquals(expected.curve, got.curve, "learning curve resumed from saved state " + (k + 1));
            assertEquals(straight.saved.size() - k - 1, resumed.saved.size(), "it goes on saving the states that followed");
        }
    }

    @Test void aStateOfAnotherNetworkIsRefused(@TempDir Path dir) {
        Recorder straight = new Recorder(null);
        train(OPTIONS.replace("epochs=10", "epochs=2").replace("lbfgs=6", "lbfgs=0"), dir.resolve("a"), 1, straight);
        InputException e = assertThrows(InputException.class,
                () -> train(OPTIONS.replace("hidden=6", "hidden=7"), dir.resolve("b"), 1, new Recorder(straight.saved.get(0))));
        assertTrue(e.getMessage().contains("does not fit this model"), e.getMessage());
    }
}
