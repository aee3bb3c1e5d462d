package org.jmd.studies;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Registry;
import org.jmd.engine.deck.DeckLine;
import org.jmd.engine.deck.DeckReader;
import org.jmd.engine.deck.Interpreter;
import org.jmd.engine.deck.Variables;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.studies.tests.DataTest;
import org.jmd.training.LabelledData;
import org.jmd.training.LabelledStructure;
import org.jmd.training.TrainDeck;

/**
 * Reads a study deck ({@code jmd transfer DECK}) into a {@link StudyPlan}, checking every line
 * before anything runs: potential lines are loaded, training decks are run dry (their data read,
 * their model line checked), structure files are read, test options are checked by their
 * providers. Same conventions as run and training decks: {@code #} comments, {@code &}
 * continuation, {@code variable}/{@code ${NAME}}, relative paths against the deck's directory, and
 * every error names the file and line. The language is documented in {@code docs/transfer.md}.
 */
public final class StudyDeck {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");

    private final Interpreter interpreter = new Interpreter();
    private final Registry<StudyTestProvider> providers = Registry.load(StudyTestProvider.class, "study test");
    private final PotentialRegistry potentials = PotentialRegistry.load();

    private final List<ModelSpec> models = new ArrayList<>();
    private String referenceLine;
    private Potential reference;
    private final List<LabelledStructure> referenceData = new ArrayList<>();
    private final List<Frame> training = new ArrayList<>();
    private Path trainingSource;
    private final List<StudyTest> tests = new ArrayList<>();
    private final List<Arguments> testLines = new ArrayList<>();
    private final java.util.Set<String> slowTests = new java.util.LinkedHashSet<>();
    private DiagnosticSettings diagnostics = DiagnosticSettings.defaults();
    private final PrintWriter out;

    public StudyDeck(PrintWriter out) {
        this.out = out;
        interpreter.command("model", this::model);
        interpreter.command("reference", this::reference);
        interpreter.command("training", this::training);
        interpreter.command("diagnostics", a -> diagnostics = DiagnosticSettings.parse(a));
        for (StudyTestProvider p : providers.providers().values()) interpreter.command(p.name(), a -> test(p, a));
        interpreter.command("print", a -> {
            a.requireAllUsed();
            out.println(String.join(" ", a.positional()));
            out.flush();
        });
    }

    public Variables variables() { return interpreter.variables(); }

    /** The names of the tests a deck can use. */
    public List<String> testNames() { return List.copyOf(providers.names()); }

    /** Reads and checks a deck file; relative paths in it resolve against its directory. */
    public StudyPlan read(Path deck) {
        return read(DeckReader.read(deck), deck.toString(), deck.toAbsolutePath().getParent());
    }

    /** Reads deck text (tests, embedding); relative paths resolve against {@code baseDir}. */
    public StudyPlan read(String text, String source, Path baseDir) {
        return read(DeckReader.parse(text, source), source, baseDir);
    }

    private StudyPlan read(List<DeckLine> lines, String source, Path baseDir) {
        interpreter.run(lines, baseDir);
        if (models.isEmpty()) throw new InputException(source, 0, "the study names no model; add 'model NAME POTENTIAL LINE' or 'model NAME train=DECK'");
        if (tests.isEmpty()) throw new InputException(source, 0, "the study has no test; add e.g. 'bulk lattice=diamond a=5.431 species=Si' (known: "
                + providers.known() + ")");
        if (reference == null && referenceData.isEmpty()) {
            throw new InputException(source, 0, "the study has no reference; add 'reference POTENTIAL LINE' (a teacher potential) or 'reference data FILE'");
        }
        for (int k = 0; k < tests.size(); k++) {
            StudyTest t = tests.get(k);
            Arguments at = testLines.get(k);
            if (t.needsReferencePotential() && reference == null) {
                throw at.error("needs a reference potential to compare with ('reference POTENTIAL LINE'); this study has only reference data");
            }
            if (t instanceof DataTest d && d.usesReferenceData() && referenceData.isEmpty()) {
                throw at.error("names no FILE and the study has no 'reference data FILE'");
            }
        }
        return new StudyPlan(source, List.copyOf(models), referenceLine, reference, List.copyOf(referenceData), List.copyOf(training),
                trainingSource, List.copyOf(tests), java.util.Set.copyOf(slowTests), diagnostics);
    }

    // ------------------------------------------------------------------ commands

    /** {@code model NAME POTENTIAL LINE...} or {@code model NAME train=DECK [quick=no]}. */
    private void model(Arguments a) {
        List<String> words = a.words();
        if (words.isEmpty()) throw a.error("missing a name; e.g. 'model sw sw Si.sw' or 'model linear train=si-linear.deck'");
        String name = words.get(0);
        if (name.contains("=") || !NAME.matcher(name).matches()) {
            throw a.error("'" + name + "' is not a model name (letters, digits, '_', '.', '+', '-'); the line is 'model NAME POTENTIAL LINE' or 'model NAME train=DECK'");
        }
        if (name.equals("reference")) throw a.error("'reference' names the reference; call the model something else");
        for (ModelSpec m : models) if (m.name().equals(name)) throw a.error("a model called '" + name + "' is already defined (line " + m.lineNumber() + ")");
        Arguments rest = new Arguments(a.command(), words.subList(1, words.size()), a.source(), a.line(), a.baseDir());
        if (rest.has("train")) {
            rest.requirePositionalAtMost(0);
            Path deck = rest.resolve(rest.string("train")).normalize();
            boolean quick = rest.bool("quick", true);
            rest.requireAllUsed();
            if (!Files.isRegularFile(deck)) throw a.error("train=: no such training deck " + deck);
            checkTrainingDeck(deck);
            models.add(new ModelSpec(name, null, a.baseDir(), deck, quick, a.source(), a.line()));
            say("model %s: trained by %s%s", name, deck, quick ? "" : " (left out by --quick)");
        } else {
            if (words.size() < 2) throw a.error("model " + name + ": missing the potential line (or train=DECK)");
            String line = String.join(" ", quoted(words.subList(1, words.size())));
            potentials.create(new Arguments(words.get(1), words.subList(2, words.size()), a.source(), a.line(), a.baseDir()));
            models.add(new ModelSpec(name, line, a.baseDir(), null, true, a.source(), a.line()));
            say("model %s: %s", name, line);
        }
    }

    /** {@code reference POTENTIAL LINE...} or {@code reference data FILE [format=extxyz|n2p2]}. */
    private void reference(Arguments a) {
        List<String> words = a.words();
        if (words.isEmpty()) throw a.error("expects a potential line ('reference sw Si.sw') or 'reference data FILE'");
        if (words.get(0).equals("data")) {
            Arguments d = new Arguments("reference data", words.subList(1, words.size()), a.source(), a.line(), a.baseDir());
            Path file = d.path(0, "a file of labelled structures").normalize();
            d.requirePositionalAtMost(1);
            String format = structureFormat(d);
            d.requireAllUsed();
            List<LabelledStructure> data = LabelledData.read(file, format);
            referenceData.addAll(data);
            say("reference data: %d structures, %d atoms from %s", data.size(), LabelledData.atoms(data), file);
            return;
        }
        if (reference != null) throw a.error("the study already has a reference potential ('" + referenceLine + "'); give only one");
        reference = potentials.create(new Arguments(words.get(0), words.subList(1, words.size()), a.source(), a.line(), a.baseDir()));
        referenceLine = String.join(" ", quoted(words));
        say("reference: %s", referenceLine);
    }

    /** The {@code format=} of a file of structures (extxyz or n2p2), or null to go by the file's name. */
    private static String structureFormat(Arguments a) {
        return a.has("format") ? a.choice("format", null, "extxyz", "n2p2") : null;
    }

    /** {@code training FILE [format=...]}: the structures the models were trained on, for the descriptor-space diagnostics. */
    private void training(Arguments a) {
        Path file = a.path(0, "the training structures (extxyz or n2p2)").normalize();
        a.requirePositionalAtMost(1);
        String format = structureFormat(a);
        a.requireAllUsed();
        List<Frame> frames = StructureIO.readAll(file, format);
        training.addAll(frames);
        trainingSource = file;
        long atoms = 0;
        for (Frame f : frames) atoms += f.system.size();
        say("training: %d structures, %d atoms from %s", frames.size(), atoms, file);
    }

    /** A test line, with the study's own option {@code quick=no} (left out by --quick) taken off before the test reads it. */
    private void test(StudyTestProvider p, Arguments line) {
        boolean quick = line.bool("quick", true);
        List<String> words = new ArrayList<>();
        for (String w : line.words()) if (!w.startsWith("quick=")) words.add(w);
        Arguments a = new Arguments(line.command(), words, line.source(), line.line(), line.baseDir());
        StudyTest t = p.create(a);
        if (!quick) slowTests.add(t.id());
        for (StudyTest other : tests) {
            if (other.id().equals(t.id())) throw a.error("another test is already called '" + t.id() + "'; give this one name=ID");
        }
        if (!NAME.matcher(t.id()).matches()) throw a.error("name= must be letters, digits, '_', '.', '+', '-', got '" + t.id() + "'");
        tests.add(t);
        testLines.add(a);
        say("test %s: %s%s", t.id(), t.title(), quick ? "" : " (left out by --quick)");
    }

    /** Runs the training deck dry: its data are read and split and its model line checked, so its errors come now. */
    private void checkTrainingDeck(Path deck) {
        TrainDeck d = new TrainDeck(new PrintWriter(new StringWriter()), deck.resolveSibling("dry-run"));
        forwardVariables(d.variables());
        d.setDryRun(true);
        d.run(deck);
    }

    private final Map<String, String> commandLineVariables = new LinkedHashMap<>();

    /** A variable from the command line: wins over the deck's own, and is passed on to the training decks. */
    public void defineFromCommandLine(String name, String value) {
        interpreter.variables().defineFromCommandLine(name, value);
        commandLineVariables.put(name, value);
    }

    /** The command line's variables, for the training decks a study runs. */
    public Map<String, String> commandLineVariables() { return Map.copyOf(commandLineVariables); }

    void forwardVariables(Variables v) { commandLineVariables.forEach(v::defineFromCommandLine); }

    /** Words joined back into a line, quoting those that hold spaces. */
    private static List<String> quoted(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(w.contains(" ") || w.isEmpty() ? '"' + w + '"' : w);
        return out;
    }

    private void say(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }
}
