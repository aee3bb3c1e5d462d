package org.jmd.engine.deck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Registry;
import org.jmd.engine.Structures;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.MinimizerProvider;
import org.jmd.io.Frame;
import org.jmd.io.StructureFormat;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Cell;

/**
 * The input-deck interpreter: runs a deck's commands in order against one {@link Simulation}.
 * Each command checks its own arguments (unknown keys are errors through
 * {@link Arguments#requireAllUsed()}), and every error carries the deck file and line. The
 * commands are documented, with examples, in {@code docs/deck.md}.
 *
 * <p>Before a deck runs, all of it is checked ({@link #check}): a twin deck on a dry
 * {@link Simulation} executes every line — commands check their arguments, read their input
 * files, check their outputs can be written — while runs and minimizations take no step and no
 * file is written. So a mistake on the last line stops the deck before its first step, and a
 * new command is checked by the same pass without doing anything for it.
 */
public final class Deck implements AutoCloseable {
    private final Interpreter interpreter = new Interpreter();
    private final StopSignal stop = new StopSignal();
    private final PrintWriter out;
    private final Simulation sim;
    /** Non-null in the checking twin. */
    private final DryRun dry;
    private List<String> outputs = List.of();
    private final PotentialRegistry potentials = PotentialRegistry.load();
    private final Registry<IntegratorProvider> integrators = Registry.load(IntegratorProvider.class, "ensemble");
    private final Registry<MinimizerProvider> minimizers = Registry.load(MinimizerProvider.class, "minimizer");
    private final Registry<SamplerProvider> analyses = Registry.load(SamplerProvider.class, "analysis");

    /**
     * @param out          thermo table and messages
     * @param progressOut  where the progress line goes (a terminal's stderr)
     * @param showProgress whether to show it (only on a terminal)
     */
    public Deck(PrintWriter out, PrintWriter progressOut, boolean showProgress) {
        this(out, progressOut, showProgress, null);
    }

    private Deck(PrintWriter out, PrintWriter progressOut, boolean showProgress, DryRun dry) {
        this.out = out;
        this.dry = dry;
        this.sim = new Simulation(out, progressOut, showProgress, stop, dry);
        interpreter.command("read", this::read);
        interpreter.command("lattice", this::lattice);
        interpreter.command("cut", this::cut);
        interpreter.command("mass", this::mass);
        interpreter.command("potential", this::potential);
        interpreter.command("velocity", this::velocity);
        interpreter.command("timestep", this::timestep);
        interpreter.command("threads", this::threads);
        interpreter.command("ensemble", this::ensemble);
        interpreter.command("thermo", this::thermo);
        interpreter.command("dump", this::dump);
        interpreter.command("write", this::write);
        interpreter.command("checkpoint", this::checkpoint);
        interpreter.command("restart", this::restart);
        interpreter.command("safety", this::safety);
        interpreter.command("run", this::run);
        interpreter.command("minimize", this::minimize);
        interpreter.command("print", this::print);
        // analyses (rdf, msd, ...) from the providers on the classpath, under names no built-in command has
        for (String name : analyses.names()) {
            if (!interpreter.has(name)) interpreter.command(name, this::analysis);
        }
    }

    public Variables variables() { return interpreter.variables(); }

    /** The files the deck writes (found by its check, in the order the deck names them), relative to the working directory where they lie below it. */
    public List<String> outputs() { return outputs; }

    public StopSignal stopSignal() { return stop; }

    public Simulation simulation() { return sim; }

    /** Checks the whole deck file ({@link #check}), then runs it; relative paths in it resolve against its directory. */
    public void run(Path deckFile) {
        List<DeckLine> lines = DeckReader.read(deckFile);
        Path base = deckFile.toAbsolutePath().getParent();
        check(lines, base);
        interpreter.run(lines, base);
    }

    /**
     * Checks, then runs, deck text (for tests and embedding); relative paths resolve against
     * {@code baseDir}. The check starts from an empty simulation, as a deck does: give a Deck a
     * whole deck, not a deck in pieces.
     */
    public void run(String text, String source, Path baseDir) {
        List<DeckLine> lines = DeckReader.parse(text, source);
        check(lines, baseDir);
        interpreter.run(lines, baseDir);
    }

    /**
     * Checks every line of a deck file without running it or writing anything, and returns a
     * one-line summary of what it would do; the first problem is an {@code InputException} with
     * its file and line. This deck's command-line variables and thermo quantities count.
     */
    public String check(Path deckFile) { return check(DeckReader.read(deckFile), deckFile.toAbsolutePath().getParent()); }

    /** {@link #check(Path)} for deck text. */
    public String check(String text, String source, Path baseDir) { return check(DeckReader.parse(text, source), baseDir); }

    private String check(List<DeckLine> lines, Path baseDir) {
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        try (Deck twin = new Deck(quiet, quiet, false, new DryRun())) {
            interpreter.variables().commandLine().forEach(twin.variables()::defineFromCommandLine);
            twin.sim.addThermoColumnsOf(sim);
            twin.interpreter.run(lines, baseDir);
            outputs = twin.dry.outputs();
            return twin.dry.summary(twin.sim.system());
        }
    }

    // ------------------------------------------------------------------ commands

    private void read(Arguments a) {
        Path file = a.path(0, "a structure file");
        a.requirePositionalAtMost(1);
        StructureFormat format = format(a, file);
        a.requireAllUsed();
        if (dry != null && dry.writes(file)) {
            // written by an earlier line, so not there yet: the current atoms stand in for it
            sim.setSystem(requireSystem(a).copy(), true);
            return;
        }
        Frame f = StructureIO.read(file, format);
        sim.setSystem(f.system, f.hasVelocities);
        out.println("read " + f.system.size() + " atoms from " + file);
    }

    private void lattice(Arguments a) {
        String name = a.positional(0, "a lattice name (" + String.join(", ", Lattices.names()) + ")");
        a.requirePositionalAtMost(1);
        double lc = a.real("a");
        double c = a.real("c", Double.NaN), u = a.real("u", Double.NaN);
        String[] species = a.string("species").split(",");
        int[] n = integers(a, "repeat", 3);
        a.requireAllUsed();
        AtomicSystem s = Lattices.build(name, lc, c, u, species, n[0], n[1], n[2]);
        sim.setSystem(s, false);
        out.println("lattice " + name + ": " + s.size() + " atoms");
    }

    /** {@code cut sphere radius=R [center=X,Y,Z]}: keeps the atoms within R of the centre (default: the cell's centre), in vacuum. */
    private void cut(Arguments a) {
        String shape = a.positional(0, "a shape (sphere)");
        a.requirePositionalAtMost(1);
        if (!shape.equals("sphere")) throw a.error("unknown shape '" + shape + "'; known: sphere");
        AtomicSystem s = requireSystem(a);
        double r = a.real("radius");
        if (!(r > 0)) throw a.error("radius must be positive, got " + r);
        double[] center = new double[3];
        if (a.has("center")) {
            center = reals(a, "center", 3);
        } else {
            s.cell().toCartesian(new double[] {0.5, 0.5, 0.5}, 0, center, 0);
        }
        a.requireAllUsed();
        int[] keep = new int[s.size()];
        int m = 0;
        for (int i = 0; i < s.size(); i++) {
            double dx = s.x[3 * i] - center[0], dy = s.x[3 * i + 1] - center[1], dz = s.x[3 * i + 2] - center[2];
            if (dx * dx + dy * dy + dz * dz <= r * r) keep[m++] = i;
        }
        if (m == 0) throw a.error("no atom within " + r + " Å of " + Arrays.toString(center));
        AtomicSystem cluster = Structures.subset(s, Arrays.copyOf(keep, m));
        cluster.setCell(Cell.open());
        sim.setSystem(cluster, false);
        out.println("cut sphere: " + m + " of " + s.size() + " atoms kept, now in vacuum (not periodic)");
    }

    private void mass(Arguments a) {
        String symbol = a.positional(0, "a species symbol");
        double m = a.parseReal("mass", a.positional(1, "a mass in amu"));
        a.requirePositionalAtMost(2);
        a.requireAllUsed();
        sim.setMass(symbol, m, a);
    }

    private void potential(Arguments a) {
        if (a.words().isEmpty()) throw a.error("missing a potential name; known: " + String.join(", ", potentials.providers().keySet()));
        sim.setPotential(potentials.create(subcommand(a)));
    }

    private void velocity(Arguments a) {
        a.requirePositionalAtMost(0);
        double t = a.real("temperature");
        long seed = a.integer("seed");
        a.requireAllUsed();
        MaxwellBoltzmann.assign(requireSystem(a), t, seed);
        sim.velocitiesAssigned();
    }

    private void timestep(Arguments a) {
        double dt = a.parseReal("timestep", a.positional(0, "a timestep in fs"));
        a.requirePositionalAtMost(1);
        a.requireAllUsed();
        if (!(dt > 0)) throw a.error("timestep must be positive, got " + dt);
        sim.setTimestep(dt);
    }

    /** {@code threads N}: force kernels of the following runs use N threads (results are the same bits for any N). */
    private void threads(Arguments a) {
        String text = a.positional(0, "a number of threads");
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw a.error("threads expects a whole number, got '" + text + "'");
        }
        a.requirePositionalAtMost(1);
        a.requireAllUsed();
        if (n < 1) throw a.error("threads must be at least 1, got " + n);
        sim.setThreads(n);
    }

    private void ensemble(Arguments a) {
        Arguments sub = subcommand(a);
        IntegratorProvider p = integrators.get(sub);
        var integrator = p.create(sub);
        sub.requireAllUsed();
        sim.setIntegrator(integrator, rest(a));
    }

    private void thermo(Arguments a) {
        a.requirePositionalAtMost(0);
        int every = a.integer("every");
        if (every < 1) throw a.error("every= must be at least 1, got " + every);
        Path file = a.has("file") ? a.resolve(a.string("file")) : null;
        List<String> extra = a.has("extra") ? List.of(a.string("extra").split(",")) : List.of();
        boolean append = a.bool("append", false);
        a.requireAllUsed();
        sim.setThermo(every, file, extra, append, a);
    }

    private void dump(Arguments a) {
        a.requirePositionalAtMost(0);
        int every = a.integer("every");
        if (every < 1) throw a.error("every= must be at least 1, got " + every);
        Path file = a.resolve(a.string("file"));
        StructureFormat format = format(a, file);
        boolean append = a.bool("append", false);
        a.requireAllUsed();
        sim.setDump(every, file, format, append);
    }

    private void write(Arguments a) {
        Path file = a.path(0, "an output file");
        a.requirePositionalAtMost(1);
        StructureFormat format = format(a, file);
        a.requireAllUsed();
        requireSystem(a);
        if (dry != null) {
            StructureIO.checkWritable(file);
            dry.output(file);
            return;
        }
        StructureIO.write(file, List.of(sim.snapshot(true)), format);
    }

    private void checkpoint(Arguments a) {
        a.requirePositionalAtMost(0);
        int every = a.integer("every");
        if (every < 1) throw a.error("every= must be at least 1, got " + every);
        Path file = a.resolve(a.string("file"));
        a.requireAllUsed();
        sim.setCheckpoint(every, file);
    }

    private void restart(Arguments a) {
        Path file = a.path(0, "a checkpoint file");
        a.requirePositionalAtMost(1);
        a.requireAllUsed();
        Checkpoint c = dry != null && dry.writes(file)
                ? new Checkpoint(requireSystem(a).copy(), sim.step(), sim.time(), sim.timestep(), sim.ensembleLine(), null, null) // not written yet
                : Checkpoint.read(file);
        sim.restart(c);
        out.println("restart from " + file + ": " + c.system().size() + " atoms at step " + c.step());
    }

    private void safety(Arguments a) {
        a.requirePositionalAtMost(0);
        double min = a.real("min_distance", sim.safety.minDistance);
        double max = a.real("max_force", sim.safety.maxForce);
        double spread = a.real("max_fspread", sim.safety.maxForceSpread);
        a.requireAllUsed();
        if (min < 0) throw a.error("min_distance must not be negative");
        if (!(max > 0)) throw a.error("max_force must be positive");
        if (!(spread > 0)) throw a.error("max_fspread must be positive, got " + spread);
        sim.safety.minDistance = min;
        sim.safety.maxForce = max;
        sim.safety.maxForceSpread = spread;
    }

    /** An analysis command ({@code rdf}, {@code msd}, ...): sampled during the following runs, or at once on the current structure. */
    private void analysis(Arguments a) {
        Sampler s = analyses.get(a).create(a);
        a.requireAllUsed();
        if (s.every() == Sampler.NOW) {
            s.sample(requireSystem(a), sim.time());
            if (dry != null) {
                // the check samples (so a structure it cannot analyse fails now) but writes nothing
                org.jmd.io.StructureIO.checkWritable(s.file());
                dry.output(s.file());
                return;
            }
            for (String line : s.write()) out.println(a.command() + ": " + line);
            out.flush();
        } else {
            sim.addSampler(s, a);
        }
    }

    /** {@code run N [upto]}: N steps, or (LAMMPS's {@code upto}) up to step N, as a restart deck wants wherever its checkpoint was. */
    private void run(Arguments a) {
        long n;
        String text = a.positional(0, "a number of steps");
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw a.error("expects a whole number of steps, got '" + text + "'");
        }
        if (n < 0) throw a.error("number of steps must not be negative, got " + n);
        if (a.positionalCount() > 1) {
            if (!a.positional(1, "").equals("upto")) throw a.error("unexpected argument '" + a.positional(1, "") + "' (only 'upto' may follow the steps)");
            if (n < sim.step()) throw a.error("run " + n + " upto: the simulation is already at step " + sim.step());
            n -= sim.step();
        }
        a.requirePositionalAtMost(2);
        a.requireAllUsed();
        String pending = sim.pendingEnsembleLine();
        if (pending != null) {
            // a restart without its own 'ensemble' line continues with the checkpoint's
            ensemble(new Arguments("ensemble", Arguments.split(pending, a.source(), a.line()), a.source(), a.line(), a.baseDir()));
        }
        sim.run(n, a);
    }

    private void minimize(Arguments a) {
        Arguments sub = subcommand(a);
        MinimizerProvider p = minimizers.get(sub);
        double fmax = sub.real("fmax");
        if (!(fmax > 0)) throw sub.error("fmax must be positive, got " + fmax);
        int steps = sub.integer("steps", 10000);
        boolean cell = sub.bool("cell", false);
        double pressure = sub.pressure("pressure", 0);
        if (sub.has("pressure") && !cell) throw sub.error("pressure= applies only with cell=yes");
        var minimizer = p.create(sub);
        sub.requireAllUsed();
        sim.minimize(minimizer, fmax, steps, cell, pressure, a);
    }

    private void print(Arguments a) {
        a.requireAllUsed();
        out.println(String.join(" ", a.positional()));
        out.flush();
    }

    // ------------------------------------------------------------------ helpers

    /** The structure format of a file: {@code format=NAME} if given, else from the file name (an error at this line if neither says). */
    private static StructureFormat format(Arguments a, Path file) {
        try {
            return StructureFormat.choose(file, a.has("format") ? a.string("format") : null);
        } catch (InputException e) {
            throw a.error(e.problem());
        }
    }

    private AtomicSystem requireSystem(Arguments a) {
        if (sim.system() == null) throw a.error("no atoms yet; create them first with 'read FILE' or 'lattice ...'");
        return sim.system();
    }

    /** "potential lj epsilon=1 ..." → arguments of "lj" with the rest, located at the same line. */
    private static Arguments subcommand(Arguments a) {
        List<String> words = a.words();
        if (words.isEmpty()) throw a.error("missing a name");
        return new Arguments(words.get(0), words.subList(1, words.size()), a.source(), a.line(), a.baseDir());
    }

    private static String rest(Arguments a) { return String.join(" ", a.words()); }

    private static int[] integers(Arguments a, String key, int count) {
        int[] v = a.integers(key);
        if (v.length != count) throw a.error(key + "= expects " + count + " comma-separated whole numbers, got '" + a.string(key) + "'");
        return v;
    }

    private static double[] reals(Arguments a, String key, int count) {
        double[] v = a.reals(key);
        if (v.length != count) throw a.error(key + "= expects " + count + " comma-separated numbers, got '" + a.string(key) + "'");
        return v;
    }

    @Override public void close() { sim.close(); }
}
