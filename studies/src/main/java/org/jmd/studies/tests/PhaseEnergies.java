package org.jmd.studies.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.studies.HeadlineRow;
import org.jmd.studies.Metric;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.StudyContext;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.report.ReportDocument;

/**
 * The relative energies of the phases: E₀ of every bulk test minus E₀ of the first one of the
 * same composition, for the reference and each model, and each model's error in it. This is where
 * a model that fits one phase well can still rank the phases wrongly.
 */
public final class PhaseEnergies {
    static final Metric ERROR = Metric.error("ΔE error", "meV/atom", 10, 50);

    private PhaseEnergies() {}

    /** Adds the rows and a section to {@code summary}; nothing when there are fewer than two bulk tests. */
    public static void summarize(List<TestOutcome> outcomes, StudyContext context, List<HeadlineRow> rows, ReportDocument section,
                                 Map<String, Object> json) {
        List<BulkTest.Result> bulk = new ArrayList<>();
        for (TestOutcome o : outcomes) if (o.result() instanceof BulkTest.Result r) bulk.add(r);
        if (bulk.size() < 2 || context.reference() == null) return;
        String refName = context.reference().name();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("phase", "vs"));
        for (Model m : context.subjects()) header.add(m.name() + " (meV/atom)");
        for (int k = 1; k < bulk.size(); k++) {
            BulkTest.Result r = bulk.get(k);
            BulkTest.Result base = null;
            for (int j = 0; j < k && base == null; j++) if (sameComposition(bulk.get(j), r)) base = bulk.get(j);
            if (base == null) continue;
            Map<String, Score> cells = new LinkedHashMap<>();
            Map<String, Object> values = new LinkedHashMap<>();
            double refDelta = delta(base, r, refName);
            List<String> line = new ArrayList<>(List.of(r.test().crystal().lattice(), base.test().crystal().lattice()));
            for (Model m : context.subjects()) {
                double d = delta(base, r, m.name());
                values.put(m.name(), d);
                line.add(Double.isNaN(d) ? "—" : String.format(Locale.ROOT, "%.1f", d));
                if (m.name().equals(refName)) continue;
                BulkTest.Fit f = r.fits().get(m.name()), b = base.fits().get(m.name());
                if (Double.isNaN(refDelta)) cells.put(m.name(), Score.none("no reference fit"));
                else if (f.failure() != null || b.failure() != null) cells.put(m.name(), Score.failed(f.failure() != null ? f.failure() : b.failure()));
                else cells.put(m.name(), Score.of(d - refDelta));
            }
            table.add(line);
            rows.add(new HeadlineRow("E(" + r.test().crystal().lattice() + ") − E(" + base.test().crystal().lattice() + ")", ERROR, cells));
            json.put(r.test().id() + "_minus_" + base.test().id() + "_meV_per_atom", values);
        }
        if (table.isEmpty()) return;
        section.heading(2, "Relative energies of the phases");
        section.paragraph("E₀ of each phase minus E₀ of the first bulk test of the same composition (meV/atom), from the Birch–Murnaghan fits.");
        section.table(header, table);
    }

    /** E₀(r) − E₀(base) of one subject in meV/atom, NaN when either fit failed. */
    private static double delta(BulkTest.Result base, BulkTest.Result r, String model) {
        BulkTest.Fit f = r.fits().get(model), b = base.fits().get(model);
        if (f == null || b == null || f.eos() == null || b.eos() == null) return Double.NaN;
        return 1000 * (f.eos().e0() - b.eos().e0());
    }

    private static boolean sameComposition(BulkTest.Result a, BulkTest.Result b) {
        String[] x = a.test().crystal().species().clone(), y = b.test().crystal().species().clone();
        Arrays.sort(x);
        Arrays.sort(y);
        return Arrays.equals(x, y);
    }
}
