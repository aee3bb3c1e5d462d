package org.jmd.studies.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Uncertainty;
import org.jmd.io.Frame;
import org.jmd.studies.DiagnosticSettings;
import org.jmd.studies.Model;
import org.jmd.studies.Score;
import org.jmd.studies.Snapshot;
import org.jmd.studies.StudyContext;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.report.Csv;
import org.jmd.studies.report.ReportDocument;
import org.jmd.studies.report.StudyPlots;
import org.jmd.studies.tests.BulkTest;
import org.jmd.training.InvariantPoints;
import org.jmd.training.TrainingContext.InvariantPoint;

/**
 * The diagnostics of Kandy et al. (PRB 107, 174106, 2023) on every structure the tests collected
 * (data sets, nanoparticle starts and relaxed structures, liquid frames), per atom and per
 * structure, set against each model's actual errors there:
 * <ul>
 * <li>committee force spread σ_i (for models that report one, through the engine's {@link Uncertainty});</li>
 * <li>descriptor-space density: the mean distance to the k nearest training environments in the
 *     scaled descriptor space ({@link DescriptorSpace}, {@link NearestEnvironments});</li>
 * <li>convex-hull membership of each environment among the training environments, in the space of
 *     the first principal components ({@link Pca}, {@link ConvexHull});</li>
 * <li>information imbalance between descriptor spaces and the models' atomic energies and errors
 *     ({@link InformationImbalance});</li>
 * <li>the atomic energies at invariant points (isolated atoms, single-element crystals of the bulk
 *     tests; Yoo et al., PRM 3, 093802, 2019), through training's {@link InvariantPoints}.</li>
 * </ul>
 * For each diagnostic the report gives its Spearman rank correlation with the per-atom force error
 * |F_model − F_ref| and with the per-structure energy error |E_model − E_ref|/N.
 */
public final class Diagnostics {
    /** The diagnostics' part of the report and of summary.json. */
    public record Outcome(ReportDocument section, Map<String, Object> json) {}

    /** Atoms at most used for the information imbalance (O(N²)), picked at random with the seed. */
    static final int IMBALANCE_ATOMS = 1500;

    private final DiagnosticSettings settings;
    private final List<Frame> training;
    private final StudyContext context;

    public Diagnostics(DiagnosticSettings settings, List<Frame> training, StudyContext context) {
        this.settings = settings;
        this.training = training;
        this.context = context;
    }

    /** Per model, per atom of all snapshots in order: force error, atomic energy, spread (NaN when none). */
    private record Predictions(double[] forceError, double[] atomEnergy, double[] spread, double[] energyError) {}

    public Outcome run(List<TestOutcome> outcomes) {
        ReportDocument section = new ReportDocument("");
        Map<String, Object> json = new LinkedHashMap<>();
        section.heading(1, "Diagnostics");
        List<Snapshot> snaps = new ArrayList<>();
        for (TestOutcome o : outcomes) {
            for (Snapshot s : o.snapshots()) if (s.forces() != null && Double.isFinite(s.energy())) snaps.add(s);
        }
        Path dir = context.testDir("diagnostics");
        invariantPoints(outcomes, section, json);
        if (snaps.isEmpty()) {
            section.paragraph("No test collected structures to diagnose (the data, nanoparticle and liquid tests do).");
            return new Outcome(section, json);
        }
        int atoms = 0;
        int[] first = new int[snaps.size() + 1];
        for (int k = 0; k < snaps.size(); k++) {
            first[k] = atoms;
            atoms += snaps.get(k).system().size();
        }
        first[snaps.size()] = atoms;
        context.say("diagnostics: %d structures, %d atoms from %d tests", snaps.size(), atoms, outcomes.size());

        // every model on every structure
        Map<String, Predictions> predictions = new LinkedHashMap<>();
        for (Model m : context.models()) predictions.put(m.name(), predict(m, snaps, atoms, first));
        double[] refAtomEnergy = null;
        if (context.reference() != null) refAtomEnergy = predict(context.reference(), snaps, atoms, first).atomEnergy();

        // descriptor space: distances to the training environments and hull membership
        double[] knn = new double[atoms], outside = new double[atoms];
        Arrays.fill(knn, Double.NaN);
        Arrays.fill(outside, Double.NaN);
        double[][] scaled = new double[atoms][];
        String[] element = new String[atoms];
        for (int k = 0; k < snaps.size(); k++) {
            AtomicSystem s = snaps.get(k).system();
            for (int i = 0; i < s.size(); i++) element[first[k] + i] = s.symbol(i);
        }
        DescriptorSpace space = null;
        Map<String, Object> spaceJson = new LinkedHashMap<>();
        if (!training.isEmpty()) {
            long t = System.nanoTime();
            space = new DescriptorSpace(training, settings.environments(), settings.seed());
            context.say("diagnostics: training descriptors in %.1f s", (System.nanoTime() - t) * 1e-9);
            DescriptorSpace.Describer describer = space.describer();
            for (int k = 0; k < snaps.size(); k++) {
                double[][] g = describer.scaled(snaps.get(k).system());
                System.arraycopy(g, 0, scaled, first[k], g.length);
            }
            for (int e = 0; e < space.elements().length; e++) {
                List<double[]> env = space.sample(e, settings.environments(), settings.seed());
                if (env.size() < Math.max(settings.neighbours(), settings.components() + 1)) continue;
                NearestEnvironments nearest = new NearestEnvironments(env, settings.neighbours());
                Pca pca = new Pca(env, settings.components());
                List<double[]> hullPoints = new ArrayList<>();
                for (double[] g : space.sample(e, settings.hullPoints(), settings.seed() + 1)) hullPoints.add(pca.project(g));
                ConvexHull hull = new ConvexHull(hullPoints, settings.seed());
                int outsideCount = 0, count = 0;
                for (int a = 0; a < atoms; a++) {
                    if (scaled[a] == null || space.element(element[a]) != e) continue;
                    knn[a] = nearest.distance(scaled[a]);
                    outside[a] = hull.contains(pca.project(scaled[a])) ? 0 : 1;
                    outsideCount += (int) outside[a];
                    count++;
                }
                Map<String, Object> el = new LinkedHashMap<>();
                el.put("training_atoms", space.trainingAtoms(e));
                el.put("training_environments_described", space.training(e).size());
                el.put("hull_vertices_found", hull.knownVertices());
                el.put("environments_for_distances", env.size());
                el.put("hull_points", hullPoints.size());
                el.put("pca_components", pca.components());
                el.put("pca_explained_variance", pca.explained());
                el.put("atoms_diagnosed", count);
                el.put("atoms_outside_hull", outsideCount);
                spaceJson.put(space.elements()[e], el);
            }
            context.say("diagnostics: descriptor distances and hull membership in %.1f s", (System.nanoTime() - t) * 1e-9);
        }

        // correlations with the actual errors
        Map<String, double[]> atomDiagnostics = new LinkedHashMap<>();
        if (space != null) {
            atomDiagnostics.put("distance to training (k-NN)", knn);
            atomDiagnostics.put("outside training hull", outside);
        }
        List<String> header = new ArrayList<>(List.of("model", "diagnostic", "Spearman ρ, per-atom |ΔF|", "Spearman ρ, per-structure |ΔE|/N"));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> correlations = new LinkedHashMap<>();
        for (Map.Entry<String, Predictions> e : predictions.entrySet()) {
            Map<String, double[]> diags = new LinkedHashMap<>(atomDiagnostics);
            if (!allNaN(e.getValue().spread())) diags.put("committee force spread", e.getValue().spread());
            Map<String, Object> byDiag = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> d : diags.entrySet()) {
                double atom = spearman(d.getValue(), e.getValue().forceError());
                double structure = spearman(perStructure(d.getValue(), first, d.getKey().startsWith("committee")), e.getValue().energyError());
                rows.add(List.of(e.getKey(), d.getKey(), Score.number(atom), Score.number(structure)));
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("per_atom_force_error", atom);
                c.put("per_structure_energy_error", structure);
                byDiag.put(d.getKey(), c);
            }
            correlations.put(e.getKey(), byDiag);
        }

        section.paragraph(String.format(Locale.ROOT, "%d structures (%d atoms) collected by the tests, each labelled by the reference. "
                + "Errors: per atom |F_model − F_ref| (eV/Å), per structure |E_model − E_ref|/N (meV/atom). "
                + "Descriptor space: the default Behler–Parrinello symmetry functions of the training set's elements, standardised over "
                + "the training atoms; distance = mean distance to the %d nearest of up to %d training environments; hull = convex hull of up to %d "
                + "training environments in their first %d principal components (an LP feasibility test per atom). A per-structure value is the mean "
                + "over the structure's atoms (the maximum for the committee spread, the fraction for the hull).",
                snaps.size(), atoms, settings.neighbours(), settings.environments(), settings.hullPoints(), settings.components()));
        if (training.isEmpty()) section.paragraph("The study names no `training` file, so there are no descriptor-space diagnostics.");
        if (!rows.isEmpty()) {
            section.heading(2, "How well each diagnostic ranks the errors");
            section.paragraph("Spearman rank correlation ρ between a diagnostic and the actual error (1: it orders atoms or structures exactly "
                    + "as their errors; 0: no relation).");
            section.table(header, rows);
        }
        if (!spaceJson.isEmpty()) {
            List<List<String>> sp = new ArrayList<>();
            spaceJson.forEach((el, v) -> {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) v;
                sp.add(List.of(el, m.get("training_atoms").toString(), m.get("training_environments_described").toString(), m.get("atoms_diagnosed").toString(),
                        m.get("atoms_outside_hull").toString(), String.format(Locale.ROOT, "%.2f", (Double) m.get("pca_explained_variance"))));
            });
            section.table(List.of("element", "training atoms", "described", "atoms diagnosed", "outside the hull", "PCA variance kept"), sp);
        }

        imbalance(predictions, refAtomEnergy, scaled, element, space, section, json);
        plots(dir, predictions, atomDiagnostics, section);
        csv(dir, snaps, first, element, predictions, knn, outside);
        json.put("structures", snaps.size());
        json.put("atoms", atoms);
        json.put("descriptor_space", spaceJson);
        json.put("spearman", correlations);
        return new Outcome(section, json);
    }

    private Predictions predict(Model m, List<Snapshot> snaps, int atoms, int[] first) {
        double[] fe = new double[atoms], ea = new double[atoms], spread = new double[atoms], ee = new double[snaps.size()];
        Arrays.fill(spread, Double.NaN);
        ForceCalculator calc = new ForceCalculator(m.potential(), 0.0);
        ForceResult r = new ForceResult();
        for (int k = 0; k < snaps.size(); k++) {
            Snapshot s = snaps.get(k);
            int n = s.system().size();
            calc.invalidateNeighbors();
            calc.compute(s.system(), r);
            ee[k] = 1000 * Math.abs(r.energy - s.energy()) / n;
            for (int i = 0; i < n; i++) {
                double dx = r.forces[3 * i] - s.forces()[3 * i], dy = r.forces[3 * i + 1] - s.forces()[3 * i + 1], dz = r.forces[3 * i + 2] - s.forces()[3 * i + 2];
                fe[first[k] + i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
                ea[first[k] + i] = r.atomEnergies[i];
            }
            if (calc.workspace() instanceof Uncertainty u) System.arraycopy(u.forceSpread(), 0, spread, first[k], n);
        }
        return new Predictions(fe, ea, spread, ee);
    }

    /** Per structure: the mean over its atoms (for 0/1 hull flags, the fraction outside), or with {@code max} the largest (spreads flag the worst atom). */
    private static double[] perStructure(double[] perAtom, int[] first, boolean max) {
        double[] out = new double[first.length - 1];
        for (int k = 0; k < out.length; k++) {
            double sum = 0, largest = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (int a = first[k]; a < first[k + 1]; a++) {
                if (Double.isNaN(perAtom[a])) continue;
                sum += perAtom[a];
                largest = Math.max(largest, perAtom[a]);
                n++;
            }
            out[k] = n == 0 ? Double.NaN : max ? largest : sum / n;
        }
        return out;
    }

    /** Spearman's ρ over the pairs where both are finite; NaN with fewer than 3 pairs or a constant side. */
    static double spearman(double[] x, double[] y) {
        List<double[]> pairs = new ArrayList<>();
        for (int k = 0; k < x.length; k++) if (Double.isFinite(x[k]) && Double.isFinite(y[k])) pairs.add(new double[] {x[k], y[k]});
        if (pairs.size() < 3) return Double.NaN;
        double[] a = new double[pairs.size()], b = new double[pairs.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = pairs.get(k)[0];
            b[k] = pairs.get(k)[1];
        }
        if (constant(a) || constant(b)) return Double.NaN;
        return new SpearmansCorrelation().correlation(a, b);
    }

    private static boolean constant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }

    private static boolean allNaN(double[] v) {
        for (double x : v) if (!Double.isNaN(x)) return false;
        return true;
    }

    /**
     * Information imbalance, per element, among: the scaled descriptors, their radial part, each
     * model's atomic energies and force errors, and the reference's atomic energies.
     */
    private void imbalance(Map<String, Predictions> predictions, double[] refAtomEnergy, double[][] scaled, String[] element,
                           DescriptorSpace space, ReportDocument section, Map<String, Object> json) {
        Map<String, Object> all = new LinkedHashMap<>();
        boolean headed = false;
        List<String> elements = new ArrayList<>();
        for (String el : element) if (!elements.contains(el)) elements.add(el);
        for (String el : elements) {
            List<Integer> idx = new ArrayList<>();
            for (int a = 0; a < element.length; a++) if (element[a].equals(el)) idx.add(a);
            if (idx.size() < 10) continue;
            Collections.shuffle(idx, new Random(settings.seed()));
            if (idx.size() > IMBALANCE_ATOMS) idx = idx.subList(0, IMBALANCE_ATOMS);
            Map<String, double[][]> spaces = new LinkedHashMap<>();
            int e = space == null ? -1 : space.element(el);
            if (e >= 0 && scaled[idx.get(0)] != null) {
                boolean[] radial = space.radial(e);
                double[][] full = new double[idx.size()][], rad = new double[idx.size()][];
                for (int k = 0; k < idx.size(); k++) {
                    full[k] = scaled[idx.get(k)];
                    rad[k] = pick(full[k], radial);
                }
                spaces.put("descriptors", full);
                spaces.put("radial descriptors", rad);
            }
            if (refAtomEnergy != null) spaces.put("E_i reference", column(refAtomEnergy, idx));
            for (Map.Entry<String, Predictions> p : predictions.entrySet()) spaces.put("E_i " + p.getKey(), column(p.getValue().atomEnergy(), idx));
            for (Map.Entry<String, Predictions> p : predictions.entrySet()) spaces.put("|ΔF_i| " + p.getKey(), column(p.getValue().forceError(), idx));
            // a space where every atom is the same point (the errors of a model that is the reference) has no neighbours to rank
            List<String> skipped = new ArrayList<>();
            spaces.entrySet().removeIf(sp -> {
                boolean flat = flat(sp.getValue());
                if (flat) skipped.add(sp.getKey());
                return flat;
            });
            List<String> names = new ArrayList<>(spaces.keySet());
            List<List<String>> rows = new ArrayList<>();
            Map<String, Object> matrix = new LinkedHashMap<>();
            for (String a : names) {
                List<String> row = new ArrayList<>(List.of(a));
                Map<String, Object> r = new LinkedHashMap<>();
                for (String b : names) {
                    double d = a.equals(b) ? 0 : InformationImbalance.delta(spaces.get(a), spaces.get(b));
                    row.add(a.equals(b) ? "—" : String.format(Locale.ROOT, "%.2f", d));
                    r.put(b, d);
                }
                rows.add(row);
                matrix.put(a, r);
            }
            if (!headed) {
                section.heading(2, "Information imbalance");
                section.paragraph("Δ(A→B) (row A, column B; Glielmo et al., PNAS Nexus 1, pgac039, 2022): the mean rank in B of each atom's nearest "
                        + "neighbour in A, times 2/N. Near 0: A's neighbourhoods are B's (A predicts B); near 1: unrelated. Per element, on up to "
                        + IMBALANCE_ATOMS + " atoms. A small Δ(descriptors → |ΔF_i| model) means the error is a function of the environment "
                        + "that the descriptors resolve; Δ(E_i model → E_i reference) ≫ 0 while the total energies fit is the wrong atomic-energy "
                        + "mapping of Yoo et al.");
                headed = true;
            }
            List<String> header = new ArrayList<>(List.of(el + ": A \\ B"));
            header.addAll(names);
            section.paragraph("**" + el + "** (" + idx.size() + " atoms)" + (skipped.isEmpty() ? ""
                    : "; left out, the same for every atom: " + String.join(", ", skipped)));
            section.table(header, rows);
            all.put(el, matrix);
        }
        if (!all.isEmpty()) json.put("information_imbalance", all);
    }

    private static boolean flat(double[][] points) {
        for (double[] p : points) for (int d = 0; d < p.length; d++) if (Math.abs(p[d] - points[0][d]) > 1e-12) return false;
        return true;
    }

    private static double[] pick(double[] x, boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        double[] out = new double[n];
        int k = 0;
        for (int s = 0; s < mask.length; s++) if (mask[s]) out[k++] = x[s];
        return out;
    }

    private static double[][] column(double[] v, List<Integer> idx) {
        double[][] out = new double[idx.size()][1];
        for (int k = 0; k < idx.size(); k++) out[k][0] = v[idx.get(k)];
        return out;
    }

    /** The atomic energy each model assigns at the invariant points, against the reference's E/N. */
    private void invariantPoints(List<TestOutcome> outcomes, ReportDocument section, Map<String, Object> json) {
        if (context.reference() == null) return;
        List<String> elements = new ArrayList<>();
        for (Frame f : training) for (String s : f.system.symbols()) if (!elements.contains(s)) elements.add(s);
        List<InvariantPoint> points = new ArrayList<>();
        for (TestOutcome o : outcomes) {
            if (o.result() instanceof BulkTest.Result r && r.test().crystal().species().length == 1) {
                String el = r.test().crystal().species()[0];
                if (!elements.contains(el)) elements.add(el);
                points.add(InvariantPoints.crystal(r.test().crystal().lattice() + "_" + el, r.test().crystal().cell(1.0), context.reference().potential()));
            }
        }
        List<InvariantPoint> all = new ArrayList<>();
        for (String el : elements) all.add(InvariantPoints.isolatedAtom(el, context.reference().potential()));
        all.addAll(points);
        if (all.isEmpty()) return;
        List<String> header = new ArrayList<>(List.of("point", "reference (eV/atom)"));
        for (Model m : context.models()) header.add(m.name() + " deviation (meV)");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, List<InvariantPoints.Deviation>> byModel = new LinkedHashMap<>();
        for (Model m : context.models()) {
            try {
                byModel.put(m.name(), InvariantPoints.measure(all, m.potential()));
            } catch (RuntimeException e) {
                byModel.put(m.name(), null); // an element the model does not know
            }
        }
        for (int k = 0; k < all.size(); k++) {
            InvariantPoint p = all.get(k);
            List<String> row = new ArrayList<>(List.of(p.name(), String.format(Locale.ROOT, "%.4f", p.atomicEnergy())));
            Map<String, Object> pj = new LinkedHashMap<>();
            pj.put("reference_eV_per_atom", p.atomicEnergy());
            for (Model m : context.models()) {
                List<InvariantPoints.Deviation> d = byModel.get(m.name());
                double dev = d == null ? Double.NaN : 1000 * d.get(k).deviation();
                row.add(Score.number(dev));
                pj.put(m.name() + "_deviation_meV", dev);
            }
            rows.add(row);
            out.put(p.name(), pj);
        }
        section.heading(2, "Invariant points");
        section.paragraph("Atomic energy each model assigns at points where it is fixed by symmetry (Yoo et al., PRM 3, 093802, 2019): the isolated "
                + "atom and the single-element crystals of the bulk tests at their given lattice constant, where every atom's energy is E/N. "
                + "Deviation = model's mean atomic energy − the reference's E/N, in meV per atom.");
        section.table(header, rows);
        json.put("invariant_points", out);
    }

    private void plots(Path dir, Map<String, Predictions> predictions, Map<String, double[]> atomDiagnostics, ReportDocument section) {
        Map<String, double[]> diags = new LinkedHashMap<>(atomDiagnostics);
        for (Map.Entry<String, Predictions> p : predictions.entrySet()) {
            if (!allNaN(p.getValue().spread())) diags.put("committee force spread " + p.getKey(), p.getValue().spread());
        }
        int k = 0;
        for (Map.Entry<String, double[]> d : diags.entrySet()) {
            List<StudyPlots.Series> series = new ArrayList<>();
            for (Map.Entry<String, Predictions> p : predictions.entrySet()) {
                if (d.getKey().startsWith("committee force spread") && !d.getKey().endsWith(" " + p.getKey())) continue;
                series.add(new StudyPlots.Series(p.getKey(), d.getValue(), p.getValue().forceError(), false));
            }
            Path png = dir.resolve("force_error_vs_" + (++k) + ".png");
            if (StudyPlots.xy(png, "Force error against " + d.getKey(), d.getKey(), "|F_model − F_ref| (eV/Å)", series)) {
                section.image(context.relative(png), "Per-atom force error against " + d.getKey());
            }
        }
    }

    private void csv(Path dir, List<Snapshot> snaps, int[] first, String[] element, Map<String, Predictions> predictions, double[] knn, double[] outside) {
        List<String> header = new ArrayList<>(List.of("test", "structure", "atom", "element", "knn_distance", "outside_hull"));
        for (String m : predictions.keySet()) {
            header.add("force_error_" + m);
            header.add("atomic_energy_" + m);
            header.add("force_spread_" + m);
        }
        Csv atoms = new Csv(header);
        List<String> sh = new ArrayList<>(List.of("test", "structure", "natoms", "mean_knn_distance", "fraction_outside_hull"));
        for (String m : predictions.keySet()) {
            sh.add("energy_error_meV_per_atom_" + m);
            sh.add("max_force_spread_" + m);
        }
        Csv structures = new Csv(sh);
        for (int k = 0; k < snaps.size(); k++) {
            Snapshot s = snaps.get(k);
            double knnSum = 0, outSum = 0;
            int knnN = 0;
            for (int a = first[k]; a < first[k + 1]; a++) {
                Object[] row = new Object[header.size()];
                row[0] = s.test();
                row[1] = s.label();
                row[2] = a - first[k] + 1;
                row[3] = element[a];
                row[4] = knn[a];
                row[5] = outside[a];
                int c = 6;
                for (Predictions p : predictions.values()) {
                    row[c++] = p.forceError()[a];
                    row[c++] = p.atomEnergy()[a];
                    row[c++] = p.spread()[a];
                }
                atoms.row(row);
                if (!Double.isNaN(knn[a])) { knnSum += knn[a]; outSum += outside[a]; knnN++; }
            }
            Object[] row = new Object[sh.size()];
            row[0] = s.test();
            row[1] = s.label();
            row[2] = s.system().size();
            row[3] = knnN == 0 ? Double.NaN : knnSum / knnN;
            row[4] = knnN == 0 ? Double.NaN : outSum / knnN;
            int c = 5;
            for (Predictions p : predictions.values()) {
                row[c++] = p.energyError()[k];
                double max = Double.NaN;
                for (int a = first[k]; a < first[k + 1]; a++) if (!Double.isNaN(p.spread()[a])) max = Double.isNaN(max) ? p.spread()[a] : Math.max(max, p.spread()[a]);
                row[c++] = max;
            }
            structures.row(row);
        }
        atoms.write(dir.resolve("atoms.csv"));
        structures.write(dir.resolve("structures.csv"));
    }
}
