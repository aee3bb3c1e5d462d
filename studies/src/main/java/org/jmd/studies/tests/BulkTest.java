package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.io.Frame;
import org.jmd.studies.HeadlineRow;
import org.jmd.studies.Metric;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.StudyContext;
import org.jmd.studies.StudyTest;
import org.jmd.studies.StudyTestProvider;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.report.Csv;
import org.jmd.studies.report.StudyPlots;
import org.jmd.studies.structure.BirchMurnaghan;
import org.jmd.studies.structure.Crystal;
import org.jmd.training.Evaluator;

/**
 * {@code bulk lattice=NAME a=A [c=C u=U] species=S strain=MIN:MAX:N}: the energy–volume curve of
 * a crystal under uniform strain (every lattice constant scaled by 1 + ε, fractional coordinates
 * and c/a fixed), fitted with Birch–Murnaghan for the equilibrium volume, lattice constant a₀ =
 * a·(V₀/V)^(1/3), bulk modulus B₀ and minimum energy E₀ per atom, for the reference and every
 * model. The headline rows are the models' a₀ and B₀ errors against the reference's (%); the
 * energies of the phases relative to the first bulk test are summarized by {@link PhaseEnergies}.
 */
public final class BulkTest implements StudyTest {
    static final Metric LATTICE = Metric.error("a₀ error", "%", 0.5, 2);
    static final Metric BULK_MODULUS = Metric.error("B₀ error", "%", 5, 20);

    /** One subject's scan (strains, volumes and energies per atom, by increasing strain) and fit, or why there is none. */
    public record Fit(String model, double[] strains, double[] volumes, double[] energies, BirchMurnaghan.Fit eos, double a0, String failure) {}

    /** Strains added around the lowest point of the scan when fewer than this many lie in the fit's window. */
    static final int REFINE_BELOW = 7;

    /**
     * The energies at the deck's strains and, if the well is too narrow for them (fewer than
     * {@value #REFINE_BELOW} points within the fit's window), at 9 more strains between the lowest
     * point's neighbours: a stiff phase scanned by a coarse grid still gets a fit of its bottom.
     */
    private double[][] scan(Model m, double[] eps, int n) {
        java.util.TreeMap<Double, Double> points = new java.util.TreeMap<>();
        evaluate(m, eps, n, points);
        double eMin = java.util.Collections.min(points.values());
        long inWindow = points.values().stream().filter(e -> e - eMin <= BirchMurnaghan.WINDOW).count();
        Double lowest = null;
        for (Map.Entry<Double, Double> e : points.entrySet()) if (e.getValue() == eMin) lowest = e.getKey();
        Double below = lowest == null ? null : points.lowerKey(lowest), above = lowest == null ? null : points.higherKey(lowest);
        if (inWindow < REFINE_BELOW && below != null && above != null && Double.isFinite(eMin)) {
            double[] fine = new double[9];
            for (int k = 0; k < 9; k++) fine[k] = below + (above - below) * (k + 0.5) / 9;
            evaluate(m, fine, n, points);
        }
        double[][] out = new double[3][points.size()];
        int k = 0;
        for (Map.Entry<Double, Double> e : points.entrySet()) {
            out[0][k] = e.getKey();
            out[1][k] = crystal.cell(1 + e.getKey()).cell().volume() / n;
            out[2][k] = e.getValue();
            k++;
        }
        return out;
    }

    private void evaluate(Model m, double[] eps, int n, Map<Double, Double> into) {
        List<Frame> cells = new ArrayList<>();
        for (int k = 0; k < eps.length; k++) {
            Frame f = new Frame(crystal.cell(1 + eps[k]));
            f.origin = new Frame.Origin("bulk: " + m.name() + " at strain " + eps[k], k + 1, 0);
            cells.add(f);
        }
        List<ForceResult> r = Evaluator.evaluate(m.potential(), cells, ThreadTeam.defaultThreads());
        for (int k = 0; k < eps.length; k++) into.put(eps[k], r.get(k).energy / n);
    }

    /** The fits of every subject (reference first when there is one), for {@link PhaseEnergies}. */
    public record Result(BulkTest test, Map<String, Fit> fits) {}

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "bulk"; }

        @Override public String usage() { return "bulk lattice=NAME a=A [c=C] [u=U] species=S1[,S2] [strain=-0.05:0.05:11] [name=ID]"; }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(0);
            Crystal crystal = Crystal.parse(a);
            double[] strains = Strains.parse(a, "strain", "-0.05:0.05:11");
            String id = a.string("name", "bulk-" + crystal.lattice());
            a.requireAllUsed();
            return new BulkTest(id, crystal, strains);
        }
    }

    private final String id;
    private final Crystal crystal;
    private final double[] strains;

    BulkTest(String id, Crystal crystal, double[] strains) {
        this.id = id;
        this.crystal = crystal;
        this.strains = strains;
    }

    public Crystal crystal() { return crystal; }

    @Override public String id() { return id; }

    @Override public String title() { return "bulk " + crystal.describe(); }

    @Override public boolean needsReferencePotential() { return true; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        double[] eps = context.quick() ? Strains.thin(strains, 7) : strains;
        int n = crystal.cell(1.0).size();
        double v1 = crystal.cell(1.0).cell().volume() / n;
        Map<String, Fit> fits = new LinkedHashMap<>();
        for (Model m : context.subjects()) {
            double[][] scan = scan(m, eps, n);
            Fit fit;
            try {
                BirchMurnaghan.Fit eos = BirchMurnaghan.fit(scan[1], scan[2]);
                fit = new Fit(m.name(), scan[0], scan[1], scan[2], eos, crystal.a() * Math.cbrt(eos.v0() / v1), null);
            } catch (IllegalArgumentException ex) {
                fit = new Fit(m.name(), scan[0], scan[1], scan[2], null, Double.NaN, ex.getMessage());
            }
            fits.put(m.name(), fit);
            context.say("  %s: %s", m.name(), fit.failure() != null ? "no fit: " + fit.failure()
                    : String.format(Locale.ROOT, "a0 %.4f Å, V0 %.4f Å³/atom, B0 %.1f GPa, E0 %.4f eV/atom (%d points)", fit.a0(), fit.eos().v0(),
                    fit.eos().bulkModulusGPa(), fit.eos().e0(), scan[0].length));
        }
        outcome.setResult(new Result(this, fits));
        Fit ref = context.reference() == null ? null : fits.get(context.reference().name());
        Map<String, Score> aRow = new LinkedHashMap<>(), bRow = new LinkedHashMap<>();
        for (Model m : context.models()) {
            Fit f = fits.get(m.name());
            if (ref == null || ref.failure() != null) {
                // the scan does not bracket the reference's minimum: a problem of the deck, not of the model
                String why = ref == null ? "no reference" : "reference: " + ref.failure();
                aRow.put(m.name(), Score.none(why));
                bRow.put(m.name(), Score.none(why));
            } else if (f.failure() != null) {
                aRow.put(m.name(), Score.failed(f.failure()));
                bRow.put(m.name(), Score.failed(f.failure()));
            } else {
                aRow.put(m.name(), Score.of(100 * (f.a0() - ref.a0()) / ref.a0()));
                bRow.put(m.name(), Score.of(100 * (f.eos().b0() - ref.eos().b0()) / ref.eos().b0()));
            }
        }
        outcome.row(new HeadlineRow(title(), LATTICE, aRow));
        outcome.row(new HeadlineRow(title(), BULK_MODULUS, bRow));
        report(context, outcome, eps, fits);
        return outcome;
    }

    private void report(StudyContext context, TestOutcome outcome, double[] eps, Map<String, Fit> fits) {
        Path dir = context.testDir(id);
        Csv csv = new Csv("model", "strain", "volume_per_atom", "energy_per_atom");
        for (Fit f : fits.values()) {
            for (int k = 0; k < f.strains().length; k++) csv.row(f.model(), f.strains()[k], f.volumes()[k], f.energies()[k]);
        }
        csv.write(dir.resolve("energy_volume.csv"));

        Map<String, Object> models = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        List<StudyPlots.Series> series = new ArrayList<>();
        for (Fit f : fits.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (f.failure() != null) {
                m.put("failure", f.failure());
                rows.add(List.of(f.model(), "—", "—", "—", "—", "—", "failed: " + f.failure()));
            } else {
                BirchMurnaghan.Fit e = f.eos();
                m.put("a0_A", f.a0());
                m.put("v0_A3_per_atom", e.v0());
                m.put("e0_eV_per_atom", e.e0());
                m.put("b0_GPa", e.bulkModulusGPa());
                m.put("b0_prime", e.b0Prime());
                m.put("fit_rms_meV_per_atom", 1000 * e.rms());
                rows.add(List.of(f.model(), fmt("%.4f", f.a0()), fmt("%.3f", e.v0()), fmt("%.4f", e.e0()), fmt("%.1f", e.bulkModulusGPa()),
                        fmt("%.2f", e.b0Prime()), fmt("%.2f", 1000 * e.rms())));
                double lo = e.vFrom(), hi = e.vTo(); // the curve where it was fitted
                double[] vx = new double[60], vy = new double[60];
                for (int k = 0; k < 60; k++) {
                    vx[k] = lo + (hi - lo) * k / 59;
                    vy[k] = e.energy(vx[k]);
                }
                series.add(new StudyPlots.Series(f.model() + StudyPlots.FIT, vx, vy, true));
            }
            m.put("strains", f.strains());
            m.put("volumes_A3_per_atom", f.volumes());
            m.put("energies_eV_per_atom", f.energies());
            series.add(new StudyPlots.Series(f.model(), f.volumes(), f.energies(), false));
            models.put(f.model(), m);
        }
        outcome.json().put("models", models);
        outcome.section().paragraph(String.format(Locale.ROOT, "%d uniform strains from %+.1f %% to %+.1f %% of the given lattice constants "
                + "(fractional coordinates and axial ratios fixed), %d atoms per cell, refined around a model's lowest point where its well is narrow; "
                + "third-order Birch–Murnaghan fit of the points within %.2f eV/atom of the lowest.",
                eps.length, 100 * eps[0], 100 * eps[eps.length - 1], crystal.cell(1.0).size(), BirchMurnaghan.WINDOW));
        outcome.section().table(List.of("model", "a₀ (Å)", "V₀ (Å³/atom)", "E₀ (eV/atom)", "B₀ (GPa)", "B₀′", "fit RMS (meV/atom)"), rows);
        Path png = dir.resolve("energy_volume.png");
        if (StudyPlots.xy(png, "E–V: " + crystal.describe(), "volume (Å³/atom)", "energy (eV/atom)", series)) {
            outcome.section().image(context.relative(png), "Energy per atom against volume per atom, " + crystal.describe() + ": points and Birch–Murnaghan fits");
        }
    }

    private static String fmt(String f, double v) { return String.format(Locale.ROOT, f, v); }
}
