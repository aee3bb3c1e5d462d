package org.jmd.studies.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jmd.io.StructureIO;
import org.jmd.studies.HeadlineRow;
import org.jmd.studies.Metric;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.StudyContext;
import org.jmd.studies.StudyPlan;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.diagnostics.Diagnostics;
import org.jmd.training.Json;

/**
 * The study's report: {@code report.md} and a self-contained {@code report.html} from one
 * {@link ReportDocument}, and {@code summary.json} with every number. The headline table comes
 * first, in the style of Kandy et al. (PRB 107, 174106, 2023): one row per test and metric, one
 * column per model, each cell the model's error against the reference, coloured against the
 * thresholds listed under it.
 */
public final class StudyReport {
    public static final String MARKDOWN = "report.md", HTML = "report.html", SUMMARY = "summary.json";

    private final StudyPlan plan;
    private final StudyContext context;
    private final boolean quick;
    private final List<String> leftOut;
    private final Map<String, Double> trainSeconds;
    private final List<TestOutcome> outcomes;
    private final List<HeadlineRow> headline;
    private final ReportDocument phases;
    private final Map<String, Object> phaseJson;
    private final Diagnostics.Outcome diagnostics;
    private final Map<String, Object> timings;

    public StudyReport(StudyPlan plan, StudyContext context, boolean quick, List<String> leftOut, Map<String, Double> trainSeconds,
                       List<TestOutcome> outcomes, List<HeadlineRow> headline, ReportDocument phases, Map<String, Object> phaseJson,
                       Diagnostics.Outcome diagnostics, Map<String, Object> timings) {
        this.plan = plan;
        this.context = context;
        this.quick = quick;
        this.leftOut = leftOut;
        this.trainSeconds = trainSeconds;
        this.outcomes = outcomes;
        this.headline = headline;
        this.phases = phases;
        this.phaseJson = phaseJson;
        this.diagnostics = diagnostics;
        this.timings = timings;
    }

    public void write(Path dir) {
        ReportDocument doc = document();
        StructureIO.writeAtomically(dir.resolve(MARKDOWN), w -> w.write(doc.markdown()));
        StructureIO.writeAtomically(dir.resolve(HTML), w -> w.write(doc.html(dir)));
        StructureIO.writeAtomically(dir.resolve(SUMMARY), w -> w.write(Json.write(json())));
    }

    ReportDocument document() {
        String name = Path.of(plan.source()).getFileName().toString();
        ReportDocument d = new ReportDocument("Transferability study: " + name);
        d.paragraph("Written by `jmd transfer " + name + (quick ? " --quick" : "") + "`. Every model is compared with the reference"
                + (context.reference() != null ? " potential `" + context.reference().line() + "`, the exact truth for every test" : "")
                + (!plan.referenceData().isEmpty() ? (context.reference() != null ? " and" : "") + " with " + plan.referenceData().size()
                + " labelled reference structures" : "") + "." + (quick ? " **Quick run**: fewer sizes and shorter runs than the full study." : ""));
        List<List<String>> models = new ArrayList<>();
        for (Model m : context.models()) {
            Double t = trainSeconds.get(m.name());
            models.add(List.of(m.name(), m.origin(), "`" + m.line() + "`", t == null ? "—" : String.format(Locale.ROOT, "%.1f", t)));
        }
        for (String n : leftOut) if (!n.startsWith("test ")) models.add(List.of(n, "left out by --quick", "—", "—"));
        d.table(List.of("model", "origin", "potential line", "load/train (s)"), models);

        List<String> skipped = new ArrayList<>();
        for (String n : leftOut) if (n.startsWith("test ")) skipped.add("`" + n.substring(5) + "`");
        if (!skipped.isEmpty()) d.paragraph("Tests left out by --quick: " + String.join(", ", skipped) + ".");
        d.heading(1, "Headline");
        d.paragraph("Each cell is the model's error against the reference for that test (colours: thresholds below). "
                + "A model that failed a test (diverging relaxation, exploding liquid) is red, with what happened.");
        headlineTable(d);
        Set<Metric> metrics = new LinkedHashSet<>();
        for (HeadlineRow r : headline) metrics.add(r.metric());
        List<String> thresholds = new ArrayList<>();
        for (Metric m : metrics) if (m.amber() > 0 || m.green() > 0) thresholds.add("**" + m.name() + "** (" + m.unit() + "): " + m.thresholds());
        d.bullets(thresholds);

        for (TestOutcome o : outcomes) {
            d.heading(1, o.test().title() + " (`" + o.test().id() + "`)");
            d.include(o.section());
        }
        if (!phases.isEmpty()) d.include(phases);
        if (diagnostics != null) d.include(diagnostics.section());

        d.heading(1, "Timings");
        List<List<String>> rows = new ArrayList<>();
        timingRows(rows, "", timings);
        d.table(List.of("step", "seconds"), rows);
        return d;
    }

    private void headlineTable(ReportDocument d) {
        List<String> header = new ArrayList<>(List.of("test", "metric"));
        for (Model m : context.models()) header.add(m.name());
        List<List<String>> rows = new ArrayList<>();
        List<List<ReportDocument.Colour>> colours = new ArrayList<>();
        for (HeadlineRow r : headline) {
            List<String> row = new ArrayList<>(List.of(r.test(), r.metric().name() + (r.metric().unit().isEmpty() ? "" : " (" + r.metric().unit() + ")")));
            List<ReportDocument.Colour> c = new ArrayList<>(List.of(ReportDocument.Colour.NONE, ReportDocument.Colour.NONE));
            for (Model m : context.models()) {
                Score s = r.cells().get(m.name());
                row.add(s == null ? "—" : s.text());
                c.add(s == null ? ReportDocument.Colour.NONE : colour(s.grade(r.metric())));
            }
            rows.add(row);
            colours.add(c);
        }
        d.table(header, rows, colours);
    }

    private static ReportDocument.Colour colour(Metric.Grade g) {
        switch (g) {
            case GREEN: return ReportDocument.Colour.GREEN;
            case AMBER: return ReportDocument.Colour.AMBER;
            case RED: return ReportDocument.Colour.RED;
            default: return ReportDocument.Colour.NONE;
        }
    }

    @SuppressWarnings("unchecked")
    private static void timingRows(List<List<String>> rows, String prefix, Map<String, Object> t) {
        t.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) timingRows(rows, prefix + k + ": ", (Map<String, Object>) m);
            else rows.add(List.of(prefix + k, String.format(Locale.ROOT, "%.1f", (Double) v)));
        });
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", plan.source());
        m.put("quick", quick);
        m.put("reference", context.reference() == null ? null : context.reference().line());
        m.put("reference_data_structures", plan.referenceData().size());
        List<Object> models = new ArrayList<>();
        for (Model x : context.models()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", x.name());
            e.put("potential", x.line());
            e.put("origin", x.origin());
            e.put("seconds", trainSeconds.get(x.name()));
            models.add(e);
        }
        m.put("models", models);
        m.put("left_out", leftOut);
        List<Object> rows = new ArrayList<>();
        for (HeadlineRow r : headline) rows.add(r.json());
        m.put("headline", rows);
        Map<String, Object> tests = new LinkedHashMap<>();
        for (TestOutcome o : outcomes) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("title", o.test().title());
            t.putAll(o.json());
            tests.put(o.test().id(), t);
        }
        m.put("tests", tests);
        if (!phaseJson.isEmpty()) m.put("phase_energies", phaseJson);
        if (diagnostics != null) m.put("diagnostics", diagnostics.json());
        m.put("timings_s", timings);
        return m;
    }
}
