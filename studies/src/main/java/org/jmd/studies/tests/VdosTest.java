package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.analysis.VibrationalDensityOfStates;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.md.MaxwellBoltzmann;
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
import org.jmd.studies.structure.Crystal;
import org.jmd.studies.structure.MolecularDynamics;

/**
 * {@code vdos lattice=... temperature=T steps=N}: the vibrational density of states of a crystal at
 * T — equilibrated with a thermostat, then sampled in NVE — from the mass-weighted velocity
 * autocorrelation (the analysis module's {@link VibrationalDensityOfStates}), for the reference and
 * every model from the same start. The headline is the overlap ∫ min(g, g_ref) dν / ∫ g_ref dν of
 * each model's spectrum with the reference's (1 = identical, 0 = disjoint).
 */
public final class VdosTest implements StudyTest {
    static final Metric OVERLAP = Metric.score("VDOS overlap", "", 0.9, 0.75);

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "vdos"; }

        @Override public String usage() {
            return "vdos lattice=NAME a=A [c=C u=U] species=S temperature=T steps=N [repeat=2,2,2] [equilibrate=1000] [every=2] [timestep=1] [seed=1] [name=ID]";
        }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(0);
            Crystal crystal = Crystal.parse(a);
            double t = a.real("temperature");
            int steps = a.integer("steps");
            int[] repeat = a.has("repeat") ? a.integers("repeat") : new int[] {2, 2, 2};
            int equilibrate = a.integer("equilibrate", 1000), every = a.integer("every", 2);
            double dt = a.real("timestep", 1.0);
            long seed = a.integer("seed", 1);
            String id = a.string("name", "vdos-" + crystal.lattice() + "-" + Crystal.plain(t) + "K");
            a.requireAllUsed();
            if (!(t > 0)) throw a.error("temperature= must be positive (K), got " + t);
            if (repeat.length != 3 || repeat[0] < 1 || repeat[1] < 1 || repeat[2] < 1) throw a.error("repeat= expects three positive counts");
            if (every < 1 || steps < 20 * every) throw a.error("steps= must give at least 20 samples (every=" + every + "), got " + steps);
            if (equilibrate < 0 || !(dt > 0)) throw a.error("equilibrate= must not be negative and timestep= must be positive");
            return new VdosTest(id, crystal, repeat, t, steps, equilibrate, every, dt, seed);
        }
    }

    private final String id;
    private final Crystal crystal;
    private final int[] repeat;
    private final double temperature;
    private final int steps, equilibrate, every;
    private final double timestep;
    private final long seed;

    VdosTest(String id, Crystal crystal, int[] repeat, double temperature, int steps, int equilibrate, int every, double timestep, long seed) {
        this.id = id;
        this.crystal = crystal;
        this.repeat = repeat;
        this.temperature = temperature;
        this.steps = steps;
        this.equilibrate = equilibrate;
        this.every = every;
        this.timestep = timestep;
        this.seed = seed;
    }

    @Override public String id() { return id; }

    @Override public String title() { return "VDOS " + crystal.lattice() + " " + String.join(",", crystal.species()) + " " + Crystal.plain(temperature) + " K"; }

    @Override public boolean needsReferencePotential() { return true; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        Path dir = context.testDir(id);
        // --quick: a tenth of each stage (at least 20 samples)
        int sample = context.quick() ? Math.max(20 * every, steps / 10) : steps;
        int equil = context.quick() ? equilibrate / 10 : equilibrate;
        AtomicSystem start = crystal.supercell(repeat[0], repeat[1], repeat[2]);
        double fuse = 0.4 * NanoparticleTest.median(new org.jmd.studies.structure.Contacts().nearest(start, 6.0));
        Map<String, VibrationalDensityOfStates.Spectrum> spectra = new LinkedHashMap<>();
        Map<String, MolecularDynamics.Failure> failures = new LinkedHashMap<>();
        for (Model m : context.subjects()) {
            AtomicSystem s = start.copy();
            // twice the target: equipartition halves it as the crystal takes up potential energy
            MaxwellBoltzmann.assign(s, 2 * temperature, seed);
            MolecularDynamics md = new MolecularDynamics(s, m.potential(), timestep, fuse, 1.0, context.maxForceSpread());
            MolecularDynamics.Failure f = md.run("nvt-csvr damping=100 seed=" + seed + " temperature=" + temperature, equil, temperature, null);
            VibrationalDensityOfStates vdos = new VibrationalDensityOfStates();
            List<AtomicSystem> frames = new ArrayList<>();
            if (f == null) {
                vdos.add(s, md.dynamics().clock.time);
                f = md.run("nve", sample, temperature, (d, k) -> {
                    if (k % every == 0) vdos.add(d.system, d.clock.time);
                    if (k == sample / 2 || k == sample) frames.add(d.system.copy());
                });
            }
            if (f != null) {
                failures.put(m.name(), f);
                context.say("  %s: FAILED: %s", m.name(), f.describe());
                continue;
            }
            VibrationalDensityOfStates.Spectrum spectrum = vdos.compute();
            spectra.put(m.name(), spectrum);
            if (context.reference() != null && m == context.reference()) {
                ForceCalculator calc = new ForceCalculator(m.potential(), 0.0);
                int k = 0;
                for (AtomicSystem frame : frames) {
                    ForceResult r = new ForceResult();
                    calc.invalidateNeighbors();
                    calc.compute(frame, r);
                    outcome.snapshot(new Snapshot(id, "crystal at " + Crystal.plain(temperature) + " K, frame " + (++k), frame, r.energy, r.forces));
                }
            }
            context.say("  %s: mean frequency %.2f THz", m.name(), mean(spectrum));
        }
        VibrationalDensityOfStates.Spectrum ref = context.reference() == null ? null : spectra.get(context.reference().name());
        Map<String, Score> row = new LinkedHashMap<>();
        Map<String, Object> models = new LinkedHashMap<>();
        List<List<String>> table = new ArrayList<>();
        List<StudyPlots.Series> series = new ArrayList<>();
        for (Model m : context.subjects()) {
            VibrationalDensityOfStates.Spectrum s = spectra.get(m.name());
            Map<String, Object> j = new LinkedHashMap<>();
            if (s == null) {
                j.put("failure", failures.get(m.name()).describe());
                if (m != context.reference()) row.put(m.name(), Score.failed(failures.get(m.name()).describe()));
                table.add(List.of(m.name(), "failed: " + failures.get(m.name()).describe(), "—"));
            } else {
                double overlap = ref == null ? Double.NaN : overlap(s, ref);
                j.put("mean_frequency_THz", mean(s));
                j.put("overlap", overlap);
                j.put("frequency_THz", s.frequency());
                j.put("vdos", s.vdos());
                if (m != context.reference()) row.put(m.name(), ref == null ? Score.none("no reference spectrum") : Score.of(overlap));
                table.add(List.of(m.name(), String.format(Locale.ROOT, "%.2f", mean(s)), Score.number(overlap)));
                series.add(new StudyPlots.Series(m.name(), s.frequency(), s.vdos(), true));
                Csv csv = new Csv("frequency_thz", "vdos");
                for (int k = 0; k < s.frequency().length; k++) csv.row(s.frequency()[k], s.vdos()[k]);
                csv.write(dir.resolve("vdos_" + m.name() + ".csv"));
            }
            models.put(m.name(), j);
        }
        outcome.row(new HeadlineRow(title(), OVERLAP, row));
        outcome.json().put("atoms", start.size());
        outcome.json().put("models", models);
        outcome.section().paragraph(String.format(Locale.ROOT, "%s repeated %d×%d×%d (%d atoms), velocities at 2T, %d steps with stochastic velocity "
                + "rescaling at %s K, then %d NVE steps sampled every %d (timestep %s fs); spectra normalised to 3N. Overlap: ∫ min(g, g_ref) dν / ∫ g_ref dν.",
                crystal.describe(), repeat[0], repeat[1], repeat[2], start.size(), equil, Crystal.plain(temperature), sample, every, Crystal.plain(timestep)));
        outcome.section().table(List.of("model", "mean frequency (THz)", "overlap with the reference"), table);
        Path png = dir.resolve("vdos.png");
        if (StudyPlots.xy(png, title(), "frequency (THz)", "VDOS (states/THz)", trim(series))) outcome.section().image(context.relative(png), "Vibrational densities of states, " + title());
        return outcome;
    }

    /** ∫ min(g, g_ref) / ∫ g_ref on the common frequency grid. */
    static double overlap(VibrationalDensityOfStates.Spectrum s, VibrationalDensityOfStates.Spectrum ref) {
        int n = Math.min(s.vdos().length, ref.vdos().length);
        double num = 0, den = 0;
        for (int k = 0; k < n; k++) {
            num += Math.min(s.vdos()[k], ref.vdos()[k]);
            den += ref.vdos()[k];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    static double mean(VibrationalDensityOfStates.Spectrum s) {
        double num = 0, den = 0;
        for (int k = 0; k < s.frequency().length; k++) {
            num += s.frequency()[k] * s.vdos()[k];
            den += s.vdos()[k];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** The plot stops where every spectrum has fallen below 0.1 % of its peak (the rest up to Nyquist is empty). */
    private static List<StudyPlots.Series> trim(List<StudyPlots.Series> series) {
        int last = 0;
        for (StudyPlots.Series s : series) {
            double peak = 0;
            for (double v : s.y()) peak = Math.max(peak, v);
            for (int k = 0; k < s.y().length; k++) if (s.y()[k] > 1e-3 * peak) last = Math.max(last, k);
        }
        List<StudyPlots.Series> out = new ArrayList<>();
        int end = Math.min(last + 10, series.isEmpty() ? 0 : series.get(0).x().length);
        for (StudyPlots.Series s : series) {
            out.add(new StudyPlots.Series(s.name(), java.util.Arrays.copyOf(s.x(), Math.min(end, s.x().length)),
                    java.util.Arrays.copyOf(s.y(), Math.min(end, s.y().length)), true));
        }
        return out;
    }
}
