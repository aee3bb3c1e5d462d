package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.potentials.committee.CommitteePotential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} from a deck with the toy trainer: the files it must write and what they hold. */
class TrainEndToEndTest {
    @TempDir static Path dir;

    @BeforeAll static void data() {
        SyntheticData.write(dir.resolve("si.extxyz"), SyntheticData.frames(24, new String[] {"Si"}, 100));
        // the same structures with an energy offset of −4 eV per atom, as DFT totals have
        List<Frame> shifted = SyntheticData.frames(24, new String[] {"Si"}, 100);
        for (Frame f : shifted) f.energy += -4.0 * f.system.size();
        SyntheticData.write(dir.resolve("si-shifted.extxyz"), shifted);
    }

    private static TrainingRun.Result train(String deck, Path out) {
        StringWriter log = new StringWriter();
        TrainDeck d = new TrainDeck(new PrintWriter(log, true), out);
        d.variables().defineFromCommandLine("data", "si.extxyz");
        return d.run(deck, "e2e.deck", dir);
    }

    private static void assertPng(Path png) throws IOException {
        assertTrue(Files.size(png) > 1000, png + " is nearly empty");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode as an image");
        assertTrue(img.getWidth() >= 600 && img.getHeight() >= 600);
    }

    /** Data labelled with LJ at ε = 0.0125, model LJ with σ and rc right: 40 halvings recover ε to round-off. */
    @Test void recoversTheLabellingParameterAndWritesEveryFile() throws IOException {
        Path out = dir.resolve("single");
        TrainingRun.Result r = train("""
                variable data nothere.extxyz   # overridden from the "command line"
                read ${data}
                split config_type=liquid
                reference_energies Si=0
                model toy sigma=2.0 cutoff=5.0 epochs=40
                train seed=3 threads=2
                """, out);
        String line = Files.readString(out.resolve("POTENTIAL")).strip();
        assertEquals(r.potentialLine(), line);
        assertTrue(line.startsWith("toy " + out.resolve("model")), line);
        String model = Files.readString(out.resolve("model/toy.model"));
        double eps = Double.parseDouble(model.lines().filter(l -> l.startsWith("epsilon")).findFirst().orElseThrow().split(" ")[1]);
        assertEquals(SyntheticData.EPSILON, eps, 1e-12 * SyntheticData.EPSILON);
        assertTrue(r.validation().overall().energyRmse() < 1e-6, "validation energy RMSE " + r.validation().overall().energyRmse());
        assertTrue(r.validation().overall().forceRmse() < 1e-9);
        assertEquals(Set.of("liquid"), r.validation().byConfigType().keySet());
        assertEquals(8, r.validation().overall().structures());
        assertEquals(16, r.training().overall().structures());

        List<String> curve = Files.readAllLines(out.resolve("learning_curve.csv"));
        assertEquals(41, curve.size());
        assertEquals("epoch,train_energy_rmse_meV_per_atom,train_force_rmse_eV_per_A,validation_energy_rmse_meV_per_atom,"
                + "validation_force_rmse_eV_per_A", curve.get(0));
        assertTrue(curve.get(1).startsWith("1,") && curve.get(40).startsWith("40,"));

        List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
        assertEquals(PredictionsCsv.HEADER, predictions.get(0));
        long atoms = LabelledData.atoms(LabelledData.read(dir.resolve("si.extxyz"), null));
        assertEquals(1 + 24 + 3 * atoms, predictions.size());

        String json = Files.readString(out.resolve("report.json"));
        for (String key : List.of("\"potential\"", "\"data\"", "\"reference_energies\"", "\"errors\"", "\"training\"", "\"validation\"",
                "\"timings_s\"", "\"energy_mae\"", "\"by_config_type\"")) assertTrue(json.contains(key), key + " missing in report.json");
        assertTrue(json.contains("\"source\": \"given\""));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| validation | liquid | 8 |"), md);
        for (String png : List.of("learning_curve.png", "parity_energy.png", "parity_forces.png")) assertPng(out.resolve(png));

        // the POTENTIAL line loads and predicts what the labelling potential gives
        Potential p = PotentialRegistry.load().create(line, Path.of(""));
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 9, 14.0, 2.1, 77);
        ForceResult got = Consistency.evaluate(p, s);
        ForceResult want = Consistency.evaluate(PotentialRegistry.load().create(SyntheticData.ljLine(), Path.of("")), s);
        assertEquals(want.energy, got.energy, 1e-10);
    }

    /**
     * Labels carrying −4 eV/atom: fitted reference energies absorb the offset (≈ −4 plus the mean
     * LJ energy per atom) and the saved model includes them, so the errors against the raw totals
     * stay far below the 4000 meV/atom offset.
     */
    @Test void fittedReferenceEnergiesAreInTheSavedModel() throws IOException {
        Path out = dir.resolve("fitted");
        TrainingRun.Result r = train("read si-shifted.extxyz\nsplit fraction=0.25 seed=9\nmodel toy epochs=20\ntrain\n", out);
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"source\": \"fit\""));
        String model = Files.readString(out.resolve("model/toy.model"));
        double e = Double.parseDouble(model.lines().filter(l -> l.startsWith("reference Si")).findFirst().orElseThrow().split(" ")[2]);
        assertTrue(Math.abs(e + 4.0) < 0.5, "reference energy " + e);
        assertTrue(r.validation().overall().energyMae() < 200, "validation energy MAE " + r.validation().overall().energyMae());
        assertEquals(6, r.validation().overall().structures());
    }

    /** committee=3: members with their own seeds and bootstrap samples, a committee POTENTIAL, the mean of the members. */
    @Test void committeeOfThree() throws IOException {
        Path out = dir.resolve("committee");
        TrainingRun.Result r = train("read ${data}\nsplit fraction=0.25 seed=1\nreference_energies Si=0\nmodel toy epochs=2\ntrain committee=3 seed=10\n", out);
        assertEquals("committee " + out, r.potentialLine());
        assertEquals(r.potentialLine(), Files.readString(out.resolve("POTENTIAL")).strip());
        PotentialRegistry registry = PotentialRegistry.load();
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 9, 14.0, 2.1, 78);
        double mean = 0;
        for (int k = 1; k <= 3; k++) {
            Path m = out.resolve("member-" + k);
            assertTrue(Files.isRegularFile(m.resolve("learning_curve.csv")));
            assertTrue(Files.isRegularFile(m.resolve("model/toy.model")));
            mean += Consistency.evaluate(registry.create(Files.readString(m.resolve("POTENTIAL")).strip(), m), s).energy / 3;
        }
        CommitteePotential c = (CommitteePotential) registry.create(r.potentialLine(), Path.of(""));
        assertEquals(mean, Consistency.evaluate(c, s).energy, 1e-12 * Math.abs(mean));
        ForceCalculator calculator = new ForceCalculator(c, 0.0);
        calculator.compute(s, new ForceResult());
        assertTrue(((Uncertainty) calculator.workspace()).maxForceSpread() > 0, "members trained from different seeds should differ after 2 epochs");
        List<String> curve = Files.readAllLines(out.resolve("learning_curve.csv"));
        assertTrue(curve.get(0).startsWith("member,epoch,"));
        assertEquals(1 + 3 * 2, curve.size());
        assertPng(out.resolve("learning_curve.png"));
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"committee\": 3"));

        // a re-run replaces the previous output (marked as ours); a foreign non-empty directory is refused
        train("read ${data}\nreference_energies Si=0\nmodel toy epochs=1\ntrain\n", out);
        assertTrue(Files.notExists(out.resolve("member-1")));
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        InputException e = assertThrows(InputException.class, () -> train("read ${data}\nreference_energies Si=0\nmodel toy\ntrain\n", foreign));
        assertTrue(e.getMessage().contains("e2e.deck:4") && e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }
}
