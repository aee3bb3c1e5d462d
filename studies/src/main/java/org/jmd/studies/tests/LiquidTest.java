package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.analysis.BondAngleDistribution;
import org.jmd.analysis.CoordinationNumbers;
import org.jmd.analysis.MeanSquaredDisplacement;
import org.jmd.analysis.RadialDistribution;
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
import org.jmd.studies.structure.Liquids;
import org.jmd.studies.structure.MolecularDynamics;
import org.jmd.studies.structure.Relaxer;

/**
 * {@code liquid species=S1[,S2] atoms=N density=D temperature=T melt=TM steps=N}: every model and
 * the reference melt the same start (N atoms on a grid at density D g/cm³) at TM, cool it to T
 * and sample it there (stochastic velocity rescaling, the same seed for all), sampling g(r), the
 * bond-angle distribution, the MSD and coordination with the analysis module's classes. The
 * headline compares each model's liquid with the reference's: the relative L1 distance of g(r) and
 * of p(θ), and the error in the diffusion coefficient. A liquid that fails — atoms fused, energy
 * not finite or running away — is reported with the time it failed (ps since melting began).
 */
public final class LiquidTest implements StudyTest {
    static final Metric RDF = Metric.error("g(r) distance", "", 0.05, 0.15);
    static final Metric ADF = Metric.error("p(θ) distance", "", 0.05, 0.15);
    static final Metric DIFFUSION = Metric.error("D error", "%", 15, 40);
    /**
     * eV/atom a stage's potential energy may move from its start: melting a grid start takes a
     * liquid up by a few eV/atom at most; a model that collapses goes far beyond (and heats up first).
     */
    static final double MAX_ENERGY_CHANGE = 5.0;

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "liquid"; }

        @Override public String usage() {
            return "liquid species=S1[,S2] atoms=N density=G_PER_CM3 temperature=T melt=TM steps=N [melt_steps=2000] [equilibrate=2000] "
                    + "[timestep=1] [every=10] [damping=100] [rdf_cutoff=6] [bins=120] [bond=RC] [seed=1] [name=ID]";
        }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(0);
            String[] species = a.string("species").split(",");
            int atoms = a.integer("atoms");
            double density = a.real("density");
            double t = a.real("temperature"), melt = a.real("melt");
            int steps = a.integer("steps");
            int meltSteps = a.integer("melt_steps", 2000), equilibrate = a.integer("equilibrate", 2000);
            double dt = a.real("timestep", 1.0);
            int every = a.integer("every", 10);
            double damping = a.real("damping", 100);
            double cutoff = a.real("rdf_cutoff", 6.0);
            int bins = a.integer("bins", 120);
            double bond = a.real("bond", Double.NaN);
            long seed = a.integer("seed", 1);
            String id = a.string("name", "liquid-" + String.join("", species) + "-" + Crystal.plain(t) + "K");
            a.requireAllUsed();
            if (!(density > 0)) throw a.error("density= must be positive (g/cm³), got " + density);
            if (!(t > 0) || !(melt > 0)) throw a.error("temperature= and melt= must be positive (K)");
            if (steps < 10 * every || every < 1) throw a.error("steps= must give at least 10 samples (every=" + every + "), got " + steps);
            if (meltSteps < 0 || equilibrate < 0) throw a.error("melt_steps= and equilibrate= must not be negative");
            if (!(dt > 0) || !(damping > 0) || !(cutoff > 0) || bins < 10) throw a.error("timestep=, damping= and rdf_cutoff= must be positive, bins= at least 10");
            try {
                Liquids.start(species, atoms, density, seed);
            } catch (org.jmd.engine.InputException e) {
                throw a.error(e.problem());
            }
            return new LiquidTest(id, species, atoms, density, t, melt, steps, meltSteps, equilibrate, dt, every, damping, cutoff, bins, bond, seed);
        }
    }

    /** What one subject's liquid gave, or where it failed; {@code sampled} holds every sampled frame. */
    record Run(String model, MolecularDynamics.Failure failure, double[] r, double[] g, double[] angle, double[] p,
               double[] msdTime, double[] msd, double diffusion, double meanCoordination, double spreadCrossingPs, double maxSpread,
               List<AtomicSystem> sampled) {
        /** The same run with its angle distribution and mean coordination. */
        Run withBonds(double[] angle, double[] p, double meanCoordination) {
            return new Run(model, failure, r, g, angle, p, msdTime, msd, diffusion, meanCoordination, spreadCrossingPs, maxSpread, sampled);
        }
    }

    private final String id;
    private final String[] species;
    private final int atoms;
    private final double density, temperature, melt;
    private final int steps, meltSteps, equilibrate;
    private final double timestep;
    private final int every;
    private final double damping, cutoff;
    private final int bins;
    private final double bond;
    private final long seed;

    LiquidTest(String id, String[] species, int atoms, double density, double temperature, double melt, int steps, int meltSteps,
               int equilibrate, double timestep, int every, double damping, double cutoff, int bins, double bond, long seed) {
        this.id = id;
        this.species = species;
        this.atoms = atoms;
        this.density = density;
        this.temperature = temperature;
        this.melt = melt;
        this.steps = steps;
        this.meltSteps = meltSteps;
        this.equilibrate = equilibrate;
        this.timestep = timestep;
        this.every = every;
        this.damping = damping;
        this.cutoff = cutoff;
        this.bins = bins;
        this.bond = bond;
        this.seed = seed;
    }

    @Override public String id() { return id; }

    @Override public String title() { return "liquid " + String.join(",", species) + " " + Crystal.plain(temperature) + " K"; }

    @Override public boolean needsReferencePotential() { return false; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        Path dir = context.testDir(id);
        // --quick: a tenth of every stage (at least 10 samples): a check that the test runs, enough to see a quick failure
        int sample = context.quick() ? Math.max(10 * every, steps / 10) : steps;
        int meltN = context.quick() ? meltSteps / 10 : meltSteps, equilN = context.quick() ? equilibrate / 10 : equilibrate;
        AtomicSystem start = Liquids.start(species, atoms, density, seed);
        if (context.reference() != null) {
            // the grid's bonds are far from any potential's: let the reference settle them first, so that
            // melting does not start with a burst of heat, and every model starts from the same structure
            Relaxer.Result settled = new Relaxer("fire", 0.1, 300, 0).relax(start, context.reference().potential());
            if (!settled.failed()) start = settled.system();
        }
        double fuse = 0.4 * start.cell().h(0, 0) / Math.ceil(Math.cbrt(atoms)); // 0.4 × the grid spacing
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Model m : context.subjects()) {
            long t = System.nanoTime();
            Run r = run(context, m, start, sample, meltN, equilN, fuse);
            runs.put(m.name(), r);
            context.say("  %s: %d steps in %.0f s%s", m.name(), meltN + equilN + sample, (System.nanoTime() - t) * 1e-9,
                    r.failure() == null ? "" : ", failed: " + r.failure().describe());
        }
        // angles and coordination within the reference's first g(r) minimum (else the first stable liquid's), for every run alike
        double bondCutoff = bond;
        for (Run r : runs.values()) {
            if (!Double.isNaN(bondCutoff)) break;
            if (r.failure() == null) bondCutoff = firstMinimum(r.r(), r.g());
        }
        for (Map.Entry<String, Run> e : runs.entrySet()) {
            Run r = e.getValue();
            if (r.failure() == null && !Double.isNaN(bondCutoff)) e.setValue(bonds(r, bondCutoff));
            r = e.getValue();
            context.say("  %s: %s", r.model(), r.failure() != null ? "FAILED: " + r.failure().describe()
                    : String.format(Locale.ROOT, "g(r) first peak %.3f Å (%.2f), D %.4g Å²/ps, mean coordination %.2f within %.2f Å%s", firstPeak(r.r(), r.g())[0],
                    firstPeak(r.r(), r.g())[1], r.diffusion(), r.meanCoordination(), bondCutoff,
                    Double.isNaN(r.spreadCrossingPs()) ? "" : String.format(Locale.ROOT, "; force spread first above %s eV/Å at %.2f ps",
                            Crystal.plain(context.maxForceSpread()), r.spreadCrossingPs())));
        }
        Run ref = context.reference() == null ? null : runs.get(context.reference().name());
        Map<String, Score> gRow = new LinkedHashMap<>(), pRow = new LinkedHashMap<>(), dRow = new LinkedHashMap<>();
        for (Model m : context.models()) {
            Run r = runs.get(m.name());
            if (r.failure() != null) {
                Score f = Score.failed(r.failure().describe());
                gRow.put(m.name(), f);
                pRow.put(m.name(), f);
                dRow.put(m.name(), f);
            } else if (ref == null || ref.failure() != null) {
                String why = ref == null ? "no reference" : "reference failed: " + ref.failure().describe();
                gRow.put(m.name(), Score.none(why));
                pRow.put(m.name(), Score.none(why));
                dRow.put(m.name(), Score.of(r.diffusion(), "D, Å²/ps"));
            } else {
                gRow.put(m.name(), Score.of(distance(r.r(), r.g(), ref.g())));
                pRow.put(m.name(), Score.of(0.5 * l1(r.angle(), r.p(), ref.p())));
                dRow.put(m.name(), Score.of(100 * (r.diffusion() - ref.diffusion()) / ref.diffusion()));
            }
        }
        outcome.row(new HeadlineRow(title(), RDF, gRow));
        outcome.row(new HeadlineRow(title(), ADF, pRow));
        outcome.row(new HeadlineRow(title(), DIFFUSION, dRow));
        snapshots(context, outcome, runs);
        report(context, outcome, dir, runs, sample, meltN, equilN, bondCutoff);
        return outcome;
    }

    /** One subject's liquid: melt, cool, sample g(r) and the MSD on the fly and keep the sampled frames. */
    private Run run(StudyContext context, Model m, AtomicSystem start, int sample, int meltN, int equilN, double fuse) {
        AtomicSystem s = start.copy();
        MaxwellBoltzmann.assign(s, melt, seed);
        MolecularDynamics md = new MolecularDynamics(s, m.potential(), timestep, fuse, MAX_ENERGY_CHANGE, context.maxForceSpread());
        String thermostat = "nvt-csvr damping=" + damping + " seed=" + seed + " temperature=";
        // melting from the start may heat past the thermostat for a moment: no temperature limit there
        MolecularDynamics.Failure f = md.run(thermostat + melt, meltN, Double.POSITIVE_INFINITY, null);
        if (f == null) f = md.run(thermostat + temperature, equilN, temperature, null);
        RadialDistribution rdf = new RadialDistribution(cutoff, bins);
        List<AtomicSystem> frames = new ArrayList<>();
        if (f == null) {
            frames.add(s.copy());
            f = md.run(thermostat + temperature, sample, temperature, (d, k) -> {
                if (k % every != 0) return;
                rdf.add(d.system);
                frames.add(d.system.copy());
            });
        }
        if (f != null) return new Run(m.name(), f, null, null, null, null, null, null, Double.NaN, Double.NaN, md.firstSpreadCrossing(), md.maxSpread(), frames);
        double[][] msd = msd(frames, every * timestep);
        return new Run(m.name(), null, rdf.r(), rdf.g(), null, null, msd[0], msd[1], diffusion(msd[0], msd[1]), Double.NaN,
                md.firstSpreadCrossing(), md.maxSpread(), frames);
    }

    /** Time origins of the MSD average: this many, spread over the first half of the sampling. */
    static final int ORIGINS = 10;

    /**
     * The MSD (Å², against lag in ps, up to half the sampling) averaged over {@value #ORIGINS} time
     * origins spread over the first half: the analysis module's {@link MeanSquaredDisplacement}
     * (centre of mass removed) from each origin, then the mean. A 64-atom liquid's single-origin MSD
     * scatters by tens of percent; the average is what makes D comparable between models.
     */
    static double[][] msd(List<AtomicSystem> frames, double intervalFs) {
        int lags = (frames.size() - 1) / 2;
        int step = Math.max(1, lags / ORIGINS), count = 0;
        double[] sum = new double[lags + 1];
        for (int o = 0; o + lags < frames.size() && count < ORIGINS; o += step, count++) {
            MeanSquaredDisplacement m = new MeanSquaredDisplacement();
            for (int j = 0; j <= lags; j++) m.add(frames.get(o + j), j * intervalFs);
            double[] v = m.msd();
            for (int j = 0; j <= lags; j++) sum[j] += v[j];
        }
        double[] time = new double[lags + 1];
        for (int j = 0; j <= lags; j++) {
            time[j] = j * intervalFs / 1000;
            sum[j] /= count;
        }
        return new double[][] {time, sum};
    }

    /** D = slope / 6 (Å²/ps) of the least-squares line through the second half of the MSD curve (diffusive, not ballistic). */
    static double diffusion(double[] t, double[] msd) {
        double half = t[t.length - 1] / 2, st = 0, sm = 0;
        int n = 0;
        for (int k = 0; k < t.length; k++) if (t[k] >= half) { st += t[k]; sm += msd[k]; n++; }
        if (n < 2) return Double.NaN;
        st /= n;
        sm /= n;
        double stt = 0, stm = 0;
        for (int k = 0; k < t.length; k++) if (t[k] >= half) { stt += (t[k] - st) * (t[k] - st); stm += (t[k] - st) * (msd[k] - sm); }
        return stm / stt / 6;
    }

    /** Bond angles and the mean coordination within {@code cutoff}, from the run's sampled frames. */
    private static Run bonds(Run r, double cutoff) {
        BondAngleDistribution adf = new BondAngleDistribution(cutoff, 180);
        CoordinationNumbers cn = new CoordinationNumbers(cutoff);
        for (AtomicSystem frame : r.sampled()) {
            adf.add(frame);
            cn.add(frame);
        }
        AtomicSystem s = r.sampled().get(0);
        double mean = 0;
        for (String sp : cn.species()) {
            int count = 0;
            for (int i = 0; i < s.size(); i++) if (s.symbol(i).equals(sp)) count++;
            if (count > 0) mean += cn.mean(sp) * count;
        }
        return r.withBonds(adf.angles(), adf.p(), mean / s.size());
    }

    /** Frames of every run, labelled by the reference, for the diagnostics. */
    private void snapshots(StudyContext context, TestOutcome outcome, Map<String, Run> runs) {
        if (context.reference() == null) return;
        ForceCalculator calc = new ForceCalculator(context.reference().potential(), 0.0);
        for (Run r : runs.values()) {
            // three frames spread over the sampling (of a failed run: the last ones before it failed)
            List<AtomicSystem> all = r.sampled();
            for (int k = 1; k <= Math.min(3, all.size()); k++) {
                AtomicSystem frame = all.get(all.size() * k / Math.min(3, all.size()) - 1);
                ForceResult res = new ForceResult();
                calc.invalidateNeighbors();
                calc.compute(frame, res);
                if (Double.isFinite(res.energy)) outcome.snapshot(new Snapshot(id, r.model() + " liquid frame " + k, frame, res.energy, res.forces));
            }
        }
    }

    private void report(StudyContext context, TestOutcome outcome, Path dir, Map<String, Run> runs, int sample, int meltN, int equilN, double bondCutoff) {
        outcome.section().paragraph(String.format(Locale.ROOT, "%d atoms (%s) at %s g/cm³, started on a grid, melted at %s K for %d steps, "
                + "cooled to and held at %s K for %d steps, then sampled every %d steps for %d steps (timestep %s fs, stochastic velocity rescaling, "
                + "damping %s fs, the same seed for every model). g(r) to %s Å in %d bins (LAMMPS's normalisation); angles and coordination within "
                + "%.2f Å (the reference's first g(r) minimum unless bond= is given); D from the second half of the MSD averaged over %d time origins. "
                + "Distance of g(r): ∫|g − g_ref| dr / ∫ g_ref dr; of p(θ): ½ ∫|p − p_ref| dθ (0 = identical, 1 = disjoint).",
                atoms, String.join(",", species), Crystal.plain(density), Crystal.plain(melt), meltN, Crystal.plain(temperature), equilN, every, sample,
                Crystal.plain(timestep), Crystal.plain(damping), Crystal.plain(cutoff), bins, bondCutoff, ORIGINS));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> models = new LinkedHashMap<>();
        outcome.setResult(runs);
        List<StudyPlots.Series> gs = new ArrayList<>(), ps = new ArrayList<>(), ms = new ArrayList<>();
        Csv rdfCsv = null;
        for (Run r : runs.values()) {
            Map<String, Object> j = new LinkedHashMap<>();
            if (!Double.isNaN(r.spreadCrossingPs())) j.put("force_spread_first_above_limit_ps", r.spreadCrossingPs());
            if (!Double.isNaN(r.maxSpread())) j.put("max_force_spread_eV_per_A", r.maxSpread());
            String spread = Double.isNaN(r.maxSpread()) ? "—" : Score.number(r.maxSpread())
                    + (Double.isNaN(r.spreadCrossingPs()) ? "" : String.format(Locale.ROOT, " (> %s at %.2f ps)", Crystal.plain(context.maxForceSpread()), r.spreadCrossingPs()));
            if (r.failure() != null) {
                j.put("failure", r.failure().what());
                j.put("failure_time_ps", r.failure().timePs());
                rows.add(List.of(r.model(), "failed: " + r.failure().describe(), "—", "—", "—", "—", spread));
            } else {
                double[] peak = firstPeak(r.r(), r.g());
                j.put("first_peak_A", peak[0]);
                j.put("first_peak_g", peak[1]);
                j.put("diffusion_A2_per_ps", r.diffusion());
                j.put("mean_coordination", r.meanCoordination());
                j.put("r_A", r.r());
                j.put("g", r.g());
                if (r.p() != null) {
                    j.put("angle_deg", r.angle());
                    j.put("p", r.p());
                }
                j.put("msd_time_ps", r.msdTime());
                j.put("msd_A2", r.msd());
                rows.add(List.of(r.model(), "stable", String.format(Locale.ROOT, "%.3f", peak[0]), String.format(Locale.ROOT, "%.2f", peak[1]),
                        Score.number(r.diffusion()), Score.number(r.meanCoordination()), spread));
                gs.add(new StudyPlots.Series(r.model(), r.r(), r.g(), true));
                if (r.p() != null) ps.add(new StudyPlots.Series(r.model(), r.angle(), r.p(), true));
                ms.add(new StudyPlots.Series(r.model(), r.msdTime(), r.msd(), true));
                if (rdfCsv == null) {
                    List<String> header = new ArrayList<>(List.of("r"));
                    for (Run x : runs.values()) if (x.failure() == null) header.add("g_" + x.model());
                    rdfCsv = new Csv(header);
                    for (int b = 0; b < r.r().length; b++) {
                        Object[] row = new Object[header.size()];
                        row[0] = r.r()[b];
                        int c = 1;
                        for (Run x : runs.values()) if (x.failure() == null) row[c++] = x.g()[b];
                        rdfCsv.row(row);
                    }
                }
                Csv msdCsv = new Csv("lag_ps", "msd");
                for (int k = 0; k < r.msd().length; k++) msdCsv.row(r.msdTime()[k], r.msd()[k]);
                msdCsv.write(dir.resolve("msd_" + r.model() + ".csv"));
            }
            models.put(r.model(), j);
        }
        if (rdfCsv != null) rdfCsv.write(dir.resolve("rdf.csv"));
        outcome.json().put("atoms", atoms);
        outcome.json().put("bond_cutoff_A", bondCutoff);
        outcome.json().put("models", models);
        outcome.section().table(List.of("model", "liquid", "g(r) first peak (Å)", "g at peak", "D (Å²/ps)", "mean coordination", "max force spread (eV/Å)"), rows);
        Path g = dir.resolve("rdf.png"), p = dir.resolve("adf.png"), m = dir.resolve("msd.png");
        if (StudyPlots.xy(g, "g(r): " + title(), "r (Å)", "g(r)", gs)) outcome.section().image(context.relative(g), "Radial distribution functions, " + title());
        if (StudyPlots.xy(p, "Bond angles: " + title(), "angle (°)", "p(θ) (1/°)", ps)) outcome.section().image(context.relative(p), "Bond-angle distributions, " + title());
        if (StudyPlots.xy(m, "MSD: " + title(), "time (ps)", "MSD (Å²)", ms)) outcome.section().image(context.relative(m), "Mean-squared displacements, " + title());
    }

    /** ∫|g − g_ref| dr / ∫ g_ref dr on the common grid. */
    static double distance(double[] r, double[] g, double[] ref) {
        double num = 0, den = 0;
        for (int b = 0; b < r.length; b++) {
            num += Math.abs(g[b] - ref[b]);
            den += ref[b];
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** ∫|p − q| over the grid x (uniform). */
    static double l1(double[] x, double[] p, double[] q) {
        if (p == null || q == null) return Double.NaN;
        double dx = x.length > 1 ? x[1] - x[0] : 1, s = 0;
        for (int k = 0; k < p.length; k++) s += Math.abs(p[k] - q[k]) * dx;
        return s;
    }

    /**
     * Position and height of the highest maximum of g(r), refined by the parabola through the
     * highest bin and its two neighbours (so the position is not tied to the bin centres).
     */
    public static double[] firstPeak(double[] r, double[] g) {
        if (r == null) return new double[] {Double.NaN, Double.NaN};
        int b = 0;
        for (int k = 1; k < g.length; k++) if (g[k] > g[b]) b = k;
        if (b == 0 || b == g.length - 1) return new double[] {r[b], g[b]};
        double curvature = g[b - 1] - 2 * g[b] + g[b + 1];
        if (!(curvature < 0)) return new double[] {r[b], g[b]};
        double offset = 0.5 * (g[b - 1] - g[b + 1]) / curvature;
        return new double[] {r[b] + offset * (r[b + 1] - r[b]), g[b] - 0.25 * (g[b - 1] - g[b + 1]) * offset};
    }

    /** The first minimum of g(r) after its highest peak (smoothed over three bins), or NaN if none within the range. */
    static double firstMinimum(double[] r, double[] g) {
        int peak = 0;
        for (int b = 1; b < g.length; b++) if (g[b] > g[peak]) peak = b;
        for (int b = peak + 2; b < g.length - 2; b++) {
            double here = g[b - 1] + g[b] + g[b + 1], before = g[b - 2] + g[b - 1] + g[b], after = g[b] + g[b + 1] + g[b + 2];
            if (here <= before && here < after) return r[b];
        }
        return Double.NaN;
    }
}
