package org.jmd.training.nnp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.NetworkShape;
import org.jmd.potentials.nnp.Scaling;
import org.jmd.training.LabelledStructure;
import org.jmd.training.Trainer;
import org.jmd.training.TrainingContext;
import org.jmd.training.TrainingContext.InvariantPoint;
import org.jmd.potentials.nnp.Activation;

/**
 * Trains a Behler–Parrinello neural-network potential: descriptors of every structure computed
 * once, input scaling from the training statistics, per-element networks fitted to energies per
 * atom and forces ({@link NetworkFit}), the atomic energy at each invariant point logged every
 * epoch, and the best model (by validation loss) saved as an n2p2 directory with the context's
 * reference energies as {@code atom_energy}.
 */
public final class NnpTrainer implements Trainer {
    private final NnpSettings settings;
    private Trained last;

    NnpTrainer(NnpSettings settings) { this.settings = settings; }

    /** The fitted model of the last {@link #train}, for checks against the saved potential. */
    Trained last() { return last; }

    @Override public String train(List<LabelledStructure> training, List<LabelledStructure> validation, TrainingContext context) {
        if (training.isEmpty()) throw new InputException("nnp: no training structures");
        Set<String> elements = new LinkedHashSet<>();
        for (LabelledStructure s : training) for (String sym : s.frame().system.speciesTable()) elements.add(sym);
        BehlerParrinelloDescriptors descriptors = settings.symmetryFunctions() == null
                ? DefaultSymmetryFunctions.descriptors(elements)
                : BehlerParrinelloDescriptors.read(settings.symmetryFunctions(), elements);
        String[] symbols = descriptors.elements();
        double[] reference = new double[symbols.length];
        for (int e = 0; e < symbols.length; e++) {
            Double r = context.referenceEnergies().get(symbols[e]);
            if (r == null) throw new InputException("nnp: no reference energy for " + symbols[e] + " (the training must fit or be given one)");
            reference[e] = r;
        }
        int threads = Math.max(1, context.threads());

        DescriptorCache cache = new DescriptorCache(descriptors);
        List<CachedStructure> train = cache.describe(requests("train", training), threads);
        List<CachedStructure> valid = cache.describe(requests("validation", validation), threads);
        List<DescriptorCache.Request> ipRequests = new ArrayList<>();
        for (InvariantPoint ip : context.invariantPoints()) {
            int e = descriptors.elementIndex(ip.element());
            if (e < 0) throw new InputException("nnp: invariant point " + ip.name() + " is for " + ip.element() + ", which the training data does not contain");
            ipRequests.add(new DescriptorCache.Request(ip.name(), ip.structure().frame().system, ip.atomicEnergy(), e, null, false));
        }
        List<CachedStructure> ipData = cache.describe(ipRequests, threads);
        List<NetworkFit.InvariantTarget> targets = new ArrayList<>();
        for (int k = 0; k < ipData.size(); k++) {
            InvariantPoint ip = context.invariantPoints().get(k);
            targets.add(new NetworkFit.InvariantTarget(columnName(ip.name()), ipData.get(k), ip.atomicEnergy()));
        }

        int[] sizes = new int[symbols.length];
        for (int e = 0; e < sizes.length; e++) sizes[e] = descriptors.size(e);
        InputScaling scaling = InputScaling.of(train, sizes);
        NetworkShape[] shapes = new NetworkShape[symbols.length];
        for (int e = 0; e < symbols.length; e++) shapes[e] = shape(sizes[e]);
        NnpModel model = new NnpModel(symbols, shapes, scaling, reference);

        // start every network at the mean residual energy per atom, so the first epochs fit shape, not offset
        double residual = 0;
        long atoms = 0;
        for (CachedStructure s : train) {
            double sum = s.energyPerAtom * s.atoms;
            for (int i = 0; i < s.atoms; i++) sum -= reference[s.element[i]];
            residual += sum;
            atoms += s.atoms;
        }
        double[] bias = new double[symbols.length];
        java.util.Arrays.fill(bias, residual / atoms);
        double[] start = model.initialParameters(context.seed(), bias);

        NetworkFit fit = new NetworkFit(model, settings.fit(), context.curve(), targets);
        NetworkFit.Result result = fit.run(start, train, valid, context.seed() ^ 0x5DEECE66DL, threads, context.checkpoint());
        last = new Trained(model, descriptors, result.parameters());
        write(context.modelDir(), descriptors, model, result, training.size(), validation.size());
        return "nnp " + context.modelDir().toAbsolutePath();
    }

    private NetworkShape shape(int inputs) {
        int[] hidden = settings.hidden();
        int[] width = new int[hidden.length + 2];
        Activation[] act = new Activation[width.length];
        width[0] = inputs;
        for (int l = 0; l < hidden.length; l++) {
            width[l + 1] = hidden[l];
            act[l + 1] = settings.activation();
        }
        width[width.length - 1] = 1;
        act[width.length - 1] = Activation.IDENTITY;
        return new NetworkShape(width, act);
    }

    private static List<DescriptorCache.Request> requests(String set, List<LabelledStructure> data) {
        List<DescriptorCache.Request> out = new ArrayList<>();
        for (int k = 0; k < data.size(); k++) {
            LabelledStructure s = data.get(k);
            boolean forces = s.forces() != null;
            // named by its place in its file when it has one, so an error about it can be found there
            org.jmd.io.Frame.Origin o = s.frame().origin;
            String name = o == null ? set + " structure " + (k + 1) : o.source() + ":" + o.line() + ": structure " + o.index();
            out.add(new DescriptorCache.Request(name, s.frame().system, s.energy() / s.size(), -1, s.forces(), forces));
        }
        return out;
    }

    private void write(Path dir, BehlerParrinelloDescriptors descriptors, NnpModel model, NetworkFit.Result result,
                       int trainCount, int validationCount) {
        N2p2Writer w = new N2p2Writer(descriptors)
                .comment(String.format(Locale.ROOT, "trained by jmd (model nnp): %d training and %d validation structures,"
                        + " best epoch %d of %d%s, %.0f s", trainCount, validationCount, result.bestEpoch(), result.epochsRun(),
                        settings.fit().lbfgs() > 0 ? String.format(Locale.ROOT, " (the last %d L-BFGS iterations, %d loss evaluations)",
                                result.lbfgsIterations(), result.lbfgsEvaluations()) : "",
                        result.seconds()))
                .comment("energies in eV, lengths in Angstrom; atom_energy = per-element reference energies of the training")
                .scaling(Scaling.SIGMA, 0.0, 1.0)
                .network(settings.hidden(), settings.activationLetters());
        double[] p = result.parameters();
        for (int e = 0; e < model.elements.length; e++) {
            String sym = model.elements[e];
            InputScaling s = model.scaling;
            w.statistics(sym, s.min[e], s.max[e], s.mean[e], s.sigma[e]);
            NetworkShape shape = model.shapes[e];
            double[][] weights = new double[shape.layers() - 1][], biases = new double[shape.layers() - 1][];
            for (int l = 1; l < shape.layers(); l++) {
                int o = model.offset[e];
                weights[l - 1] = java.util.Arrays.copyOfRange(p, o + shape.weight(l, 0, 0), o + shape.bias(l, 0));
                biases[l - 1] = java.util.Arrays.copyOfRange(p, o + shape.bias(l, 0), o + shape.bias(l, 0) + shape.width(l));
            }
            w.weights(sym, weights, biases);
            w.atomEnergy(sym, model.atomEnergy[e]);
        }
        w.write(dir);
    }

    /** A column-safe name: letters, digits, '.', '-' and '_' only. */
    static String columnName(String name) { return name.replaceAll("[^A-Za-z0-9._-]", "_"); }

    /** A fitted model with the means to evaluate it as the trainer does. */
    record Trained(NnpModel model, BehlerParrinelloDescriptors descriptors, double[] parameters) {
        /** Total energy; forces into forces (3N) if not null. */
        double evaluate(AtomicSystem s, double[] forces) {
            List<CachedStructure> c = new DescriptorCache(descriptors).describe(
                    List.of(new DescriptorCache.Request("check", s, 0.0, -1, null, forces != null)), 1);
            return new StructureEvaluator(model).predict(parameters, c.get(0), forces);
        }

        /** Mean atomic energy of the atoms of element e in s. */
        double atomicEnergy(AtomicSystem s, int e) {
            List<CachedStructure> c = new DescriptorCache(descriptors).describe(
                    List.of(new DescriptorCache.Request("check", s, 0.0, e, null, false)), 1);
            return new StructureEvaluator(model).countedEnergy(parameters, c.get(0));
        }
    }
}
