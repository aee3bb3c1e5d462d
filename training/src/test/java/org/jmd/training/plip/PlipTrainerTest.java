package org.jmd.training.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.neighbor.Cell;
import org.jmd.potentials.plip.PlipModel;
import org.jmd.potentials.plip.PlipKernel;
import org.jmd.potentials.plip.PlipPotential;
import org.jmd.potentials.plip.PlipTerm;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.Trainer;
import org.jmd.training.TrainerProvider;
import org.jmd.training.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer recovers a PLIP model it could represent exactly: data labelled by a sparse model
 * built from the trainer's own candidate terms (two species, every body order), fitted back
 * through the deck interface. Also: the scan's learning curve, offsets, and input errors.
 */
class PlipTrainerTest {
    static final String GRID = "rc2=4.5 a2=0.8,2 b2=2:4:0.5 rc3=3.8 a3=1 b3=2.2,3 lmax=3 rcn=4.5 an=1 bn=2.5,3.5 powers=2,3";
    static final String[] ELEMENTS = {"Zn", "O"};
    static final Map<String, Double> REFERENCE = Map.of("Zn", -1.25, "O", -4.5);

    @TempDir Path dir;

    @Test void recoversASyntheticModelAndChoosesAlphaByValidation() {
        PlipModel truth = sparseTruth(7);
        PlipPotential truePotential = new PlipPotential(truth, "truth", PlipKernel.Radial.EXACT);
        List<LabelledStructure> train = label(truePotential, 24, 100), valid = label(truePotential, 6, 200);
        LearningCurve curve = new LearningCurve();
        Trainer t = trainer("model plip " + GRID + " alpha_min_ratio=1e-12");
        String line = t.train(train, valid, new TrainingContext(dir, REFERENCE, 1, 2, curve, List.of()));
        Potential fitted = PotentialRegistry.load().create(line, null);

        // predictions on fresh structures agree with the truth
        for (LabelledStructure ls : label(truePotential, 4, 300)) {
            ForceResult r = Consistency.evaluate(fitted, ls.frame().system);
            assertEquals(ls.energy() / ls.size(), r.energy / ls.size(), 1e-6, "energy per atom");
            for (int k = 0; k < r.forces.length; k++) assertEquals(ls.forces()[k], r.forces[k], 1e-5, "force component " + k);
        }
        // the weights found are the true ones: every true term with its weight, the others ~0
        PlipModel got = ((PlipPotential) fitted).model();
        for (int t0 = 0; t0 < truth.terms().size(); t0++) {
            int k = got.terms().indexOf(truth.terms().get(t0));
            assertTrue(k >= 0, "true term missing: " + truth.terms().get(t0));
            assertEquals(truth.weight(t0), got.weight(k), 1e-5 * Math.abs(truth.weight(t0)) + 1e-8);
        }
        for (int k = 0; k < got.terms().size(); k++) {
            if (!truth.terms().contains(got.terms().get(k))) assertEquals(0, got.weight(k), 1e-5, "spurious term " + got.terms().get(k));
        }
        // offsets are the context's reference energies
        assertEquals(-1.25, got.offset(0), 0);
        assertEquals(-4.5, got.offset(1), 0);

        // one curve row per α, non-zero counts growing as α falls, and the selection at the lowest validation loss
        List<Map<String, Double>> rows = curve.rows();
        assertEquals(32, rows.size());
        assertTrue(rows.get(0).get(PlipTrainer.NON_ZERO) < rows.get(rows.size() - 1).get(PlipTrainer.NON_ZERO));
        int selected = -1;
        double best = Double.POSITIVE_INFINITY;
        int argmin = -1;
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).get(PlipTrainer.SELECTED) == 1.0) selected = k;
            if (rows.get(k).get(PlipTrainer.VALIDATION_LOSS) < best) { best = rows.get(k).get(PlipTrainer.VALIDATION_LOSS); argmin = k; }
            assertTrue(rows.get(k).containsKey(LearningCurve.TRAIN_FORCE_RMSE) && rows.get(k).containsKey(LearningCurve.VALIDATION_ENERGY_RMSE));
        }
        assertEquals(argmin, selected);
        assertTrue(rows.get(selected).get(LearningCurve.VALIDATION_FORCE_RMSE) < 1e-5);
    }

    @Test void scanRmseFromTheGramFormMatchesDirectEvaluation() {
        // the curve's RMSEs come from normal equations; check them against the saved model run directly
        PlipModel truth = sparseTruth(3);
        PlipPotential truePotential = new PlipPotential(truth, "truth", PlipKernel.Radial.EXACT);
        List<LabelledStructure> train = label(truePotential, 10, 400);
        // noisy labels so the fit is not exact
        Random rnd = new Random(2);
        for (LabelledStructure ls : train) {
            ls.frame().energy += 0.02 * ls.size() * rnd.nextGaussian();
            for (int k = 0; k < ls.forces().length; k++) ls.forces()[k] += 0.05 * rnd.nextGaussian();
        }
        LearningCurve curve = new LearningCurve();
        String line = trainer("model plip " + GRID + " alpha=1e-4").train(train, List.of(), new TrainingContext(dir, REFERENCE, 1, 1, curve, List.of()));
        Potential fitted = PotentialRegistry.load().create(line, null);
        double se = 0, sf = 0;
        long nf = 0;
        for (LabelledStructure ls : train) {
            ForceResult r = Consistency.evaluate(fitted, ls.frame().system);
            se += Math.pow((r.energy - ls.energy()) / ls.size(), 2);
            for (int k = 0; k < r.forces.length; k++) { sf += Math.pow(r.forces[k] - ls.forces()[k], 2); nf++; }
        }
        Map<String, Double> row = curve.rows().stream().filter(r -> r.get(PlipTrainer.SELECTED) == 1.0).findFirst().orElseThrow();
        assertEquals(1e-4, row.get(PlipTrainer.ALPHA), 0);
        assertEquals(1000 * Math.sqrt(se / train.size()), row.get(LearningCurve.TRAIN_ENERGY_RMSE), 1e-6);
        assertEquals(Math.sqrt(sf / nf), row.get(LearningCurve.TRAIN_FORCE_RMSE), 1e-7);
    }

    @Test void mirrorTwoBodyTermsShareOneColumn() {
        List<PlipTerm> terms = PlipGrid.fromArguments(Arguments.parseLine("plip " + GRID, null, 0, null)).terms(3);
        int[] col = PlipGrid.columns(terms);
        int shared = 0;
        for (int t = 0; t < terms.size(); t++) {
            PlipTerm x = terms.get(t);
            if (x.body() == PlipTerm.Body.TWO && x.centre() != x.neighbour()) {
                int m = terms.indexOf(PlipTerm.twoBody(x.neighbour(), x.centre(), x.a(), x.b(), x.cutoff()));
                assertEquals(col[m], col[t]);
                shared++;
            } else {
                for (int u = 0; u < terms.size(); u++) if (u != t) assertTrue(col[u] != col[t], "only mirror pairs share");
            }
        }
        assertEquals(3 * 2 * 2 * 5, shared, "3 species: 6 ordered unlike pairs × 2 a × 5 b");
    }

    @Test void sameBitsOnOneTwoAndThreeThreads() throws Exception {
        PlipPotential truePotential = new PlipPotential(sparseTruth(5), "truth", PlipKernel.Radial.EXACT);
        List<LabelledStructure> train = label(truePotential, 8, 500);
        String one = trainer("model plip " + GRID + " alpha=1e-3").train(train, List.of(), new TrainingContext(dir.resolve("one"), REFERENCE, 1, 1, new LearningCurve(), List.of()));
        PlipModel m1 = PlipModel.read(Path.of(one.substring(5)));
        for (int threads : new int[] {2, 3}) {
            String line = trainer("model plip " + GRID + " alpha=1e-3").train(train, List.of(),
                    new TrainingContext(dir.resolve("threads-" + threads), REFERENCE, 1, threads, new LearningCurve(), List.of()));
            PlipModel m = PlipModel.read(Path.of(line.substring(5)));
            assertEquals(m1.terms(), m.terms(), threads + " threads");
            for (int k = 0; k < m1.terms().size(); k++) assertEquals(m1.weight(k), m.weight(k), 0.0, threads + " threads, weight " + k);
        }
    }

    @Test void inputErrors() {
        InputException e = assertThrows(InputException.class, () -> trainer("model plip lmax=two"));
        assertTrue(e.getMessage().contains("deck.txt:3") && e.getMessage().contains("lmax"), e.getMessage());
        e = assertThrows(InputException.class, () -> trainer("model plip b2=1:2"));
        assertTrue(e.getMessage().contains("start:stop:step"), e.getMessage());
        e = assertThrows(InputException.class, () -> trainer("model plip powers=0"));
        assertTrue(e.getMessage().contains("powers="), e.getMessage());
        e = assertThrows(InputException.class, () -> trainer("model plip energy_weight=-1"));
        assertTrue(e.getMessage().contains("energy_weight"), e.getMessage());
        e = assertThrows(InputException.class, () -> trainer("model plip alpah=0.1"));
        assertTrue(e.getMessage().contains("unknown option 'alpah'"), e.getMessage());

        PlipPotential truePotential = new PlipPotential(sparseTruth(5), "truth", PlipKernel.Radial.EXACT);
        List<LabelledStructure> data = label(truePotential, 3, 600);
        e = assertThrows(InputException.class, () -> trainer("model plip " + GRID).train(data, List.of(), new TrainingContext(dir, REFERENCE, 1, 1, new LearningCurve(), List.of())));
        assertTrue(e.getMessage().contains("give alpha="), e.getMessage());
        e = assertThrows(InputException.class, () -> trainer("model plip " + GRID + " alpha=1").train(data, List.of(), new TrainingContext(dir, Map.of("Zn", 0.0), 1, 1, new LearningCurve(), List.of())));
        assertTrue(e.getMessage().contains("no reference energy for element O"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------

    /** Parses a deck line as the train command would, through the trainers' registry. */
    static Trainer trainer(String line) {
        Arguments all = Arguments.parseLine(line, "deck.txt", 3, null);
        Arguments args = new Arguments(all.positional(0, "model name"), all.words().subList(1, all.words().size()), "deck.txt", 3, null);
        Trainer t = org.jmd.engine.Registry.load(TrainerProvider.class, "trainer").get(args).create(args);
        args.requireAllUsed();
        return t;
    }

    /** A model on a random dozen of the grid's own candidate terms, with the reference energies as offsets. */
    static PlipModel sparseTruth(long seed) {
        PlipGrid grid = PlipGrid.fromArguments(Arguments.parseLine("plip " + GRID, null, 0, null));
        List<PlipTerm> all = grid.terms(2);
        Random rnd = new Random(seed);
        List<PlipTerm> chosen = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        // at least one of each body order (the two-body one between like atoms)
        for (PlipTerm.Body body : PlipTerm.Body.values()) {
            List<PlipTerm> of = all.stream().filter(t -> t.body() == body && (body != PlipTerm.Body.TWO || t.centre() == t.neighbour())).toList();
            PlipTerm t = of.get(rnd.nextInt(of.size()));
            chosen.add(t);
            w.add((rnd.nextBoolean() ? 1 : -1) * (0.05 + 0.1 * rnd.nextDouble()));
        }
        while (chosen.size() < 12) {
            PlipTerm t = all.get(rnd.nextInt(all.size()));
            if (chosen.contains(t)) continue;
            chosen.add(t);
            double scale = t.body() == PlipTerm.Body.MANY ? 0.01 : 0.1;
            w.add((rnd.nextBoolean() ? 1 : -1) * scale * (0.5 + rnd.nextDouble()));
            if (t.body() == PlipTerm.Body.TWO && t.centre() != t.neighbour()) {
                // the trainer ties an A–B pair term to its B–A mirror (one column, equal weights)
                PlipTerm mirror = PlipTerm.twoBody(t.neighbour(), t.centre(), t.a(), t.b(), t.cutoff());
                if (chosen.contains(mirror)) {
                    w.set(w.size() - 1, w.get(chosen.indexOf(mirror)));
                } else {
                    chosen.add(mirror);
                    w.add(w.get(w.size() - 1));
                }
            }
        }
        double[] wt = w.stream().mapToDouble(Double::doubleValue).toArray();
        return new PlipModel(ELEMENTS, new double[] {REFERENCE.get("Zn"), REFERENCE.get("O")}, chosen, wt);
    }

    static List<LabelledStructure> label(Potential p, int count, long seed) {
        List<LabelledStructure> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            AtomicSystem s = Consistency.randomTriclinic(ELEMENTS, 6 + (k % 4), 14.0 + 2 * (k % 3), 1.8, seed + k);
            ForceResult r = Consistency.evaluate(p, s);
            Frame f = new Frame(s);
            f.energy = r.energy;
            f.forces = r.forces.clone();
            out.add(new LabelledStructure(f, "synthetic"));
        }
        return out;
    }
}
