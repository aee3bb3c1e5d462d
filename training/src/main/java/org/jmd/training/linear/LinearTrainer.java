package org.jmd.training.linear;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jmd.engine.ChunkedSum;
import org.jmd.engine.InputException;
import org.jmd.engine.ThreadTeam;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.Trainer;
import org.jmd.training.TrainingContext;

/**
 * Fits E_i = E_ref(Z) + b_Z + w_Z · G_i to energies and forces jointly by weighted ridge
 * regression (see {@link RidgeFit}), in one pass over the data: the threads compute descriptors
 * and their derivatives for chunks of the structures and accumulate each chunk's normal
 * equations, which are added in chunk order ({@link ChunkedSum}), so the model is the same bits
 * for any number of threads.
 * Validation structures are accumulated in the same pass and only scored. The model is saved as
 * an n2p2 directory with one linear hidden node ({@link LinearModel#write}).
 */
public final class LinearTrainer implements Trainer {
    /** Options of {@code model linear}: symmetry functions (null = defaults), weights and ridge λ. */
    public record Options(Path symmetryFunctions, double energyWeight, double forceWeight, double ridge) {}

    private final Options options;
    private LinearModel lastModel;

    public LinearTrainer(Options options) { this.options = options; }

    /** The model of the last {@link #train} call (its own predictions, for checks). */
    public LinearModel model() { return lastModel; }

    @Override public String train(List<LabelledStructure> training, List<LabelledStructure> validation, TrainingContext context) {
        if (training.isEmpty()) throw new InputException("linear: no training structures");
        long start = System.nanoTime();
        Set<String> elements = new LinkedHashSet<>();
        for (LabelledStructure s : training) elements.addAll(Arrays.asList(s.frame().system.symbols()));
        BehlerParrinelloDescriptors bp = options.symmetryFunctions() == null
                ? DefaultSymmetryFunctions.descriptors(elements)
                : BehlerParrinelloDescriptors.read(options.symmetryFunctions(), elements);
        String[] symbols = bp.elements();
        double[] reference = new double[symbols.length];
        for (int e = 0; e < symbols.length; e++) reference[e] = context.referenceEnergies().getOrDefault(symbols[e], 0.0);
        int[] sizes = new int[symbols.length];
        for (int e = 0; e < sizes.length; e++) sizes[e] = bp.size(e);

        Sums sums = accumulate(bp, reference, sizes, training, validation, Math.max(1, context.threads()));
        RidgeFit fit = RidgeFit.solve(sums.trainEnergy, sums.trainForce, options.energyWeight(), options.forceWeight(),
                options.ridge(), sums.stats, sums.offset, sizes);
        LinearModel model = keptModel(bp, reference, fit, sums);
        lastModel = model;

        double trainE = sums.trainEnergy.rmse(fit.theta), trainF = sums.trainForce.rmse(fit.theta);
        double valE = sums.validationEnergy.rmse(fit.theta), valF = sums.validationForce.rmse(fit.theta);
        int parameters = 0;
        for (String el : symbols) parameters += 1 + model.weights(el).length;
        double seconds = (System.nanoTime() - start) * 1e-9;
        Map<String, Double> row = new LinkedHashMap<>();
        row.put(LearningCurve.EPOCH, 1.0);
        row.put(LearningCurve.TRAIN_ENERGY_RMSE, 1000 * trainE);
        row.put(LearningCurve.TRAIN_FORCE_RMSE, trainF);
        row.put(LearningCurve.VALIDATION_ENERGY_RMSE, 1000 * valE);
        row.put(LearningCurve.VALIDATION_FORCE_RMSE, valF);
        row.put("parameters", (double) parameters);
        row.put("ridge", options.ridge());
        row.put("seconds", seconds);
        context.curve().add(row);

        List<String> comments = new ArrayList<>();
        comments.add(String.format(Locale.ROOT, "Trained on %d structures (%d validation): energy_weight=%s force_weight=%s ridge=%s.",
                training.size(), validation.size(), options.energyWeight(), options.forceWeight(), options.ridge()));
        comments.add(String.format(Locale.ROOT, "Training RMSE %.3f meV/atom, %.4f eV/A; validation RMSE %.3f meV/atom, %.4f eV/A.",
                1000 * trainE, trainF, 1000 * valE, valF));
        Path dir = context.modelDir().toAbsolutePath();
        model.write(dir, comments);
        String d = dir.toString();
        return "linear " + (d.contains(" ") ? "\"" + d + "\"" : d);
    }

    /** Per-thread sums, merged. */
    private static final class Sums {
        int[] offset;
        NormalEquations trainEnergy, trainForce, validationEnergy, validationForce;
        DescriptorStatistics stats;

        Sums(int columns, int[] sizes, int[] offset) {
            this.offset = offset;
            trainEnergy = new NormalEquations(columns);
            trainForce = new NormalEquations(columns);
            validationEnergy = new NormalEquations(columns);
            validationForce = new NormalEquations(columns);
            stats = new DescriptorStatistics(sizes);
        }

        void add(Sums o) {
            trainEnergy.add(o.trainEnergy);
            trainForce.add(o.trainForce);
            validationEnergy.add(o.validationEnergy);
            validationForce.add(o.validationForce);
            stats.add(o.stats);
        }
    }

    private static Sums accumulate(BehlerParrinelloDescriptors bp, double[] reference, int[] sizes, List<LabelledStructure> training,
                                   List<LabelledStructure> validation, int threads) {
        ThreadTeam team = ThreadTeam.of(threads);
        DesignAssembler[] assemblers = new DesignAssembler[team.size()];
        for (int w = 0; w < assemblers.length; w++) assemblers[w] = new DesignAssembler(bp, reference);
        int columns = assemblers[0].columns, nt = training.size();
        int[] offset = assemblers[0].offset;
        Sums total = new Sums(columns, sizes, offset);
        // training structures, then validation structures: one sequence of items, summed in order
        ChunkedSum.run(team, nt + validation.size(), () -> new Sums(columns, sizes, offset), (s, k, w) -> {
            if (k < nt) assemblers[w].add(training.get(k), s.trainEnergy, s.trainForce, s.stats);
            else assemblers[w].add(validation.get(k - nt), s.validationEnergy, s.validationForce, null);
        }, total::add);
        total.trainEnergy.symmetrise();
        total.trainForce.symmetrise();
        total.validationEnergy.symmetrise();
        total.validationForce.symmetrise();
        for (int e = 0; e < sizes.length; e++) {
            if (total.stats.count[e] == 0) throw new InputException("linear: no training atoms of " + bp.elements()[e]);
        }
        return total;
    }

    /** The model restricted to the functions the fit kept, with their statistics. */
    private static LinearModel keptModel(BehlerParrinelloDescriptors bp, double[] reference, RidgeFit fit, Sums sums) {
        String[] symbols = bp.elements();
        int ne = symbols.length;
        List<String> definitions = new ArrayList<>();
        double[] bias = new double[ne];
        double[][] w = new double[ne][], min = new double[ne][], max = new double[ne][], mean = new double[ne][], sigma = new double[ne][];
        for (int e = 0; e < ne; e++) {
            int o = sums.offset[e];
            bias[e] = fit.theta[o];
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < fit.kept[e].length; k++) if (fit.kept[e][k]) keep.add(k);
            if (keep.isEmpty()) throw new InputException("linear: no symmetry function of " + symbols[e] + " varies over the training set");
            int n = keep.size();
            w[e] = new double[n]; min[e] = new double[n]; max[e] = new double[n]; mean[e] = new double[n]; sigma[e] = new double[n];
            for (int c = 0; c < n; c++) {
                int k = keep.get(c);
                definitions.add(bp.definition(e, k));
                w[e][c] = fit.theta[o + 1 + k];
                min[e][c] = sums.stats.min[e][k];
                max[e][c] = sums.stats.max[e][k];
                mean[e][c] = sums.stats.mean(e, k);
                sigma[e][c] = sums.stats.sigma(e, k);
            }
        }
        BehlerParrinelloDescriptors kept = BehlerParrinelloDescriptors.of(List.of(symbols), bp.cutoffType(), definitions);
        return new LinearModel(kept, reference, bias, w, min, max, mean, sigma);
    }
}
