package org.jmd.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.check.Consistency;
import org.jmd.potentials.LennardJones;

/**
 * A trainer small enough to check by hand, for testing the training machinery: the model is
 * E = Σ_i e_Z(i) + ε·U(σ, rc), with the reference energies e_Z of the context and U the
 * Lennard-Jones energy at ε = 1. Only ε is fitted, by least squares on energy per atom and force
 * components; "epochs" move ε halfway to the optimum each, from a start drawn from the seed, so
 * the learning curve falls and committee members differ. Saved as {@code toy.model}, loaded by
 * {@link ToyPotentialProvider}.
 */
final class ToyTrainer implements Trainer {
    private final double sigma, cutoff;
    private final int epochs;

    ToyTrainer(double sigma, double cutoff, int epochs) {
        this.sigma = sigma;
        this.cutoff = cutoff;
        this.epochs = epochs;
    }

    @Override public String train(List<LabelledStructure> training, List<LabelledStructure> validation, TrainingContext context) {
        Terms train = terms(training, context.referenceEnergies()), val = terms(validation, context.referenceEnergies());
        double best = train.rg / train.gg;
        double eps = new Random(context.seed()).nextDouble() * 2 * best;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            eps += 0.5 * (best - eps);
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(LearningCurve.EPOCH, (double) epoch);
            row.put(LearningCurve.TRAIN_ENERGY_RMSE, train.energyRmse(eps));
            row.put(LearningCurve.TRAIN_FORCE_RMSE, train.forceRmse(eps));
            if (!validation.isEmpty()) {
                row.put(LearningCurve.VALIDATION_ENERGY_RMSE, val.energyRmse(eps));
                row.put(LearningCurve.VALIDATION_FORCE_RMSE, val.forceRmse(eps));
            }
            context.curve().add(row);
        }
        Path file = context.modelDir().resolve("toy.model");
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epsilon %s%nsigma %s%ncutoff %s%n", eps, sigma, cutoff));
        context.referenceEnergies().forEach((z, e) -> sb.append("reference ").append(z).append(' ').append(e).append('\n'));
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "toy " + file.toAbsolutePath();
    }

    /** Residual targets r (labels minus reference energies) and the LJ basis g at ε = 1, per atom and per force component. */
    private Terms terms(List<LabelledStructure> data, Map<String, Double> reference) {
        Terms t = new Terms();
        LennardJones unit = new LennardJones(1, sigma, cutoff);
        for (LabelledStructure s : data) {
            AtomicSystem sys = s.frame().system;
            int n = sys.size();
            ForceResult u = Consistency.evaluate(unit, sys);
            double offset = 0;
            for (int i = 0; i < n; i++) offset += reference.get(sys.symbol(i));
            double r = (s.energy() - offset) / n, g = u.energy / n;
            t.energy.add(new double[] {r, g});
            t.rg += r * g;
            t.gg += g * g;
            if (s.forces() != null) for (int k = 0; k < 3 * n; k++) {
                t.force.add(new double[] {s.forces()[k], u.forces[k]});
                t.rg += s.forces()[k] * u.forces[k];
                t.gg += u.forces[k] * u.forces[k];
            }
        }
        return t;
    }

    private static final class Terms {
        final List<double[]> energy = new ArrayList<>(), force = new ArrayList<>();
        double rg, gg;

        double energyRmse(double eps) { return 1000 * rms(energy, eps); }

        double forceRmse(double eps) { return rms(force, eps); }

        private static double rms(List<double[]> pairs, double eps) {
            double s = 0;
            for (double[] p : pairs) s += (p[0] - eps * p[1]) * (p[0] - eps * p[1]);
            return pairs.isEmpty() ? Double.NaN : Math.sqrt(s / pairs.size());
        }
    }
}
