package org.jmd.engine.deck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Structures;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.MinimizerProvider;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Cell;

/**
 * The input-deck interpreter: runs a deck's commands in order against one {@link Simulation}.
 * Each command checks its own arguments (unknown keys are errors through
 * {@link Arguments#requireAllUsed()}), and every error carries the deck file and line. The
 * commands are documented, with examples, in {@code docs/deck.md}.
 */
public final class Deck implements AutoCloseable {
    private final Interpreter interpreter = new Interpreter();
    private final StopSignal stop = new StopSignal();
    private final PrintWriter out;
    private final Simulation sim;
    private final PotentialRegistry potentials = PotentialRegistry.load();
    private final Providers<IntegratorProvider> integrators = new Providers<>(IntegratorProvider.class, IntegratorProvider::name, "ensemble");
    private final Providers<MinimizerProvider> minimizers = new Providers<>(MinimizerProvider.class, MinimizerProvider::name, "minimizer");
    private final Providers<SamplerProvider> analyses = new Providers<>(SamplerProvider.class, SamplerProvider::name, "analysis");

    /**
     * @param out          thermo table and messages
     * @param progressOut  where the progress line goes (a terminal's stderr)
     * @param showProgress whether to show it (only on a terminal)
     */
    public Deck(PrintWriter out, PrintWriter progressOut, boolean showProgress) {
        this.out = out;
        this.sim = new Simulation(out, progressOut, showProgress, stop);
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

    public StopSignal stopSignal() { return stop; }

    public Simulation simulation() { return sim; }

    /** Runs a deck file; relative paths in it resolve against its directory. */
    public void run(Path deckFile) {
        interpreter.run(DeckReader.read(deckFile), deckFile.toAbsolutePath().getParent());
    }

    /** Runs deck text (for tests and embedding); relative paths resolve against {@code baseDir}. */
    public void run(String text, String source, Path baseDir) {
        interpreter.run(DeckReader.parse(text, source), baseDir);
    }

    // ------------------------------------------------------------------ commands

    private void read(Arguments a) {
        Path file = a.path(0, "a structure file");
        a.requirePositionalAtMost(1);
        a.requireAllUsed();
        Frame f = StructureIO.read(file);
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
        if (a.words().isEmpty()) throw a.error("missing a potential name; known: " + String.join(", ", new java.util.TreeSet<>(potentials.providers().keySet())));
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
        boolean append = a.bool("append", false);
        a.requireAllUsed();
        sim.setDump(every, file, append);
    }

    private void write(Arguments a) {
        Path file = a.path(0, "an output file");
        a.requirePositionalAtMost(1);
        a.requireAllUsed();
        requireSystem(a);
        StructureIO.write(file, sim.snapshot(true));
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
        Checkpoint c = Checkpoint.read(file);
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
            for (String line : s.write()) out.println(a.command() + ": " + line);
            out.flush();
        } else {
            sim.addSampler(s, a);
        }
    }

    private void run(Arguments a) {
        long n;
        String text = a.positional(0, "a number of steps");
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw a.error("expects a whole number of steps, got '" + text + "'");
        }
        if (n < 0) throw a.error("number of steps must not be negative, got " + n);
        a.requirePositionalAtMost(1);
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
        double pressure = Pressures.bar(sub, "pressure", 0);
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
