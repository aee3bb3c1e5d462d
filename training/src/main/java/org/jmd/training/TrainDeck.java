package org.jmd.training;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.Registry;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.deck.DeckLine;
import org.jmd.engine.deck.DeckReader;
import org.jmd.engine.deck.Interpreter;
import org.jmd.engine.deck.Variables;
import org.jmd.training.TrainingContext.InvariantPoint;

/**
 * The training-deck interpreter behind {@code jmd train DECK}: reads labelled data, selects and
 * splits it, chooses reference energies, an optional labelling potential and a model, then
 * {@code train} hands everything to a {@link TrainingRun}. Same conventions as run decks (it
 * reuses their reader and variables): {@code #} comments, {@code &} continuation,
 * {@code variable}/{@code ${NAME}}, relative paths against the deck's directory, and every error
 * names the file and line. The language is documented in {@code docs/training.md}.
 */
public final class TrainDeck {
    private final Interpreter interpreter = new Interpreter();
    private final PrintWriter out;
    private final Path outDir;
    private final Registry<TrainerProvider> trainers = Registry.load(TrainerProvider.class, "trainer");

    private final List<LabelledStructure> pool = new ArrayList<>();
    private final List<LabelledStructure> validation = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private Map<String, Double> givenReference;
    private Arguments referenceAt;
    private String labelLine;
    private Path labelBase;
    private double labelWindow = Double.NaN;
    private Arguments modelAt;
    private final InvariantPoints invariantPoints = new InvariantPoints();
    /** The {@code train} line and what it asked for; training starts once every line after it is checked too. */
    private Arguments trainAt;
    private TrainingRun.Plan plan;
    private boolean dryRun, resume;

    /**
     * @param out    progress and summary
     * @param outDir where {@code train} writes the model, report and plots
     */
    public TrainDeck(PrintWriter out, Path outDir) {
        this.out = out;
        this.outDir = outDir;
        command("read", this::read);
        command("select", a -> filter(a, true));
        command("exclude", a -> filter(a, false));
        command("split", this::split);
        command("reference_energies", this::referenceEnergies);
        command("label", this::label);
        command("invariant_points", this::invariantPoints);
        command("model", this::model);
        command("train", this::train);
        command("print", this::print);
    }

    /** A command that may not follow 'train' (the last command, run after every line was checked). */
    private void command(String name, Interpreter.Command c) {
        interpreter.command(name, a -> {
            if (trainAt != null) throw a.error("'train' (line " + trainAt.line() + ") must be the deck's last command");
            c.execute(a);
        });
    }

    public Variables variables() { return interpreter.variables(); }

    /**
     * Check the deck without training: every line runs (data are read, selected and split, the
     * model line is checked) but {@code train} only says what it would do and writes nothing.
     */
    public void setDryRun(boolean dryRun) { this.dryRun = dryRun; }

    /** Continue a training of this deck that was killed, from the checkpoints in the output directory ({@code jmd train --resume}). */
    public void setResume(boolean resume) { this.resume = resume; }

    /** Runs a deck file; relative paths in it resolve against its directory. */
    public TrainingRun.Result run(Path deck) {
        Path dir = deck.toAbsolutePath().getParent();
        return run(DeckReader.read(deck), deck.toString(), dir);
    }

    /** Runs deck text (tests, embedding); relative paths resolve against {@code baseDir}. */
    public TrainingRun.Result run(String text, String source, Path baseDir) {
        return run(DeckReader.parse(text, source), source, baseDir);
    }

    /** Every line runs (reading, selecting, checking), and only then does {@code train} train: a mistake anywhere stops the deck before training. */
    private TrainingRun.Result run(List<DeckLine> lines, String source, Path baseDir) {
        interpreter.run(lines, baseDir);
        if (trainAt == null) {
            // reported after the deck's last command, where 'train' was expected
            int last = lines.isEmpty() ? 1 : lines.get(lines.size() - 1).line();
            throw new InputException(source, last, "the deck never says 'train'; end it with 'train' (after 'read' and 'model')");
        }
        TrainingRun.Result[] result = new TrainingRun.Result[1];
        Interpreter.at(trainAt, () -> {
            if (dryRun) {
                boolean fresh = TrainingRun.checkOutput(outDir);
                out.println(String.format(Locale.ROOT, "dry run: would %s '%s' on %d structures (%d atoms), validate on %d, committee of %d, seed %d, %d threads, into %s",
                        resume && !fresh ? "resume training" : "train", plan.model().command(), plan.training().size(), LabelledData.atoms(plan.training()),
                        plan.validation().size(), plan.committee(), plan.seed(), plan.threads(), outDir));
                out.flush();
                result[0] = new TrainingRun.Result(null, outDir, null, null, List.of());
            } else {
                result[0] = new TrainingRun(out, outDir, plan, resume).execute();
            }
        });
        return result[0];
    }

    // ------------------------------------------------------------------ commands

    /** {@code read FILE [format=extxyz|n2p2] [set=validation]}. */
    private void read(Arguments a) {
        Path file = a.path(0, "a file of labelled structures (extxyz or n2p2 input.data)").normalize();
        a.requirePositionalAtMost(1);
        String format = a.has("format") ? a.choice("format", null, "extxyz", "n2p2") : null;
        String set = a.choice("set", "training", "training", "validation");
        a.requireAllUsed();
        List<LabelledStructure> data = LabelledData.read(file, format);
        (set.equals("validation") ? validation : pool).addAll(data);
        sources.add(file.toString() + (set.equals("validation") ? " (validation)" : ""));
        out.println("read " + data.size() + " structures, " + LabelledData.atoms(data) + " atoms from " + file
                + (set.equals("validation") ? " into the validation set" : ""));
        out.flush();
    }

    /** {@code select ...} keeps, {@code exclude ...} drops, the picked structures of the training pool. */
    private void filter(Arguments a, boolean keep) {
        a.requirePositionalAtMost(0);
        if (pool.isEmpty()) throw a.error("no structures to choose from; 'read' some first");
        Selection s = Selection.parse(a, true);
        a.requireAllUsed();
        boolean[] picked = s.pick(pool, a);
        List<LabelledStructure> kept = new ArrayList<>();
        for (int k = 0; k < pool.size(); k++) if (picked[k] == keep) kept.add(pool.get(k));
        if (kept.isEmpty()) throw a.error("leaves no structure (of " + pool.size() + ")");
        out.println(a.command() + ": " + kept.size() + " of " + pool.size() + " structures kept");
        out.flush();
        pool.clear();
        pool.addAll(kept);
    }

    /** {@code split fraction=F seed=S | config_type=A,B | match=KEY:REGEX}: the picked structures become the validation set. */
    private void split(Arguments a) {
        a.requirePositionalAtMost(0);
        if (pool.isEmpty()) throw a.error("no structures to split; 'read' some first");
        Selection s = Selection.parse(a, false);
        a.requireAllUsed();
        boolean[] picked = s.pick(pool, a);
        List<LabelledStructure> train = new ArrayList<>(), val = new ArrayList<>();
        for (int k = 0; k < pool.size(); k++) (picked[k] ? val : train).add(pool.get(k));
        if (train.isEmpty()) throw a.error("puts all " + pool.size() + " structures into the validation set, leaving none to train on");
        if (val.isEmpty()) throw a.error("puts no structure into the validation set");
        out.println(String.format(Locale.ROOT, "split: %d training, %d validation structures", train.size(), val.size()));
        out.flush();
        pool.clear();
        pool.addAll(train);
        validation.addAll(val);
    }

    /** {@code reference_energies fit} or {@code reference_energies Si=-5.4 O=-4.2} (eV/atom). */
    private void referenceEnergies(Arguments a) {
        List<String> pos = a.positional();
        if (pos.size() == 1 && pos.get(0).equals("fit")) {
            a.requireAllUsed();
            givenReference = null;
            referenceAt = a;
            return;
        }
        if (!pos.isEmpty()) throw a.error("expects 'fit' or ELEMENT=ENERGY pairs (eV/atom), e.g. 'reference_energies Si=-5.42', got '" + pos.get(0) + "'");
        Map<String, Double> given = new LinkedHashMap<>();
        for (String w : a.words()) {
            String symbol = w.substring(0, w.indexOf('='));
            if (!Elements.isElement(symbol)) throw a.error("'" + symbol + "' is not an element symbol");
            given.put(symbol, a.real(symbol));
        }
        if (given.isEmpty()) throw a.error("expects 'fit' or ELEMENT=ENERGY pairs (eV/atom)");
        a.requireAllUsed();
        givenReference = given;
        referenceAt = a;
    }

    /**
     * {@code label potential="LINE" [window=W]}: the training and validation sets get that
     * potential's energies and forces at 'train'; with a window, structures whose labelled energy
     * per atom lies more than W eV above the lowest are dropped (cells a classical potential was
     * never meant for, e.g. compressed far beyond its repulsive wall).
     */
    private void label(Arguments a) {
        a.requirePositionalAtMost(0);
        String line = a.string("potential");
        double window = a.real("window", Double.NaN);
        a.requireAllUsed();
        if (a.has("window") && !(window > 0)) throw a.error("window= must be positive (eV/atom), got " + window);
        Labeller.potential(line, a.baseDir()); // check the line now, at this deck line
        labelLine = line;
        labelBase = a.baseDir();
        labelWindow = window;
        out.println("label: structures will be labelled with '" + line + "'"
                + (Double.isNaN(window) ? "" : String.format(Locale.ROOT, ", keeping those within %s eV/atom of the lowest", a.string("window"))));
        out.flush();
    }

    /**
     * {@code invariant_points isolated [reference="LINE"]},
     * {@code invariant_points lattice NAME a=A [c=C u=U] species=S [scales=F,...] [reference="LINE"]} or
     * {@code invariant_points read FILE [format=extxyz|n2p2]}: points whose atomic energy the
     * training logs (and, with a trainer's option, fits). The reference potential defaults to the
     * deck's {@code label} potential; isolated atoms without one take the reference energies.
     */
    private void invariantPoints(Arguments a) {
        String kind = a.positional(0, "what kind of point: isolated, lattice or read");
        switch (kind) {
            case "isolated" -> {
                a.requirePositionalAtMost(1);
                Potential reference = referencePotential(a);
                a.requireAllUsed();
                invariantPoints.addIsolated(reference);
                say("invariant_points: the isolated atom of each element, valued by "
                        + (reference == null ? "the reference energies" : "'" + referenceLine(a) + "'"));
            }
            case "lattice" -> {
                String name = a.positional(1, "a lattice name (" + String.join(", ", Lattices.names()) + ")");
                a.requirePositionalAtMost(2);
                if (Lattices.speciesCount(name) != 1) {
                    throw a.error(name + " has two species; invariant points are single-element structures (only there is E/N each atom's energy)");
                }
                double lc = a.real("a");
                double c = a.real("c", Double.NaN), u = a.real("u", Double.NaN);
                String species = a.string("species");
                if (!Elements.isElement(species)) throw a.error("species= expects one element symbol, got '" + species + "'");
                double[] scales = a.has("scales") ? a.reals("scales") : new double[] {1.0};
                for (double f : scales) if (!(f > 0)) throw a.error("scales= must be positive, got '" + a.string("scales") + "'");
                Potential reference = referencePotential(a);
                a.requireAllUsed();
                if (reference == null) throw a.error("needs reference=\"POTENTIAL LINE\" (or an earlier 'label potential=...') to give E/N of the crystal");
                List<InvariantPoint> points = new ArrayList<>();
                for (double s : scales) {
                    AtomicSystem crystal = Lattices.build(name, lc * s, c * s, u, new String[] {species}, 1, 1, 1);
                    points.add(InvariantPoints.crystal(String.format(Locale.ROOT, "%s_%s_a%.3f", name, species, lc * s), crystal, reference));
                }
                invariantPoints.add(points);
                say("invariant_points: " + points.size() + " " + name + " " + species + " crystal(s), valued by '" + referenceLine(a) + "'");
            }
            case "read" -> {
                Path file = a.path(1, "a file of labelled single-element structures whose atoms are all equivalent").normalize();
                a.requirePositionalAtMost(2);
                String format = a.has("format") ? a.choice("format", null, "extxyz", "n2p2") : null;
                a.requireAllUsed();
                List<LabelledStructure> data = LabelledData.read(file, format);
                List<InvariantPoint> points = new ArrayList<>();
                for (int k = 0; k < data.size(); k++) {
                    LabelledStructure s = data.get(k);
                    Object name = s.frame().info.get("name");
                    String base = name != null ? name.toString() : (s.configType().isEmpty() ? "structure" : s.configType()) + "_" + (k + 1);
                    try {
                        points.add(InvariantPoints.labelled(base, s));
                    } catch (InputException e) {
                        throw new InputException(file.toString(), 0, "structure " + (k + 1) + ": " + e.problem(), e);
                    }
                }
                invariantPoints.add(points);
                say("invariant_points: " + points.size() + " labelled structure(s) from " + file + ", valued by their E/N");
            }
            default -> throw a.error("unknown kind '" + kind + "'; known: isolated, lattice, read");
        }
    }

    /** The potential of {@code reference="LINE"}, else the deck's label potential, else null. */
    private Potential referencePotential(Arguments a) {
        if (a.has("reference")) return Labeller.potential(a.string("reference"), a.baseDir());
        return labelLine == null ? null : Labeller.potential(labelLine, labelBase);
    }

    private String referenceLine(Arguments a) { return a.has("reference") ? a.string("reference") : labelLine; }

    private void say(String text) {
        out.println(text);
        out.flush();
    }

    /** {@code model NAME OPTIONS...}: the trainer, checked now (unknown options are errors here). */
    private void model(Arguments a) {
        Arguments sub = subcommand(a, "a trainer name (" + trainers.known() + ")");
        TrainerProvider p = trainers.get(sub);
        p.create(sub);
        sub.requireAllUsed();
        modelAt = sub;
    }

    /** {@code train [committee=K] [seed=S] [threads=N]}. */
    private void train(Arguments a) {
        a.requirePositionalAtMost(0);
        int committee = a.integer("committee", 1);
        if (committee < 1) throw a.error("committee= must be at least 1, got " + committee);
        long seed;
        String s = a.string("seed", "1");
        try {
            seed = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw a.error("seed= expects a whole number, got '" + s + "'");
        }
        int threads = a.integer("threads", org.jmd.engine.ThreadTeam.defaultThreads());
        if (threads < 1 || threads > org.jmd.engine.ThreadTeam.MAX_THREADS) {
            throw a.error("threads= must be 1 to " + org.jmd.engine.ThreadTeam.MAX_THREADS + ", got " + threads);
        }
        a.requireAllUsed();
        if (modelAt == null) throw a.error("no model; choose one first with 'model NAME ...' (known: " + trainers.known() + ")");
        if (pool.isEmpty()) throw a.error("no training structures; 'read' some first");
        if (givenReference != null) {
            List<String> all = ReferenceEnergies.elements(pool, validation);
            List<String> missing = new ArrayList<>();
            for (String z : all) if (!givenReference.containsKey(z)) missing.add(z);
            if (!missing.isEmpty()) throw referenceAt.error("no reference energy for " + String.join(", ", missing) + " (the data hold " + String.join(", ", all) + ")");
        }
        plan = new TrainingRun.Plan(List.copyOf(pool), List.copyOf(validation), List.copyOf(sources),
                givenReference, labelLine, labelBase, labelWindow, invariantPoints, trainers.get(modelAt), modelAt, committee, seed, threads);
        trainAt = a;
    }

    private void print(Arguments a) {
        a.requireAllUsed();
        out.println(String.join(" ", a.positional()));
        out.flush();
    }

    private static Arguments subcommand(Arguments a, String what) {
        List<String> words = a.words();
        if (words.isEmpty()) throw a.error("missing " + what);
        return new Arguments(words.get(0), words.subList(1, words.size()), a.source(), a.line(), a.baseDir());
    }
}
