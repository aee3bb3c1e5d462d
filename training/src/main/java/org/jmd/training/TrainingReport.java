package org.jmd.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jmd.potentials.committee.CommitteeProvider;

/** {@code report.json} and {@code report.md} of a training: data sizes, reference energies, errors, timings, files. */
final class TrainingReport {
    private final String potentialLine;
    private final TrainingRun.Plan plan;
    private final List<LabelledStructure> training, validation;
    private final Map<String, Object> reference;
    private final ErrorMetrics trainErrors, valErrors;
    private final List<InvariantPoints.Deviation> invariantPoints;
    private final Map<String, Object> timings;
    private final List<String> plots;

    TrainingReport(String potentialLine, TrainingRun.Plan plan, List<LabelledStructure> training, List<LabelledStructure> validation,
                   Map<String, Object> reference, ErrorMetrics trainErrors, ErrorMetrics valErrors,
                   List<InvariantPoints.Deviation> invariantPoints, Map<String, Object> timings, List<String> plots) {
        this.potentialLine = potentialLine;
        this.plan = plan;
        this.training = training;
        this.validation = validation;
        this.reference = reference;
        this.trainErrors = trainErrors;
        this.valErrors = valErrors;
        this.invariantPoints = invariantPoints;
        this.timings = timings;
        this.plots = plots;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("potential", potentialLine);
        m.put("model", modelLine());
        m.put("committee", plan.committee());
        m.put("seed", plan.seed());
        m.put("threads", plan.threads());
        m.put("label_potential", plan.labelLine());
        if (!Double.isNaN(plan.labelWindow())) m.put("label_window_eV_per_atom", plan.labelWindow());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sources", plan.sources());
        data.put("training", sizes(training));
        data.put("validation", sizes(validation));
        m.put("data", data);
        m.put("reference_energies", reference);
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("energy", "meV/atom");
        units.put("force", "eV/Å");
        m.put("error_units", units);
        Map<String, Object> errors = new LinkedHashMap<>();
        errors.put("training", trainErrors.json());
        errors.put("validation", valErrors == null ? null : valErrors.json());
        m.put("errors", errors);
        List<Object> points = new java.util.ArrayList<>();
        for (InvariantPoints.Deviation d : invariantPoints) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", d.name());
            p.put("element", d.element());
            p.put("reference_eV_per_atom", d.reference());
            p.put("model_eV_per_atom", d.predicted());
            p.put("deviation_meV", 1000 * d.deviation());
            points.add(p);
        }
        m.put("invariant_points", points);
        m.put("timings_s", timings);
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("potential", CommitteeProvider.POTENTIAL_FILE);
        files.put("learning_curve", TrainingRun.LEARNING_CURVE);
        files.put("predictions", TrainingRun.PREDICTIONS);
        files.put("plots", plots);
        m.put("files", files);
        return m;
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Training report\n\n");
        sb.append("- model: `").append(modelLine()).append("`\n");
        sb.append("- load with: `potential ").append(potentialLine).append("`\n");
        if (plan.committee() > 1) sb.append("- committee of ").append(plan.committee()).append(" (bootstrap samples, seeds ")
                .append(plan.seed()).append("…").append(plan.seed() + plan.committee() - 1).append(")\n");
        else sb.append("- seed: ").append(plan.seed()).append('\n');
        sb.append("- threads: ").append(plan.threads()).append('\n');
        if (plan.labelLine() != null) sb.append("- labels from: `").append(plan.labelLine()).append("`")
                .append(Double.isNaN(plan.labelWindow()) ? "" : " (structures within " + plan.labelWindow() + " eV/atom of the lowest)").append('\n');
        sb.append("\n## Data\n\n");
        for (String s : plan.sources()) sb.append("- `").append(s).append("`\n");
        sb.append("\n| set | config_type | structures | atoms |\n|---|---|---:|---:|\n");
        table(sb, "training", training);
        table(sb, "validation", validation);
        sb.append("\n## Reference energies (eV/atom, ").append(reference.get("source")).append(")\n\n| element | energy |\n|---|---:|\n");
        @SuppressWarnings("unchecked")
        Map<String, Double> e = (Map<String, Double>) reference.get("eV_per_atom");
        e.forEach((z, v) -> sb.append("| ").append(z).append(" | ").append(String.format(Locale.ROOT, "%.6f", v)).append(" |\n"));
        if (reference.containsKey("fit_rank") && (int) reference.get("fit_rank") < e.size()) {
            sb.append("\nThe compositions determine only ").append(reference.get("fit_rank"))
                    .append(" combination(s) of these; the minimum-norm least-squares solution is shown.\n");
        }
        sb.append("\n## Errors\n\nEnergy per atom in meV/atom, force components in eV/Å; model as saved (its reference energies included).\n\n");
        sb.append("| set | config_type | structures | energy MAE | energy RMSE | force MAE | force RMSE |\n|---|---|---:|---:|---:|---:|---:|\n");
        errors(sb, "training", trainErrors);
        if (valErrors != null) errors(sb, "validation", valErrors);
        if (!invariantPoints.isEmpty()) {
            sb.append("\n## Invariant points\n\nAtomic energy the model assigns (mean over the point's atoms of its element) against the true one, eV/atom;"
                    + " deviation in meV.\n\n| point | element | reference | model | deviation |\n|---|---|---:|---:|---:|\n");
            for (InvariantPoints.Deviation d : invariantPoints) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.1f |\n", d.name(), d.element(), d.reference(), d.predicted(),
                        1000 * d.deviation()));
            }
        }
        sb.append("\n## Timings (s)\n\n| step | seconds |\n|---|---:|\n");
        timings.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(String.format(Locale.ROOT, "%.2f", (Double) v)).append(" |\n"));
        sb.append("\n## Files\n\n- `").append(CommitteeProvider.POTENTIAL_FILE).append("`: the potential line\n- `")
                .append(TrainingRun.LEARNING_CURVE).append("`: learning curve\n- `").append(TrainingRun.PREDICTIONS)
                .append("`: predicted and reference values\n");
        for (String p : plots) sb.append("\n![").append(p).append("](").append(p).append(")\n");
        return sb.toString();
    }

    private String modelLine() {
        return plan.model().command() + (plan.model().words().isEmpty() ? "" : " " + String.join(" ", plan.model().words()));
    }

    private static Map<String, Object> sizes(List<LabelledStructure> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("structures", data.size());
        m.put("atoms", LabelledData.atoms(data));
        Map<String, Object> byType = new LinkedHashMap<>();
        counts(data).forEach(byType::put);
        m.put("by_config_type", byType);
        return m;
    }

    private static Map<String, Integer> counts(List<LabelledStructure> data) {
        Map<String, Integer> byType = new TreeMap<>();
        for (LabelledStructure s : data) byType.merge(s.configType(), 1, Integer::sum);
        return byType;
    }

    private static void table(StringBuilder sb, String set, List<LabelledStructure> data) {
        Map<String, long[]> byType = new TreeMap<>();
        for (LabelledStructure s : data) {
            long[] c = byType.computeIfAbsent(s.configType(), t -> new long[2]);
            c[0]++;
            c[1] += s.size();
        }
        byType.forEach((t, c) -> sb.append("| ").append(set).append(" | ").append(t.isEmpty() ? "(none)" : t).append(" | ")
                .append(c[0]).append(" | ").append(c[1]).append(" |\n"));
        sb.append("| ").append(set).append(" | **all** | ").append(data.size()).append(" | ").append(LabelledData.atoms(data)).append(" |\n");
    }

    private static void errors(StringBuilder sb, String set, ErrorMetrics m) {
        m.byConfigType().forEach((t, e) -> row(sb, set, t.isEmpty() ? "(none)" : t, e));
        row(sb, set, "**all**", m.overall());
    }

    private static void row(StringBuilder sb, String set, String type, ErrorMetrics.Errors e) {
        sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s |\n", set, type, e.structures(),
                ErrorMetrics.show("%.3f", e.energyMae()), ErrorMetrics.show("%.3f", e.energyRmse()),
                ErrorMetrics.show("%.4f", e.forceMae()), ErrorMetrics.show("%.4f", e.forceRmse())));
    }
}
