package org.jmd.training.plip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.potentials.plip.PlipModel;
import org.jmd.potentials.plip.PlipTerm;
import org.jmd.training.LabelledStructure;
import org.jmd.training.LearningCurve;
import org.jmd.training.Trainer;
import org.jmd.training.TrainingContext;
import org.jmd.training.lasso.LassoLars;
import org.jmd.training.lasso.LassoPath;

/**
 * Fits a PLIP model: builds the design matrix of every candidate term of the {@link PlipGrid}
 * (force rows −∂S/∂x, and energy rows S/N against (E − Σ reference energies)/N), standardises
 * its columns, follows the Lasso path with {@link LassoLars}, and scans α log-spaced below α_max.
 * Each α is one row of the learning curve: train and validation errors and the number of
 * non-zero terms. α is the one with the lowest validation loss unless {@code alpha=} is given.
 * The saved model holds the non-zero terms with unstandardised weights and, as offsets, the
 * context's per-element reference energies.
 *
 * <p>The loss is the mean squared force-component error plus {@code energy_weight} times the
 * mean squared energy-per-atom error: rows are weighted 1/n_F and λ/n_E (then rescaled to mean 1,
 * so α stays in the units of a plain standardised Lasso). {@code energy_weight} is in
 * (eV/Å)² per (eV/atom)², i.e. Å²; 0 fits forces only.
 */
public final class PlipTrainer implements Trainer {
    /** Column names this trainer adds to the learning curve besides the standard ones. */
    public static final String ALPHA = "alpha";
    public static final String NON_ZERO = "nonzero_terms";
    public static final String TRAIN_ENERGY_MAE = "train_energy_mae_meV_per_atom";
    public static final String VALIDATION_ENERGY_MAE = "validation_energy_mae_meV_per_atom";
    public static final String VALIDATION_LOSS = "validation_loss";
    public static final String SELECTED = "selected";
    /** File the model is saved to inside the model directory. */
    public static final String MODEL_FILE = "potential.plip";

    private final PlipGrid grid;
    private final double energyWeight;
    private final Double alpha;
    private final int alphaCount;
    private final double alphaMinRatio;

    PlipTrainer(PlipGrid grid, double energyWeight, Double alpha, int alphaCount, double alphaMinRatio) {
        this.grid = grid;
        this.energyWeight = energyWeight;
        this.alpha = alpha;
        this.alphaCount = alphaCount;
        this.alphaMinRatio = alphaMinRatio;
    }

    static PlipTrainer fromArguments(Arguments args) {
        args.requirePositionalAtMost(0);
        PlipGrid grid = PlipGrid.fromArguments(args);
        double ew = args.real("energy_weight", 100.0);
        if (!(ew >= 0)) throw args.error("energy_weight must be >= 0, got " + ew);
        Double alpha = args.has("alpha") ? args.real("alpha") : null;
        if (alpha != null && !(alpha > 0)) throw args.error("alpha must be positive, got " + alpha);
        int count = args.integer("alphas", 32);
        if (count < 1 || count > 1000) throw args.error("alphas= (how many α to scan) must be 1..1000, got " + count);
        double ratio = args.real("alpha_min_ratio", 1e-8);
        if (!(ratio > 0 && ratio < 1)) throw args.error("alpha_min_ratio must be between 0 and 1, got " + ratio);
        return new PlipTrainer(grid, ew, alpha, count, ratio);
    }

    @Override public String train(List<LabelledStructure> training, List<LabelledStructure> validation, TrainingContext ctx) {
        if (training.isEmpty()) throw new InputException("plip: no training structures");
        String[] elements = elements(training, validation, ctx.referenceEnergies());
        List<PlipTerm> terms = grid.terms(elements.length);
        if (terms.isEmpty()) throw new InputException("plip: the descriptor grid is empty (a2, b2, a3, b3, an, bn all empty?)");
        int threads = Math.max(1, ctx.threads());
        int[] column = PlipGrid.columns(terms);
        PlipNormalEquations train = PlipNormalEquations.build(training, elements, ctx.referenceEnergies(), terms, column, threads);
        PlipNormalEquations valid = PlipNormalEquations.build(validation, elements, ctx.referenceEnergies(), terms, column, threads);

        // weighted, combined normal equations
        int p = train.columns;
        long nF = train.forceRows;
        int nE = train.structures();
        double wf = nF > 0 ? 1.0 / nF : 0, we = energyWeight / nE;
        if (nF == 0 && energyWeight == 0) throw new InputException("plip: energy_weight=0 but the training structures have no forces");
        double kappa = (nF + nE) / (wf * nF + we * nE);
        wf *= kappa;
        we *= kappa;
        double[][] gram = new double[p][p];
        double[] xty = new double[p];
        for (int j = 0; j < p; j++) {
            xty[j] = wf * train.forceXty[j];
            for (int k = 0; k < p; k++) gram[j][k] = wf * train.forceGram[j][k];
        }
        if (we > 0) {
            for (int s = 0; s < nE; s++) {
                double[] row = train.energyRows[s];
                double y = train.energyTargets[s];
                for (int j = 0; j < p; j++) {
                    if (row[j] == 0) continue;
                    xty[j] += we * row[j] * y;
                    for (int k = 0; k < p; k++) gram[j][k] += we * row[j] * row[k];
                }
            }
        }
        LassoLars lars = LassoLars.fromGram(gram, xty, (int) Math.min(Integer.MAX_VALUE, nF + nE));
        double amax = lars.alphaMax();
        if (!(amax > 0)) throw new InputException("plip: nothing to fit (all targets are zero or no descriptor is non-zero on the training data)");

        List<Double> alphas = new ArrayList<>();
        for (int k = 0; k < alphaCount; k++) alphas.add(amax * Math.pow(alphaMinRatio, (k + 1) / (double) alphaCount));
        if (alpha != null && !alphas.contains(alpha)) {
            alphas.add(alpha);
            alphas.sort((x, y) -> Double.compare(y, x));
        }
        LassoPath path = lars.path(Math.min(alphas.get(alphas.size() - 1), amax));

        boolean haveValidation = !validation.isEmpty();
        if (alpha == null && !haveValidation) {
            throw new InputException("plip: no validation structures to choose α by; give alpha= (the scan reports α_max = "
                    + String.format(Locale.ROOT, "%.4g", amax) + ") or a validation split");
        }
        List<Map<String, Double>> rows = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int k = 0; k < alphas.size(); k++) {
            double a = alphas.get(k);
            double[] w = a >= amax ? new double[p] : path.coefficients(a);
            weights.add(w);
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(LearningCurve.EPOCH, (double) k);
            row.put(ALPHA, a);
            int nz = 0;
            for (double v : w) if (v != 0) nz++;
            row.put(NON_ZERO, (double) nz);
            double[] et = train.energyErrors(w);
            row.put(LearningCurve.TRAIN_ENERGY_RMSE, 1000 * PlipNormalEquations.rms(et));
            row.put(LearningCurve.TRAIN_FORCE_RMSE, train.forceRmse(w));
            row.put(TRAIN_ENERGY_MAE, 1000 * PlipNormalEquations.meanAbs(et));
            if (haveValidation) {
                double[] ev = valid.energyErrors(w);
                double fv = valid.forceRmse(w), erms = PlipNormalEquations.rms(ev);
                row.put(LearningCurve.VALIDATION_ENERGY_RMSE, 1000 * erms);
                row.put(LearningCurve.VALIDATION_FORCE_RMSE, fv);
                row.put(VALIDATION_ENERGY_MAE, 1000 * PlipNormalEquations.meanAbs(ev));
                // the training loss's own balance of forces and energies, on the validation set
                double lambda = nF > 0 ? energyWeight : 1;
                double loss = (nF > 0 && valid.forceRows > 0 ? fv * fv : 0) + lambda * erms * erms;
                row.put(VALIDATION_LOSS, loss);
                if (alpha == null && loss < bestLoss) { bestLoss = loss; best = k; }
            }
            if (alpha != null && a == alpha) best = k;
            rows.add(row);
        }
        for (int k = 0; k < rows.size(); k++) {
            rows.get(k).put(SELECTED, k == best ? 1.0 : 0.0);
            ctx.curve().add(rows.get(k));
        }

        double[] offsets = new double[elements.length];
        for (int e = 0; e < elements.length; e++) offsets[e] = ctx.referenceEnergies().get(elements[e]);
        double[] termWeights = new double[terms.size()];
        for (int t = 0; t < terms.size(); t++) termWeights[t] = weights.get(best)[column[t]];
        PlipModel model = new PlipModel(elements, offsets, terms, termWeights).withoutZeroWeights();
        Path file = ctx.modelDir().resolve(MODEL_FILE).toAbsolutePath();
        Map<String, Double> chosen = rows.get(best);
        model.write(file, String.format(Locale.ROOT,
                "fitted by jmd's PLIP trainer (LassoLars): alpha = %.6g (alpha_max %.6g), %d of %d candidate terms non-zero%n"
                        + "energy_weight = %s; %d training structures; train RMSE %.3f meV/atom, %.4f eV/A",
                alphas.get(best), amax, model.terms().size(), terms.size(), energyWeight, training.size(),
                chosen.get(LearningCurve.TRAIN_ENERGY_RMSE), chosen.get(LearningCurve.TRAIN_FORCE_RMSE)));
        String f = file.toString();
        return "plip " + (f.matches(".*\\s.*") ? "\"" + f + "\"" : f);
    }

    /** Elements of the data in order of first appearance; each needs a reference energy. */
    private static String[] elements(List<LabelledStructure> training, List<LabelledStructure> validation, Map<String, Double> ref) {
        List<String> out = new ArrayList<>();
        for (LabelledStructure ls : training) {
            AtomicSystem s = ls.frame().system;
            for (int i = 0; i < s.size(); i++) if (!out.contains(s.symbol(i))) out.add(s.symbol(i));
        }
        for (String e : out) {
            if (ref == null || !ref.containsKey(e)) throw new InputException("plip: no reference energy for element " + e);
        }
        for (LabelledStructure ls : validation) {
            AtomicSystem s = ls.frame().system;
            for (int i = 0; i < s.size(); i++) {
                if (!out.contains(s.symbol(i))) throw new InputException("plip: validation structures contain " + s.symbol(i)
                        + ", which no training structure has; the model could not describe it");
            }
        }
        return out.toArray(new String[0]);
    }
}
