package org.jmd.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jmd.engine.Arguments;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.potentials.committee.CommitteeProvider;

/**
 * One training as a deck's {@code train} line asks for it: labels the data (if asked), fixes the
 * reference energies, trains one model or a committee of K (member k gets seed S+k−1 and a
 * bootstrap resample of the training set), then evaluates the result on the training and
 * validation sets and writes into the output directory: the model, {@code POTENTIAL},
 * {@code report.json}, {@code report.md}, {@code learning_curve.csv}, {@code predictions.csv}
 * and the PNG plots.
 *
 * <p>Trainers that train in epochs save their state after each one ({@link TrainingCheckpoint},
 * {@code training.chk} beside each model); a training killed at any moment and run again with
 * {@code resume} continues from there to the same weights, bit for bit. The checkpoints are
 * removed once the whole training has written its reports.
 */
public final class TrainingRun {
    /** Marks a directory as a jmd training output, so a re-run may replace what is in it. */
    static final String MARKER = ".jmd-train";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String LEARNING_CURVE = "learning_curve.csv";
    public static final String PREDICTIONS = "predictions.csv";
    public static final String LEARNING_CURVE_PNG = "learning_curve.png";
    public static final String ENERGY_PARITY_PNG = "parity_energy.png";
    public static final String FORCE_PARITY_PNG = "parity_forces.png";

    /**
     * Everything the deck decided. {@code givenReference} null means "fit"; {@code labelLine} null
     * means "no labelling"; {@code labelWindow} (eV/atom, NaN for none) drops labelled structures
     * that far above the lowest energy per atom.
     */
    public record Plan(List<LabelledStructure> training, List<LabelledStructure> validation, List<String> sources,
                       Map<String, Double> givenReference, String labelLine, Path labelBase, double labelWindow, InvariantPoints invariantPoints,
                       TrainerProvider trainer, Arguments model, int committee, long seed, int threads) {}

    /** What came out: the line that loads the model, its errors and its deviations at the invariant points. */
    public record Result(String potentialLine, Path outDir, ErrorMetrics training, ErrorMetrics validation,
                         List<InvariantPoints.Deviation> invariantPoints) {}

    private final PrintWriter out;
    private final Path outDir;
    private final Plan plan;
    private final boolean resume;
    private final Map<String, Object> timings = new LinkedHashMap<>();
    /** The checkpoint files of this training, removed when it is complete. */
    private final List<Path> checkpoints = new ArrayList<>();
    private String fingerprint;

    public TrainingRun(PrintWriter out, Path outDir, Plan plan) { this(out, outDir, plan, false); }

    /** @param resume continue a killed training of the same deck in {@code outDir} from its checkpoints, instead of replacing it */
    public TrainingRun(PrintWriter out, Path outDir, Plan plan, boolean resume) {
        this.out = out;
        this.outDir = outDir.toAbsolutePath().normalize();
        this.plan = plan;
        this.resume = resume;
    }

    /**
     * Trains and writes everything. A training that fails (bad data, a model that diverges or
     * predicts NaN, an I/O error) removes what it had written, so no half model or report is left
     * that could be taken for a result: a directory it created goes entirely; in one that was
     * there, its own files and the marker it placed.
     */
    public Result execute() {
        boolean createdDir = !Files.exists(outDir), placedMarker = !Files.exists(outDir.resolve(MARKER));
        prepareOutput();
        try {
            return trainAndReport();
        } catch (RuntimeException | Error e) {
            discardOutput(createdDir, placedMarker, e);
            throw e;
        }
    }

    private Result trainAndReport() {
        long start = System.nanoTime();
        List<LabelledStructure> training = plan.training(), validation = plan.validation();
        if (plan.labelLine() != null) {
            long t = System.nanoTime();
            Potential reference = Labeller.potential(plan.labelLine(), plan.labelBase());
            training = Labeller.labelStructures(training, reference, plan.labelLine(), plan.threads());
            validation = Labeller.labelStructures(validation, reference, plan.labelLine(), plan.threads());
            timings.put("label", seconds(t));
            say("labelled %d structures with '%s' in %.1f s", training.size() + validation.size(), plan.labelLine(), seconds(t));
            if (!Double.isNaN(plan.labelWindow())) {
                double lowest = Double.POSITIVE_INFINITY;
                for (List<LabelledStructure> set : List.of(training, validation)) for (LabelledStructure s : set) lowest = Math.min(lowest, s.energy() / s.size());
                int before = training.size() + validation.size();
                training = within(training, lowest + plan.labelWindow());
                validation = within(validation, lowest + plan.labelWindow());
                say("label window: %d of %d structures lie more than %s eV/atom above the lowest (%.4f eV/atom) and are dropped",
                        before - training.size() - validation.size(), before, plan.labelWindow(), lowest);
                if (training.isEmpty()) throw new InputException("the label window leaves no training structure");
            }
        }
        say("training set: %d structures, %d atoms; validation set: %d structures, %d atoms%s", training.size(), LabelledData.atoms(training),
                validation.size(), LabelledData.atoms(validation), validation.isEmpty() ? " (none: no early stopping or model selection)" : "");

        Map<String, Object> referenceReport = new LinkedHashMap<>();
        Map<String, Double> reference;
        if (plan.givenReference() != null) {
            reference = new LinkedHashMap<>(plan.givenReference());
            referenceReport.put("source", "given");
            say("reference energies (given): %s", ReferenceEnergies.describe(reference));
        } else {
            ReferenceEnergies.Fit fit = ReferenceEnergies.fit(training);
            reference = fit.energies();
            referenceReport.put("source", "fit");
            referenceReport.put("fit_rank", fit.rank());
            referenceReport.put("fit_rmse_eV_per_atom", fit.rmse());
            say("reference energies (least squares on %d training energies): %s, residual %.4f eV/atom", training.size(),
                    ReferenceEnergies.describe(reference), fit.rmse());
            if (!fit.fullyDetermined()) {
                say("note: the compositions fix only %d combination(s) of the %d reference energies; the minimum-norm solution is used"
                        + " (give them with 'reference_energies' to choose, e.g. isolated-atom energies)", fit.rank(), reference.size());
            }
        }
        referenceReport.put("eV_per_atom", reference);
        List<TrainingContext.InvariantPoint> points = plan.invariantPoints().resolve(reference, ReferenceEnergies.elements(training, validation));
        if (!points.isEmpty()) say("invariant points: %d (%s)", points.size(), names(points));
        fingerprint = TrainingFingerprint.of(training, validation, reference, points, plan.model(), plan.committee(), plan.seed());

        long trainStart = System.nanoTime();
        List<Plots.Curve> curves = new ArrayList<>();
        String line;
        if (plan.committee() == 1) {
            line = trainMember(outDir, training, validation, reference, points, plan.seed(), "", curves);
        } else {
            for (int k = 1; k <= plan.committee(); k++) {
                long seed = plan.seed() + k - 1;
                List<LabelledStructure> sample = bootstrap(training, seed);
                Path dir = outDir.resolve("member-" + k);
                say("committee member %d of %d: seed %d, bootstrap sample of %d structures (%d distinct)", k, plan.committee(), seed,
                        sample.size(), distinct(sample));
                trainMember(dir, sample, validation, reference, points, seed, "member " + k, curves);
            }
            line = "committee " + outDir;
        }
        timings.put("train", seconds(trainStart));
        write(outDir.resolve(CommitteeProvider.POTENTIAL_FILE), line + "\n");
        say("trained in %.1f s; the model loads with: potential %s", seconds(trainStart), line);

        long evalStart = System.nanoTime();
        Potential model = PotentialRegistry.load().create(line, outDir);
        List<ForceResult> trainPred = Evaluator.predict(model, training, plan.threads());
        List<ForceResult> valPred = Evaluator.predict(model, validation, plan.threads());
        ErrorMetrics trainErrors = ErrorMetrics.of(training, trainPred);
        ErrorMetrics valErrors = validation.isEmpty() ? null : ErrorMetrics.of(validation, valPred);
        timings.put("evaluate", seconds(evalStart));
        say("training errors:   %s", summary(trainErrors.overall()));
        if (valErrors != null) say("validation errors: %s", summary(valErrors.overall()));
        List<InvariantPoints.Deviation> deviations = InvariantPoints.measure(points, model);
        for (InvariantPoints.Deviation d : deviations) {
            say("invariant point %-24s reference %10.4f  model %10.4f eV/atom  deviation %9.1f meV", d.name(), d.reference(), d.predicted(),
                    1000 * d.deviation());
        }

        long reportStart = System.nanoTime();
        Map<String, PredictionsCsv.Sets> sets = new LinkedHashMap<>();
        sets.put("training", new PredictionsCsv.Sets(training, trainPred));
        if (!validation.isEmpty()) sets.put("validation", new PredictionsCsv.Sets(validation, valPred));
        PredictionsCsv.write(outDir.resolve(PREDICTIONS), sets);
        LearningCurveCsv.write(outDir.resolve(LEARNING_CURVE), curves);
        List<String> plots = new ArrayList<>();
        if (Plots.learningCurves(outDir.resolve(LEARNING_CURVE_PNG), curves)) plots.add(LEARNING_CURVE_PNG);
        else say("note: the trainer logged no training/validation RMSE, so there is no learning-curve plot");
        if (Plots.energyParity(outDir.resolve(ENERGY_PARITY_PNG), sets)) plots.add(ENERGY_PARITY_PNG);
        if (Plots.forceParity(outDir.resolve(FORCE_PARITY_PNG), sets)) plots.add(FORCE_PARITY_PNG);
        timings.put("report", seconds(reportStart));
        timings.put("total", seconds(start));

        TrainingReport report = new TrainingReport(line, plan, training, validation, referenceReport, trainErrors, valErrors, deviations, timings, plots);
        write(outDir.resolve(REPORT_JSON), Json.write(report.json()));
        write(outDir.resolve(REPORT_MD), report.markdown());
        removeCheckpoints();
        say("wrote %s: %s, %s, %s, %s, %s", outDir, CommitteeProvider.POTENTIAL_FILE, REPORT_JSON, REPORT_MD, LEARNING_CURVE,
                String.join(", ", plots));
        return new Result(line, outDir, trainErrors, valErrors, deviations);
    }

    /** Trains one model into {@code dir/model}; writes {@code dir/POTENTIAL} and returns the line. */
    private String trainMember(Path dir, List<LabelledStructure> training, List<LabelledStructure> validation,
                               Map<String, Double> reference, List<TrainingContext.InvariantPoint> points, long seed, String label, List<Plots.Curve> curves) {
        Path modelDir = dir.resolve("model");
        try {
            Files.createDirectories(modelDir);
        } catch (IOException e) {
            throw new InputException(modelDir.toString(), 0, "cannot create: " + e.getMessage());
        }
        LearningCurve curve = new LearningCurve();
        curve.addListener(row -> {
            StringBuilder sb = new StringBuilder(label.isEmpty() ? "" : label + ": ");
            // the screen gets the summary; each invariant point's columns go to learning_curve.csv only
            row.forEach((k, v) -> {
                if (k.startsWith("ip_") && !k.equals("ip_rms_deviation_meV")) return;
                sb.append(k).append('=').append(k.equals(LearningCurve.EPOCH) ? Long.toString(v.longValue())
                        : String.format(Locale.ROOT, "%.5g", v)).append(' ');
            });
            out.println(sb.toString().strip());
            out.flush();
        });
        curves.add(new Plots.Curve(label, curve));
        // a fresh trainer per member: providers read their options again from a copy of the model line
        Arguments m = plan.model();
        Arguments again = new Arguments(m.command(), m.words(), m.source(), m.line(), m.baseDir());
        Trainer trainer = plan.trainer().create(again);
        Path state = dir.resolve(TrainingCheckpoint.FILE);
        checkpoints.add(state);
        if (resume && Files.exists(state)) say("%sresuming from %s", label.isEmpty() ? "" : label + ": ", state);
        TrainingCheckpoint checkpoint = TrainingCheckpoint.file(state, fingerprint + (label.isEmpty() ? "" : " " + label), resume);
        TrainingContext context = new TrainingContext(modelDir, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reference)), seed,
                plan.threads(), curve, points, checkpoint);
        String line = trainer.train(training, validation, context);
        if (line == null || line.isBlank()) throw new InputException("trainer '" + m.command() + "' returned no potential line");
        try {
            PotentialRegistry.load().create(line.strip(), dir);
        } catch (InputException e) {
            throw new InputException(null, 0, "trainer '" + m.command() + "' wrote a model that does not load ('" + line + "'): " + e.getMessage(), e);
        }
        if (!label.isEmpty()) LearningCurveCsv.write(dir.resolve(LEARNING_CURVE), List.of(new Plots.Curve("", curve)));
        write(dir.resolve(CommitteeProvider.POTENTIAL_FILE), line.strip() + "\n");
        return line.strip();
    }

    private static String names(List<TrainingContext.InvariantPoint> points) {
        List<String> n = new ArrayList<>();
        for (TrainingContext.InvariantPoint p : points) n.add(p.name());
        return String.join(", ", n);
    }

    private static List<LabelledStructure> within(List<LabelledStructure> set, double limit) {
        List<LabelledStructure> kept = new ArrayList<>();
        for (LabelledStructure s : set) if (s.energy() / s.size() <= limit) kept.add(s);
        return kept;
    }

    /** N structures drawn with replacement (java.util.Random, fixed sequence for a seed). */
    static List<LabelledStructure> bootstrap(List<LabelledStructure> data, long seed) {
        Random rnd = new Random(seed);
        List<LabelledStructure> sample = new ArrayList<>(data.size());
        for (int k = 0; k < data.size(); k++) sample.add(data.get(rnd.nextInt(data.size())));
        return sample;
    }

    private static long distinct(List<LabelledStructure> sample) {
        return sample.stream().map(System::identityHashCode).distinct().count();
    }

    /**
     * The output directory must be new, empty, or a previous jmd training output (marked by
     * {@value #MARKER}), whose model and reports are then removed — unless the training resumes,
     * which keeps them, checkpoints included; anything else is left alone.
     */
    private void prepareOutput() {
        try {
            if (!checkOutput(outDir) && !resume) clean();
            if (resume && !Files.exists(outDir.resolve(MARKER))) say("--resume: nothing to resume in %s; training from the start", outDir);
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(MARKER), "written by jmd train; a re-run replaces this directory's model and reports\n");
        } catch (IOException e) {
            throw new InputException(outDir.toString(), 0, "cannot prepare output directory: " + e.getMessage());
        }
    }

    /**
     * Checks, changing nothing, that a training may write into {@code dir}: it is new, empty, or
     * a previous {@code jmd train} output (then returns false: it holds earlier results).
     */
    public static boolean checkOutput(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            boolean empty;
            try (Stream<Path> s = Files.list(abs)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new InputException(abs.toString(), 0, "cannot list the output directory: " + e.getMessage());
            }
            if (!empty && !Files.exists(abs.resolve(MARKER))) {
                throw new InputException(abs.toString(), 0, "output directory is not empty and is not a previous 'jmd train' output; choose another with --out");
            }
            if (!Files.isWritable(abs)) throw new InputException(abs.toString(), 0, "output directory is not writable");
            return empty;
        }
        if (Files.exists(abs)) throw new InputException(abs.toString(), 0, "output path exists and is not a directory");
        org.jmd.io.StructureIO.checkWritable(abs.resolve(MARKER));
        return true;
    }

    private void removeCheckpoints() {
        try {
            for (Path p : checkpoints) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new InputException(outDir.toString(), 0, "cannot remove a training checkpoint: " + e.getMessage());
        }
    }

    private void discardOutput(boolean createdDir, boolean placedMarker, Throwable failure) {
        try {
            if (createdDir) {
                deleteTree(outDir);
            } else {
                clean();
                if (placedMarker) Files.deleteIfExists(outDir.resolve(MARKER));
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e); // the training's own error is the one to report
        }
    }

    private void clean() throws IOException {
        List<Path> mine = new ArrayList<>();
        try (Stream<Path> s = Files.list(outDir)) {
            s.forEach(mine::add);
        }
        for (Path p : mine) {
            String name = p.getFileName().toString();
            boolean ours = name.equals("model") || name.matches("member-\\d+") || name.equals(CommitteeProvider.POTENTIAL_FILE)
                    || name.equals(REPORT_JSON) || name.equals(REPORT_MD) || name.equals(LEARNING_CURVE) || name.equals(PREDICTIONS)
                    || name.equals(LEARNING_CURVE_PNG) || name.equals(ENERGY_PARITY_PNG) || name.equals(FORCE_PARITY_PNG)
                    || name.equals(TrainingCheckpoint.FILE);
            if (ours) deleteTree(p);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static void write(Path file, String text) {
        org.jmd.io.StructureIO.writeAtomically(file, w -> w.write(text));
    }

    static String summary(ErrorMetrics.Errors e) {
        return String.format(Locale.ROOT, "energy MAE %s RMSE %s meV/atom, force MAE %s RMSE %s eV/Å (%d structures)",
                ErrorMetrics.show("%.3f", e.energyMae()), ErrorMetrics.show("%.3f", e.energyRmse()), ErrorMetrics.show("%.4f", e.forceMae()),
                ErrorMetrics.show("%.4f", e.forceRmse()), e.structures());
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static double seconds(long since) { return (System.nanoTime() - since) * 1e-9; }
}
