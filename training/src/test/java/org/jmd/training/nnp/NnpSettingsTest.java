package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.training.LearningCurve;
import org.jmd.training.TrainerProvider;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deck line {@code model nnp ...}: defaults, every option, and errors that name file and line. */
class NnpSettingsTest {
    private static Arguments line(String options) {
        return new Arguments("nnp", Arguments.split(options, "train.deck", 7), "train.deck", 7, Path.of("/data"));
    }

    @Test void foundByNameThroughServiceLoader() {
        boolean found = false;
        for (TrainerProvider p : ServiceLoader.load(TrainerProvider.class)) found |= p.name().equals("nnp") && p instanceof NnpTrainerProvider;
        assertTrue(found, "provider nnp registered in META-INF/services");
    }

    @Test void defaultsAndOptions() {
        Arguments a = line("");
        NnpSettings d = NnpSettings.read(a);
        a.requireAllUsed();
        assertArrayEquals(new int[] {25, 25}, d.hidden());
        assertEquals("t t l", d.activationLetters());
        assertEquals(null, d.symmetryFunctions());

        Arguments b = line("hidden=10,8,6 activation=p symfunctions=sf.nn epochs=7 batch=2 learning_rate=0.01 learning_rate_final=0.001"
                + " force_weight=0.5 invariant_weight=2 patience=0 time_limit=1.5 lbfgs=0 lbfgs_memory=4");
        NnpSettings s = NnpSettings.read(b);
        b.requireAllUsed();
        assertArrayEquals(new int[] {10, 8, 6}, s.hidden());
        assertEquals("p p p l", s.activationLetters());
        assertEquals(Path.of("/data/sf.nn"), s.symmetryFunctions());
        FitSettings f = s.fit();
        assertEquals(new FitSettings(7, 2, 0.01, 0.001, 0.5, 2.0, 0, 90.0, 0, 4), f);
        assertEquals(90.0, f.adamTimeLimit(), 0.0);
        assertEquals(0.01, f.rateAt(0), 1e-15);
        assertEquals(0.001, f.rateAt(6), 1e-15);
        assertEquals(0.01 * Math.pow(0.1, 4 / 6.0), f.rateAt(4), 1e-15);
        FitSettings defaults = d.fit();
        assertEquals(new FitSettings(2500, 4, 1e-3, 1e-5, 0.03, 0.0, 200, 0.0, 0, 10), defaults);
    }

    @Test void lbfgsOptionsAndTheSharedTimeLimit() {
        Arguments a = line("epochs=100 lbfgs=50 learning_rate=0.01 learning_rate_final=0.001 time_limit=2");
        FitSettings f = NnpSettings.read(a).fit();
        a.requireAllUsed();
        assertEquals(50, f.lbfgs());
        assertEquals(10, f.lbfgsMemory());
        // Adam gets epochs / (epochs + 2 lbfgs) of the 120 s; the clock does not change its steps
        assertEquals(60.0, f.adamTimeLimit(), 1e-12);
        assertEquals(0.01 * Math.pow(0.1, 1 / 99.0), f.rateAt(1), 1e-15);
        // L-BFGS alone
        FitSettings alone = NnpSettings.read(line("epochs=0 lbfgs=20 lbfgs_memory=3 time_limit=1")).fit();
        assertEquals(0, alone.epochs());
        assertEquals(3, alone.lbfgsMemory());
        assertEquals(0.0, alone.adamTimeLimit(), 0.0);
        assertEquals(60.0, alone.timeLimit(), 0.0);
    }

    @Test void badValuesNameTheLine() {
        for (String bad : List.of("hidden=25,x", "hidden=0", "activation=l", "activation=q", "epochs=0", "batch=-1",
                "learning_rate=0", "learning_rate=0.001 learning_rate_final=0.01", "force_weight=-1", "patience=-2",
                "time_limit=-1", "invariant_weight=nan", "lbfgs=-1", "lbfgs=2.5", "lbfgs_memory=0", "epochs=0 lbfgs=0",
                "epochs=-1 lbfgs=5")) {
            InputException e = assertThrows(InputException.class, () -> NnpSettings.read(line(bad)), bad);
            assertTrue(e.getMessage().startsWith("train.deck:7: nnp: "), bad + " -> " + e.getMessage());
        }
        InputException lb = assertThrows(InputException.class, () -> NnpSettings.read(line("lbfgs=-3")));
        assertEquals("train.deck:7: nnp: lbfgs= (L-BFGS iterations after the Adam epochs) must be zero (none) or positive, got -3",
                lb.getMessage());
        InputException ep = assertThrows(InputException.class, () -> NnpSettings.read(line("epochs=0")));
        assertTrue(ep.getMessage().contains("0 only with lbfgs= > 0"), ep.getMessage());
        Arguments a = line("hiden=10");
        NnpSettings.read(a);
        InputException e = assertThrows(InputException.class, a::requireAllUsed);
        assertTrue(e.getMessage().contains("unknown option 'hiden'"), e.getMessage());
    }

    @Test void missingReferenceEnergyIsAnError(@TempDir Path dir) {
        var data = SwSilicon.rattled(SwSilicon.potential(), "diamond", 5.431, 1, 2, 0.01, 0.05, 1);
        TrainingContext ctx = new TrainingContext(dir, Map.of("Ge", 0.0), 1, 1, new LearningCurve(), List.of());
        InputException e = assertThrows(InputException.class, () -> NnpTrainerTest.trainer("epochs=1").train(data, List.of(), ctx));
        assertTrue(e.getMessage().contains("no reference energy for Si"), e.getMessage());
    }
}
