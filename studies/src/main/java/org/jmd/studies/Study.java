package org.jmd.studies;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.studies.diagnostics.Diagnostics;
import org.jmd.studies.report.ReportDocument;
import org.jmd.studies.report.StudyReport;
import org.jmd.studies.tests.PhaseEnergies;
import org.jmd.training.TrainDeck;

/**
 * Runs a checked {@link StudyPlan}: trains the models that need it (into {@code DIR/models/NAME},
 * reused when a previous run left them there), runs every test against the reference and every
 * model, summarizes the phases, runs the diagnostics on the structures the tests collected, and
 * writes the report ({@code report.md}, {@code report.html}, {@code summary.json}, CSVs and
 * PNGs). A test that breaks unexpectedly is recorded as failed and the study goes on.
 */
public final class Study {
    /** Marks a directory as a jmd transfer output, so a re-run may replace its reports (keeping the trained models). */
    static final String MARKER = ".jmd-transfer";
    public static final String MODELS = "models";

    private final PrintWriter out;
    private final Path outDir;
    private final boolean quick;
    private final Map<String, String> variables;

    /**
     * @param variables the command line's {@code -v} variables, passed on to the training decks
     */
    public Study(PrintWriter out, Path outDir, boolean quick, Map<String, String> variables) {
        this.out = out;
        this.outDir = outDir.toAbsolutePath().normalize();
        this.quick = quick;
        this.variables = Map.copyOf(variables);
    }

    /** What came out: the headline rows and where the report is. */
    public record Result(Path outDir, List<Model> models, List<HeadlineRow> headline, List<TestOutcome> outcomes) {}

    public Result run(StudyPlan plan) {
        long start = System.nanoTime();
        prepareOutput();
        Map<String, Object> timings = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        Map<String, Double> trainSeconds = new LinkedHashMap<>();
        List<Model> models = new ArrayList<>();
        for (ModelSpec spec : plan.models()) {
            if (quick && !spec.quick()) {
                leftOut.add(spec.name());
                say("model %s: left out (--quick)", spec.name());
                continue;
            }
            long t = System.nanoTime();
            models.add(resolve(spec));
            trainSeconds.put(spec.name(), seconds(t));
        }
        if (models.isEmpty()) throw new InputException(plan.source(), 0, "every model is left out by --quick (quick=no); nothing to test");
        timings.put("models", seconds(start));
        Model reference = plan.reference() == null ? null : new Model("reference", plan.referenceLine(), plan.reference(), "reference");
        StudyContext context = new StudyContext(outDir, models, reference, plan.referenceData(), quick, out, plan.diagnostics().maxForceSpread());

        List<TestOutcome> outcomes = new ArrayList<>();
        Map<String, Object> testTimes = new LinkedHashMap<>();
        for (StudyTest test : plan.tests()) {
            if (quick && plan.slowTests().contains(test.id())) {
                leftOut.add("test " + test.id());
                say("test %s: left out (--quick)", test.id());
                continue;
            }
            say("test %s: %s", test.id(), test.title());
            long t = System.nanoTime();
            outcomes.add(runSafely(test, context));
            testTimes.put(test.id(), seconds(t));
            say("test %s: done in %.1f s", test.id(), seconds(t));
        }
        timings.put("tests", testTimes);

        List<HeadlineRow> headline = new ArrayList<>();
        for (TestOutcome o : outcomes) headline.addAll(o.rows());
        ReportDocument phases = new ReportDocument("");
        Map<String, Object> phaseJson = new LinkedHashMap<>();
        PhaseEnergies.summarize(outcomes, context, headline, phases, phaseJson);

        long t = System.nanoTime();
        Diagnostics.Outcome diagnostics = null;
        if (plan.diagnostics().enabled()) {
            diagnostics = new Diagnostics(plan.diagnostics(), plan.training(), context).run(outcomes);
        }
        timings.put("diagnostics", seconds(t));
        timings.put("total", seconds(start));
        new StudyReport(plan, context, quick, leftOut, trainSeconds, outcomes, headline, phases, phaseJson, diagnostics, timings).write(outDir);
        say("wrote %s: report.md, report.html, summary.json (%.1f s in all)", outDir, seconds(start));
        return new Result(outDir, models, headline, outcomes);
    }

    /** A test that throws is a failed test in the report, not the end of the study; the log gets the stack trace. */
    private TestOutcome runSafely(StudyTest test, StudyContext context) {
        try {
            return test.run(context);
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            say("test %s FAILED: %s\n%s", test.id(), e, trace);
            TestOutcome o = new TestOutcome(test);
            Map<String, Score> cells = new LinkedHashMap<>();
            for (Model m : context.models()) cells.put(m.name(), Score.failed("the test could not run: " + e.getMessage()));
            o.row(new HeadlineRow(test.title(), Metric.error("test", "", 0, 0), cells));
            o.json().put("error", String.valueOf(e.getMessage()));
            o.section().paragraph("The test could not run: `" + e + "`.");
            return o;
        }
    }

    /** Loads a model's line, or trains it into DIR/models/NAME (reusing an earlier training there). */
    private Model resolve(ModelSpec spec) {
        if (spec.trainDeck() == null) {
            Potential p = PotentialRegistry.load().create(spec.line(), spec.baseDir());
            return new Model(spec.name(), spec.line(), p, "potential line");
        }
        Path dir = outDir.resolve(MODELS).resolve(spec.name());
        Path potentialFile = dir.resolve("POTENTIAL");
        String line;
        String origin;
        if (Files.isRegularFile(potentialFile)) {
            line = read(potentialFile);
            origin = "trained by " + spec.trainDeck().getFileName() + " (reused from " + outDir.relativize(dir) + ")";
            say("model %s: reusing %s", spec.name(), dir);
        } else {
            say("model %s: training with %s into %s", spec.name(), spec.trainDeck(), dir);
            TrainDeck deck = new TrainDeck(out, dir);
            variables.forEach(deck.variables()::defineFromCommandLine);
            line = deck.run(spec.trainDeck()).potentialLine();
            origin = "trained by " + spec.trainDeck().getFileName();
        }
        Potential p = PotentialRegistry.load().create(line, dir);
        return new Model(spec.name(), line, p, origin);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The output directory must be new, empty, or an earlier {@code jmd transfer} output, whose
     * reports are then removed (its trained models are kept for reuse).
     */
    private void prepareOutput() {
        try {
            if (Files.isDirectory(outDir)) {
                boolean empty;
                try (Stream<Path> s = Files.list(outDir)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !Files.exists(outDir.resolve(MARKER))) {
                    throw new InputException(outDir.toString(), 0, "output directory is not empty and is not a previous 'jmd transfer' output; choose another with --out");
                }
                if (!empty) {
                    List<Path> old = new ArrayList<>();
                    try (Stream<Path> s = Files.list(outDir)) {
                        s.filter(p -> !p.getFileName().toString().equals(MODELS) && !p.getFileName().toString().equals(MARKER)).forEach(old::add);
                    }
                    for (Path p : old) deleteTree(p);
                }
            } else if (Files.exists(outDir)) {
                throw new InputException(outDir.toString(), 0, "output path exists and is not a directory");
            }
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(MARKER), "written by jmd transfer; a re-run replaces this directory's reports and keeps models/\n");
        } catch (IOException e) {
            throw new InputException(outDir.toString(), 0, "cannot prepare output directory: " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static double seconds(long since) { return (System.nanoTime() - since) * 1e-9; }
}
