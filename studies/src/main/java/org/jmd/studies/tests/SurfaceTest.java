package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Units;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.studies.HeadlineRow;
import org.jmd.studies.Metric;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.StudyContext;
import org.jmd.studies.StudyTest;
import org.jmd.studies.StudyTestProvider;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.report.Csv;
import org.jmd.studies.structure.Contacts;
import org.jmd.studies.structure.Crystal;
import org.jmd.studies.structure.Relaxer;
import org.jmd.studies.structure.Slabs;

/**
 * {@code surface lattice=... miller=H,K,L layers=N vacuum=V}: the surface energy
 * γ = (E_slab − N e_bulk) / 2A of a slab (see {@link Slabs} for where it is cut), unrelaxed and with
 * the atoms relaxed, the cell and the bulk energy per atom e_bulk taken at the given lattice
 * constant for every model (so a model's own equilibrium volume does not enter). Each model's
 * relaxed γ is compared with the reference's (%).
 */
public final class SurfaceTest implements StudyTest {
    static final Metric ENERGY = Metric.error("γ error", "%", 5, 20);

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "surface"; }

        @Override public String usage() {
            return "surface lattice=NAME a=A [c=C u=U] species=S miller=H,K,L [layers=4] [vacuum=12] [repeat=1,1] [minimizer=lbfgs] [fmax=0.005] [steps=3000] [name=ID]";
        }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(0);
            Crystal crystal = Crystal.parse(a);
            int[] miller = a.integers("miller");
            int layers = a.integer("layers", 4);
            double vacuum = a.real("vacuum", 12);
            int[] repeat = a.has("repeat") ? a.integers("repeat") : new int[] {1, 1};
            if (repeat.length != 2 || repeat[0] < 1 || repeat[1] < 1) throw a.error("repeat= expects two positive counts NX,NY, got '" + a.string("repeat") + "'");
            if (layers < 1) throw a.error("layers= must be at least 1, got " + layers);
            if (!(vacuum > 0)) throw a.error("vacuum= must be positive (Å), got " + vacuum);
            String minimizer = a.string("minimizer", "lbfgs");
            Relaxer.minimizer(minimizer);
            double fmax = a.real("fmax", 0.005);
            int steps = a.integer("steps", 3000);
            if (!(fmax > 0)) throw a.error("fmax= must be positive, got " + fmax);
            StringBuilder m = new StringBuilder();
            for (int v : miller) m.append(v < 0 ? "m" + (-v) : Integer.toString(v));
            String id = a.string("name", "surface-" + crystal.lattice() + "-" + m);
            a.requireAllUsed();
            Slabs.Slab slab;
            try {
                slab = Slabs.build(crystal, miller, layers, vacuum, repeat[0], repeat[1]);
            } catch (org.jmd.engine.InputException e) {
                throw a.error(e.problem());
            }
            return new SurfaceTest(id, crystal, miller, layers, slab, minimizer, fmax, steps);
        }
    }

    private final String id;
    private final Crystal crystal;
    private final int[] miller;
    private final int layers;
    private final Slabs.Slab slab;
    private final String minimizer;
    private final double fmax;
    private final int steps;

    SurfaceTest(String id, Crystal crystal, int[] miller, int layers, Slabs.Slab slab, String minimizer, double fmax, int steps) {
        this.id = id;
        this.crystal = crystal;
        this.miller = miller;
        this.layers = layers;
        this.slab = slab;
        this.minimizer = minimizer;
        this.fmax = fmax;
        this.steps = steps;
    }

    @Override public String id() { return id; }

    @Override public String title() {
        StringBuilder m = new StringBuilder("(");
        for (int v : miller) m.append(v < 0 ? "−" + (-v) : Integer.toString(v));
        return "surface " + crystal.lattice() + " " + String.join(",", crystal.species()) + " " + m + ")";
    }

    @Override public boolean needsReferencePotential() { return true; }

    /** The slab the test relaxes (for checks). */
    public Slabs.Slab slab() { return slab; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        Path dir = context.testDir(id);
        AtomicSystem s0 = slab.system();
        AtomicSystem bulk = crystal.cell(1.0);
        int n = s0.size();
        double toJ = Units.EV_PER_A2_IN_J_PER_M2 / (2 * slab.area());
        double fuse = 0.4 * NanoparticleTest.median(new Contacts().nearest(s0, 6.0));
        Relaxer relaxer = new Relaxer(minimizer, fmax, context.quick() ? Math.min(steps, 1000) : steps, fuse);
        StructureIO.write(dir.resolve("slab.extxyz"), new Frame(s0));
        Csv csv = new Csv("model", "bulk_energy_per_atom_eV", "slab_energy_unrelaxed_eV", "slab_energy_relaxed_eV", "gamma_unrelaxed_J_per_m2",
                "gamma_relaxed_J_per_m2", "converged", "steps", "failure");
        Map<String, double[]> gammas = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Object> models = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (Model m : context.subjects()) {
            double eBulk = energy(m, bulk) / bulk.size();
            double eSlab = energy(m, s0);
            Relaxer.Result r = relaxer.relax(s0, m.potential());
            double g0 = (eSlab - n * eBulk) * toJ;
            double g = r.failed() ? Double.NaN : (r.energy() - n * eBulk) * toJ;
            gammas.put(m.name(), new double[] {g0, g});
            if (r.failed()) failures.put(m.name(), r.failure());
            else if (!Double.isFinite(g0) || !Double.isFinite(eBulk)) failures.put(m.name(), "energy not finite");
            csv.row(m.name(), eBulk, eSlab, r.energy(), g0, g, r.converged(), r.steps(), r.failure());
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("bulk_energy_per_atom_eV", eBulk);
            j.put("gamma_unrelaxed_J_per_m2", g0);
            j.put("gamma_relaxed_J_per_m2", g);
            j.put("converged", r.converged());
            j.put("steps", r.steps());
            if (r.failed()) j.put("failure", r.failure());
            models.put(m.name(), j);
            rows.add(List.of(m.name(), Score.number(g0), r.failed() ? "failed: " + r.failure() : Score.number(g), r.converged() ? "yes" : "no",
                    Integer.toString(r.steps())));
            context.say("  %s: γ unrelaxed %.4f J/m², relaxed %s", m.name(), g0, r.failed() ? "failed: " + r.failure()
                    : String.format(Locale.ROOT, "%.4f J/m² (%s, %d steps)", g, r.converged() ? "converged" : "NOT converged", r.steps()));
            if (!r.failed()) StructureIO.write(dir.resolve("relaxed_" + m.name() + ".extxyz"), new Frame(r.system()));
        }
        csv.write(dir.resolve("surface_energies.csv"));
        Map<String, Score> row = new LinkedHashMap<>();
        double[] ref = context.reference() == null ? null : gammas.get(context.reference().name());
        String refFailure = context.reference() == null ? "no reference" : failures.get(context.reference().name());
        for (Model m : context.models()) {
            if (failures.containsKey(m.name())) row.put(m.name(), Score.failed(failures.get(m.name())));
            else if (refFailure != null) row.put(m.name(), Score.none("reference: " + refFailure));
            else row.put(m.name(), Score.of(100 * (gammas.get(m.name())[1] - ref[1]) / ref[1]));
        }
        outcome.row(new HeadlineRow(title(), ENERGY, row));
        outcome.json().put("atoms", n);
        outcome.json().put("area_A2", slab.area());
        outcome.json().put("models", models);
        outcome.section().paragraph(String.format(Locale.ROOT, "Slab of %d atoms (%d stacked units of %.3f Å, %.1f Å² per surface) cut from %s, "
                + "relaxed (atoms only) with %s to fmax %s eV/Å; γ = (E_slab − N·e_bulk)/2A with e_bulk of the same model at the given lattice constant.",
                n, layers, slab.spacing(), slab.area(), crystal.describe(), minimizer, Crystal.plain(fmax)));
        outcome.section().table(List.of("model", "γ unrelaxed (J/m²)", "γ relaxed (J/m²)", "converged", "steps"), rows);
        return outcome;
    }

    private static double energy(Model m, AtomicSystem s) {
        ForceResult r = new ForceResult();
        new ForceCalculator(m.potential(), 0.0).compute(s, r);
        return r.energy;
    }
}
