package org.jmd.studies.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
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
import org.jmd.training.ErrorMetrics;
import org.jmd.training.Evaluator;
import org.jmd.training.LabelledData;
import org.jmd.training.LabelledStructure;
import org.jmd.training.Labeller;

/**
 * {@code data [FILE] [labels=file|reference]}: energy and force errors of every model on labelled
 * structures, per structure and per atom. Without FILE it uses the study's {@code reference data};
 * with a FILE and a reference potential the labels are the reference's (the truth of a synthetic
 * study) unless {@code labels=file}. Every structure goes to the diagnostics.
 */
public final class DataTest implements StudyTest {
    static final Metric ENERGY = Metric.error("energy MAE", "meV/atom", 5, 20);
    static final Metric FORCE = Metric.error("force MAE", "eV/Å", 0.1, 0.3);

    public static final class Provider implements StudyTestProvider {
        @Override public String name() { return "data"; }

        @Override public String usage() { return "data [FILE] [format=extxyz|n2p2] [labels=file|reference] [name=ID]"; }

        @Override public StudyTest create(Arguments a) {
            a.requirePositionalAtMost(1);
            Path file = a.positionalCount() == 0 ? null : a.path(0, "a file of labelled structures").normalize();
            String format = a.has("format") ? a.choice("format", null, "extxyz", "n2p2") : null;
            String labels = a.choice("labels", file == null ? "file" : "auto", "file", "reference", "auto");
            if (file == null && labels.equals("reference")) throw a.error("labels=reference relabels a FILE; name one, or leave labels= out to use the reference data");
            String id = a.string("name", file == null ? "data-reference" : "data-" + stem(file));
            a.requireAllUsed();
            List<LabelledStructure> data = null;
            if (file != null) {
                // labels may come from the reference potential: read the positions whatever the file holds
                data = labels.equals("file") ? LabelledData.read(file, format) : unlabelled(file, format);
            }
            return new DataTest(id, file, format, data, labels);
        }
    }

    private final String id;
    private final Path file;
    private final String format;
    private final List<LabelledStructure> data;
    private final String labels;

    DataTest(String id, Path file, String format, List<LabelledStructure> data, String labels) {
        this.id = id;
        this.file = file;
        this.format = format;
        this.data = data;
        this.labels = labels;
    }

    @Override public String id() { return id; }

    @Override public String title() { return "data " + (file == null ? "(reference data)" : file.getFileName().toString()); }

    @Override public boolean needsReferencePotential() { return labels.equals("reference"); }

    /** Whether this test reads the study's reference data (so the deck must have some). */
    public boolean usesReferenceData() { return file == null; }

    @Override public TestOutcome run(StudyContext context) {
        TestOutcome outcome = new TestOutcome(this);
        List<LabelledStructure> set = data == null ? context.referenceData() : data;
        String source = "the labels of " + (file == null ? "the reference data" : file.getFileName());
        boolean relabel = file != null && (labels.equals("reference") || (labels.equals("auto") && context.reference() != null));
        if (relabel) {
            Model ref = context.reference();
            set = Labeller.labelStructures(set, ref.potential(), ref.line(), ThreadTeam.defaultThreads());
            source = "the reference potential (`" + ref.line() + "`)";
        } else if (labels.equals("auto") && file != null) {
            // the file's own labels: reread them now that we know they are needed
            set = LabelledData.read(file, format);
        }
        int threads = ThreadTeam.defaultThreads();
        Path dir = context.testDir(id);
        Map<String, List<ForceResult>> predictions = new LinkedHashMap<>();
        Map<String, Score> eRow = new LinkedHashMap<>(), fRow = new LinkedHashMap<>();
        Map<String, Object> models = new LinkedHashMap<>();
        List<List<String>> table = new ArrayList<>();
        for (Model m : context.models()) {
            List<ForceResult> p = Evaluator.predict(m.potential(), set, threads);
            predictions.put(m.name(), p);
            ErrorMetrics errors = ErrorMetrics.of(set, p);
            ErrorMetrics.Errors e = errors.overall();
            boolean finite = Double.isFinite(e.energyMae()) && (e.forceComponents() == 0 || Double.isFinite(e.forceMae()));
            eRow.put(m.name(), finite ? Score.of(e.energyMae()) : Score.failed("prediction not finite"));
            fRow.put(m.name(), !finite ? Score.failed("prediction not finite") : e.forceComponents() == 0 ? Score.none("no forces") : Score.of(e.forceMae()));
            models.put(m.name(), errors.json());
            errors.byConfigType().forEach((t, x) -> table.add(List.of(m.name(), t.isEmpty() ? "(none)" : t, Integer.toString(x.structures()),
                    f(x.energyMae()), f(x.energyRmse()), f(x.forceMae()), f(x.forceRmse()))));
            if (errors.byConfigType().size() > 1) {
                table.add(List.of(m.name(), "**all**", Integer.toString(e.structures()), f(e.energyMae()), f(e.energyRmse()), f(e.forceMae()), f(e.forceRmse())));
            }
            context.say("  %s: energy MAE %.3f meV/atom, force MAE %.4f eV/Å", m.name(), e.energyMae(), e.forceMae());
        }
        outcome.row(new HeadlineRow(title(), ENERGY, eRow));
        outcome.row(new HeadlineRow(title(), FORCE, fRow));
        outcome.json().put("structures", set.size());
        outcome.json().put("atoms", LabelledData.atoms(set));
        outcome.json().put("labels", relabel ? "reference potential" : "file");
        outcome.json().put("models", models);

        // per structure: energies; parity plots
        List<String> header = new ArrayList<>(List.of("structure", "config_type", "natoms", "reference_energy_per_atom"));
        for (String name : predictions.keySet()) header.add("energy_per_atom_" + name);
        Csv csv = new Csv(header);
        Map<String, double[][]> energyParity = new LinkedHashMap<>(), forceParity = new LinkedHashMap<>();
        for (String name : predictions.keySet()) {
            energyParity.put(name, new double[2][set.size()]);
            int comps = 0;
            for (LabelledStructure s : set) if (s.forces() != null) comps += 3 * s.size();
            forceParity.put(name, new double[2][comps]);
        }
        int[] at = new int[predictions.size()];
        for (int k = 0; k < set.size(); k++) {
            LabelledStructure s = set.get(k);
            Object[] row = new Object[header.size()];
            row[0] = k + 1;
            row[1] = s.configType();
            row[2] = s.size();
            row[3] = s.energy() / s.size();
            int c = 4, mi = 0;
            for (Map.Entry<String, List<ForceResult>> e : predictions.entrySet()) {
                ForceResult p = e.getValue().get(k);
                row[c++] = p.energy / s.size();
                energyParity.get(e.getKey())[0][k] = s.energy() / s.size();
                energyParity.get(e.getKey())[1][k] = p.energy / s.size();
                if (s.forces() != null) {
                    double[][] fp = forceParity.get(e.getKey());
                    for (int j = 0; j < 3 * s.size(); j++, at[mi]++) {
                        fp[0][at[mi]] = s.forces()[j];
                        fp[1][at[mi]] = p.forces[j];
                    }
                }
                mi++;
            }
            csv.row(row);
            if (s.forces() != null) outcome.snapshot(new Snapshot(id, "structure " + (k + 1), s.frame().system, s.energy(), s.forces()));
        }
        csv.write(dir.resolve("energies.csv"));
        // per atom: the force error of every model
        List<String> atomHeader = new ArrayList<>(List.of("structure", "atom", "element"));
        for (String name : predictions.keySet()) atomHeader.add("force_error_" + name);
        Csv atoms = new Csv(atomHeader);
        for (int k = 0; k < set.size(); k++) {
            LabelledStructure s = set.get(k);
            if (s.forces() == null) continue;
            for (int i = 0; i < s.size(); i++) {
                Object[] row = new Object[atomHeader.size()];
                row[0] = k + 1;
                row[1] = i + 1;
                row[2] = s.frame().system.symbol(i);
                int c = 3;
                for (List<ForceResult> p : predictions.values()) {
                    double dx = p.get(k).forces[3 * i] - s.forces()[3 * i], dy = p.get(k).forces[3 * i + 1] - s.forces()[3 * i + 1],
                            dz = p.get(k).forces[3 * i + 2] - s.forces()[3 * i + 2];
                    row[c++] = Math.sqrt(dx * dx + dy * dy + dz * dz);
                }
                atoms.row(row);
            }
        }
        if (atoms.rows() > 0) atoms.write(dir.resolve("force_errors.csv"));
        outcome.section().paragraph(String.format(Locale.ROOT, "%d structures, %d atoms; truth: %s. Energies per atom in meV/atom, force components in eV/Å.",
                set.size(), LabelledData.atoms(set), source));
        outcome.section().table(List.of("model", "config_type", "structures", "energy MAE", "energy RMSE", "force MAE", "force RMSE"), table);
        Path pe = dir.resolve("parity_energy.png"), pf = dir.resolve("parity_forces.png");
        if (StudyPlots.parity(pe, "Energy parity: " + title(), "reference energy (eV/atom)", "model energy (eV/atom)", energyParity)) {
            outcome.section().image(context.relative(pe), "Energy per atom, models against the truth");
        }
        if (StudyPlots.parity(pf, "Force parity: " + title(), "reference force component (eV/Å)", "model force component (eV/Å)", forceParity)) {
            outcome.section().image(context.relative(pf), "Force components, models against the truth");
        }
        return outcome;
    }

    private static String f(double v) { return Score.number(v); }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Every frame of a file with its positions; a missing energy is allowed (the reference labels it). */
    private static List<LabelledStructure> unlabelled(Path file, String format) {
        List<LabelledStructure> out = new ArrayList<>();
        for (org.jmd.io.Frame f : org.jmd.io.StructureIO.readAll(file, format)) {
            if (f.energy == null) f.energy = Double.NaN;
            out.add(LabelledData.of(f));
        }
        return out;
    }
}
