package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jmd.analysis.CoordinationNumbers;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Cell;
import org.jmd.studies.HeadlineRow;
import org.jmd.studies.Metric;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.Snapshot;
import org.jmd.studies.StudyContext;
import org.jmd.studies.StudyTest;
import org.jmd.studies.StudyTestProvider;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.report.Csv;
import org.jmd.studies.report.StudyPlots;
import org.jmd.studies.structure.Contacts;
import org.jmd.studies.structure.Crystal;
import org.jmd.studies.structure.Kabsch;
import org.jmd.studies.structure.Nanoparticles;
import org.jmd.studies.structure.Relaxer;

/**
 * {@code nanoparticle lattice=... radius=R1,R2,... rattle=D seed=S} or {@code nanoparticle read=FILE}:
 * every model and the reference relax the same starting cluster (a sphere cut from the crystal
 * around an atom and rattled, or the structure of FILE, in vacuum). For each model: the energy per
 * atom of its relaxed structure as the reference sees it, against the reference's own minimum
 * (meV/atom; a model whose minimum is where the reference's is scores 0), the RMSD of the two
 * relaxed structures after superposition (Kabsch), and the coordination histograms. A relaxation
 * that diverges or fuses atoms is reported as a failure of that model.
 */
public final class NanoparticleTest implements StudyTest {
    static final Metric ENERGY = Metric.error("E_ref(relaxed) − E_ref(min)", "meV/atom", 5, 20);
    static final Metric RMSD = Metric.error("RMSD", "Å", 0.1, 0.3);

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "nanoparticle"; }

        @Override public String usage() {
            return "nanoparticle lattice=NAME a=A [c=C u=U] species=S radius=R1,R2,... [rattle=0.1] [seed=1] | nanoparticle read=FILE;"
                    + " [minimizer=lbfgs] [fmax=0.005] [steps=5000] [bond=RC] [name=ID]";
        }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(0);
            List<Start> starts = new ArrayList<>();
            String id;
            String what;
            String detail = null;
            if (a.has("read")) {
                Path file = a.resolve(a.string("read")).normalize();
                Frame f = StructureIO.read(file);
                AtomicSystem s = f.system;
                s.setCell(Cell.open());
                starts.add(new Start(DataTest.stem(file), s));
                id = a.string("name", "nanoparticle-" + DataTest.stem(file));
                what = file.getFileName().toString();
            } else {
                Crystal crystal = Crystal.parse(a);
                double[] radii = a.reals("radius");
                double rattle = a.real("rattle", 0.1);
                long seed = a.integer("seed", 1);
                if (rattle < 0) throw a.error("rattle= must not be negative, got " + rattle);
                for (double r : radii) {
                    if (!(r > 0)) throw a.error("radius= must be positive, got " + a.string("radius"));
                    AtomicSystem s = Nanoparticles.rattle(Nanoparticles.sphere(crystal, r), rattle, seed);
                    if (s.size() < 2) throw a.error("radius " + r + " Å holds " + s.size() + " atom(s); make it larger");
                    starts.add(new Start("r=" + Crystal.plain(r) + " Å", s));
                }
                id = a.string("name", "nanoparticle-" + crystal.lattice());
                what = crystal.lattice() + " " + String.join(",", crystal.species());
                detail = String.format(Locale.ROOT, "Spheres cut from %s around an atom, rattled by %s Å (Gaussian, seed %d), in vacuum.",
                        crystal.describe(), Crystal.plain(rattle), seed);
            }
            String minimizer = a.string("minimizer", "lbfgs");
            Relaxer.minimizer(minimizer); // checked here
            double fmax = a.real("fmax", 0.005);
            int steps = a.integer("steps", 5000);
            double bond = a.real("bond", Double.NaN);
            if (!(fmax > 0)) throw a.error("fmax= must be positive, got " + fmax);
            if (steps < 1) throw a.error("steps= must be at least 1, got " + steps);
            if (!Double.isNaN(bond) && !(bond > 0)) throw a.error("bond= must be positive (Å), got " + bond);
            a.requireAllUsed();
            if (detail == null) detail = "The structure of " + what + ", in vacuum.";
            return new NanoparticleTest(id, what, detail, starts, minimizer, fmax, steps, bond);
        }
    }

    /** One starting cluster and its label. */
    record Start(String label, AtomicSystem system) {}

    /** What one subject's relaxation of one start gave; {@code coordination[k]} atoms have k neighbours. */
    public record Relaxed(String model, Relaxer.Result result, double referenceEnergy, double deltaMeV, double rmsd, int[] coordination) {}

    private final String id;
    private final String what;
    private final String detail;
    private final List<Start> starts;
    private final String minimizer;
    private final double fmax;
    private final int steps;
    private final double bond;

    NanoparticleTest(String id, String what, String detail, List<Start> starts, String minimizer, double fmax, int steps, double bond) {
        this.id = id;
        this.what = what;
        this.detail = detail;
        this.starts = starts;
        this.minimizer = minimizer;
        this.fmax = fmax;
        this.steps = steps;
        this.bond = bond;
    }

    @Override public String id() { return id; }

    @Override public String title() { return "nanoparticle " + what; }

    @Override public boolean needsReferencePotential() { return true; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        Path dir = context.testDir(id);
        List<Start> used = context.quick() ? starts.subList(0, 1) : starts;
        int maxSteps = context.quick() ? Math.min(steps, 1500) : steps;
        Model ref = context.reference();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, double[]> energyBars = new LinkedHashMap<>(), rmsdBars = new LinkedHashMap<>();
        for (Model m : context.models()) {
            energyBars.put(m.name(), new double[used.size()]);
            rmsdBars.put(m.name(), new double[used.size()]);
        }
        outcome.section().paragraph(detail);
        Csv summary = new Csv("start", "atoms", "model", "converged", "steps", "fmax_eV_per_A", "failure", "model_energy_eV",
                "reference_energy_eV", "delta_meV_per_atom", "rmsd_A");
        Csv histograms = new Csv("start", "model", "coordination", "atoms");
        List<String> categories = new ArrayList<>();
        for (int si = 0; si < used.size(); si++) {
            Start start = used.get(si);
            AtomicSystem s0 = start.system();
            int n = s0.size();
            categories.add(start.label());
            double fuse = 0.4 * median(new Contacts().nearest(s0, 6.0));
            Relaxer relaxer = new Relaxer(minimizer, fmax, maxSteps, fuse);
            context.say("  %s (%d atoms): relaxing with %s to fmax %s eV/Å", start.label(), n, minimizer, Crystal.plain(fmax));
            Relaxer.Result refResult = relaxer.relax(s0, ref.potential());
            Map<String, Relaxed> relaxed = new LinkedHashMap<>();
            String refFailure = refResult.failed() ? "the reference's relaxation failed: " + refResult.failure() : null;
            double cutoff = Double.isNaN(bond) ? (refFailure == null ? 1.3 * median(new Contacts().nearest(refResult.system(), 6.0)) : 1.3 * fuse / 0.4) : bond;
            relaxed.put(ref.name(), new Relaxed(ref.name(), refResult, refResult.energy(), 0, 0,
                    refFailure == null ? coordination(refResult.system(), cutoff) : null));
            context.say("    %s: %s", ref.name(), describe(refResult, n));
            ForceResult atStart = evaluate(ref, s0);
            outcome.snapshot(new Snapshot(id, start.label() + " start", s0, atStart.energy, atStart.forces));
            for (Model m : context.models()) {
                Relaxer.Result r = relaxer.relax(s0, m.potential());
                Relaxed x;
                if (r.failed() || refFailure != null) {
                    x = new Relaxed(m.name(), r, Double.NaN, Double.NaN, Double.NaN, r.failed() ? null : coordination(r.system(), cutoff));
                } else {
                    ForceResult byRef = evaluate(ref, r.system());
                    double delta = 1000 * (byRef.energy - refResult.energy()) / n;
                    double rmsd = Kabsch.rmsd(r.system().x, refResult.system().x);
                    x = new Relaxed(m.name(), r, byRef.energy, delta, rmsd, coordination(r.system(), cutoff));
                    outcome.snapshot(new Snapshot(id, start.label() + " relaxed by " + m.name(), r.system(), byRef.energy, byRef.forces));
                }
                relaxed.put(m.name(), x);
                energyBars.get(m.name())[si] = x.deltaMeV();
                rmsdBars.get(m.name())[si] = x.rmsd();
                context.say("    %s: %s%s", m.name(), describe(r, n), Double.isNaN(x.deltaMeV()) ? ""
                        : String.format(Locale.ROOT, "; by the reference %+.2f meV/atom above its minimum, RMSD %.3f Å", x.deltaMeV(), x.rmsd()));
            }
            Map<String, Score> eRow = new LinkedHashMap<>(), rRow = new LinkedHashMap<>();
            for (Model m : context.models()) {
                Relaxed x = relaxed.get(m.name());
                if (refFailure != null) {
                    eRow.put(m.name(), Score.none(refFailure));
                    rRow.put(m.name(), Score.none(refFailure));
                } else if (x.result().failed()) {
                    eRow.put(m.name(), Score.failed(x.result().failure()));
                    rRow.put(m.name(), Score.failed(x.result().failure()));
                } else {
                    String note = x.result().converged() ? null : "not converged";
                    eRow.put(m.name(), Score.of(x.deltaMeV(), note));
                    rRow.put(m.name(), Score.of(x.rmsd(), note));
                }
            }
            String rowTitle = title() + (starts.size() > 1 ? " " + start.label() : "") + " (" + n + " atoms)";
            outcome.row(new HeadlineRow(rowTitle, ENERGY, eRow));
            outcome.row(new HeadlineRow(rowTitle, RMSD, rRow));
            json.put(start.label(), startJson(n, relaxed));
            String suffix = starts.size() > 1 ? "_" + safe(start.label()) : "";
            StructureIO.write(dir.resolve("start" + suffix + ".extxyz"), new Frame(s0));
            for (Relaxed x : relaxed.values()) {
                if (!x.result().failed()) StructureIO.write(dir.resolve("relaxed_" + x.model() + suffix + ".extxyz"), new Frame(x.result().system()));
                summary.row(start.label(), n, x.model(), x.result().converged(), x.result().steps(), x.result().fmax(), x.result().failure(),
                        x.result().energy(), x.referenceEnergy(), x.deltaMeV(), x.rmsd());
                if (x.coordination() != null) {
                    int[] h = x.coordination();
                    for (int z = 0; z < h.length; z++) if (h[z] > 0) histograms.row(start.label(), x.model(), z, h[z]);
                }
            }
            report(context, outcome, dir, start, n, cutoff, relaxed);
        }
        summary.write(dir.resolve("relaxations.csv"));
        histograms.write(dir.resolve("coordination.csv"));
        outcome.json().put("minimizer", minimizer);
        outcome.json().put("fmax_eV_per_A", fmax);
        outcome.json().put("starts", json);
        Path pe = dir.resolve("energies.png"), pr = dir.resolve("rmsd.png");
        if (StudyPlots.bars(pe, "Reference energy of each model's relaxed structure above the reference minimum", "meV/atom", categories, energyBars)) {
            outcome.section().image(context.relative(pe), "E_ref(model's relaxed structure) − E_ref(reference's minimum), meV/atom");
        }
        if (StudyPlots.bars(pr, "RMSD from the reference's relaxed structure", "Å", categories, rmsdBars)) {
            outcome.section().image(context.relative(pr), "RMSD of each model's relaxed structure from the reference's, after superposition");
        }
        return outcome;
    }

    private void report(StudyContext context, TestOutcome outcome, Path dir, Start start, int n, double cutoff, Map<String, Relaxed> relaxed) {
        TreeSet<Integer> zs = new TreeSet<>();
        for (Relaxed x : relaxed.values()) {
            if (x.coordination() == null) continue;
            for (int z = 0; z < x.coordination().length; z++) if (x.coordination()[z] > 0) zs.add(z);
        }
        List<String> header = new ArrayList<>(List.of("model", "converged", "steps", "E (eV)", "E_ref − E_ref,min (meV/atom)", "RMSD (Å)"));
        for (int z : zs) header.add("CN " + z);
        List<List<String>> rows = new ArrayList<>();
        for (Relaxed x : relaxed.values()) {
            List<String> row = new ArrayList<>();
            row.add(x.model());
            row.add(x.result().failed() ? "failed: " + x.result().failure() : x.result().converged() ? "yes" : "no");
            row.add(Integer.toString(x.result().steps()));
            row.add(Double.isNaN(x.result().energy()) ? "—" : String.format(Locale.ROOT, "%.4f", x.result().energy()));
            row.add(Score.number(x.deltaMeV()));
            row.add(Score.number(x.rmsd()));
            int[] h = x.coordination() == null ? new int[0] : x.coordination();
            for (int z : zs) row.add(z < h.length ? Integer.toString(h[z]) : "0");
            rows.add(row);
        }
        outcome.section().heading(3, start.label() + " (" + n + " atoms)");
        outcome.section().paragraph(String.format(Locale.ROOT, "Relaxed with %s to fmax %s eV/Å. Coordination: neighbours closer than %.2f Å "
                + "(1.3 × the median nearest-neighbour distance of the reference's relaxed structure, unless bond= is given); CN columns count atoms.",
                minimizer, Crystal.plain(fmax), cutoff));
        outcome.section().table(header, rows);
        List<String> cats = new ArrayList<>();
        for (int z : zs) cats.add(Integer.toString(z));
        Map<String, double[]> bars = new LinkedHashMap<>();
        for (Relaxed x : relaxed.values()) {
            if (x.coordination() == null) continue;
            int[] h = x.coordination();
            double[] frac = new double[cats.size()];
            int k = 0;
            for (int z : zs) frac[k++] = z < h.length ? (double) h[z] / n : 0;
            bars.put(x.model(), frac);
        }
        Path png = dir.resolve("coordination" + (starts.size() > 1 ? "_" + safe(start.label()) : "") + ".png");
        if (StudyPlots.bars(png, "Coordination, " + start.label(), "fraction of atoms", cats, bars)) {
            outcome.section().image(context.relative(png), "Coordination histograms of the relaxed structures, " + start.label());
        }
    }

    private static Map<String, Object> startJson(int n, Map<String, Relaxed> relaxed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("atoms", n);
        Map<String, Object> models = new LinkedHashMap<>();
        for (Relaxed x : relaxed.values()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("converged", x.result().converged());
            r.put("steps", x.result().steps());
            r.put("fmax_eV_per_A", x.result().fmax());
            if (x.result().failure() != null) r.put("failure", x.result().failure());
            r.put("energy_eV", x.result().energy());
            r.put("reference_energy_eV", x.referenceEnergy());
            r.put("delta_meV_per_atom", x.deltaMeV());
            r.put("rmsd_A", x.rmsd());
            if (x.coordination() != null) {
                Map<String, Object> h = new LinkedHashMap<>();
                int[] counts = x.coordination();
                for (int z = 0; z < counts.length; z++) if (counts[z] > 0) h.put(Integer.toString(z), counts[z]);
                r.put("coordination", h);
            }
            models.put(x.model(), r);
        }
        m.put("models", models);
        return m;
    }

    private static String describe(Relaxer.Result r, int n) {
        if (r.failed()) return "failed: " + r.failure();
        return String.format(Locale.ROOT, "%s after %d steps, %.6f eV (%.4f eV/atom), fmax %.2g eV/Å", r.converged() ? "converged" : "NOT converged",
                r.steps(), r.energy(), r.energy() / n, r.fmax());
    }

    private static ForceResult evaluate(Model m, AtomicSystem s) {
        ForceResult r = new ForceResult();
        new ForceCalculator(m.potential(), 0.0).compute(s, r);
        return r;
    }

    /** A label as part of a file name: "r=8 Å" → "r8". */
    private static String safe(String label) { return label.replaceAll("[^A-Za-z0-9.]", ""); }

    /** How many atoms have k neighbours closer than the cutoff, k = 0, 1, ... (the analysis module's coordination numbers, all species). */
    static int[] coordination(AtomicSystem s, double cutoff) {
        CoordinationNumbers cn = new CoordinationNumbers(cutoff);
        cn.add(s);
        int[] h = new int[cn.max() + 1];
        for (String sp : cn.species()) {
            double[] part = cn.histogram(sp);
            for (int k = 0; k < part.length; k++) h[k] += (int) Math.round(part[k]);
        }
        return h;
    }

    static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (s.length == 0) return 2.0;
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
