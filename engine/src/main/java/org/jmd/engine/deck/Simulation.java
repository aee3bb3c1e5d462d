package org.jmd.engine.deck;

import java.io.PrintWriter;
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
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.md.Clock;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.md.MinimizeResult;
import org.jmd.engine.md.Minimizer;
import org.jmd.io.Frame;

/**
 * The state a deck builds up (atoms, potential, ensemble, clock, outputs) and the two things it
 * runs: MD ({@link #run}) and minimization ({@link #minimize}). {@link Deck} parses commands and
 * calls in here; this class knows nothing of deck syntax beyond the {@link Arguments} it is
 * handed for error locations.
 *
 * <p>A dry simulation ({@link DryRun}) is the one a deck is checked with before it runs: it
 * builds the same state and checks every requirement and output, evaluates the forces once
 * when the atoms or the potential change, but takes no step and writes no file.
 */
public final class Simulation implements AutoCloseable {
    private final PrintWriter out;
    private final Progress progress;
    private final StopSignal stop;
    final Safety safety = new Safety();
    private final Samplers samplers = new Samplers();
    private final Map<String, ThermoColumn> thermoColumns = ThermoColumns.builtIn();
    private final Map<String, Double> masses = new LinkedHashMap<>();
    /** Non-null for the dry pass: what the deck would do. */
    private final DryRun dry;

    private AtomicSystem system;
    private boolean velocitiesKnown;
    private Potential potential;
    private Dynamics dynamics;
    private ThreadTeam team = ThreadTeam.defaultTeam();
    private boolean forcesCurrent;

    private Integrator integrator;
    private String ensembleLine;
    private boolean integratorRestored;
    private byte[] pendingIntegratorState;
    private String pendingEnsembleLine;
    private org.jmd.neighbor.VerletList.Reference pendingNeighborReference;
    /** Whether the state came from a checkpoint: appended outputs then continue where it was written. */
    private boolean restarted;

    /** Shared with every Dynamics made here: the one place step, time and timestep are kept. */
    private final Clock clock = new Clock();

    private Thermo thermo;
    private TrajectoryDump dump;
    private Path checkpointFile;
    private int checkpointEvery;

    Simulation(PrintWriter out, PrintWriter progressOut, boolean showProgress, StopSignal stop, DryRun dry) {
        this.out = out;
        this.progress = new Progress(progressOut, showProgress);
        this.stop = stop;
        this.dry = dry;
    }

    // ------------------------------------------------------------------ state

    public AtomicSystem system() { return system; }

    public long step() { return clock.step; }

    public double time() { return clock.time; }

    public double timestep() { return clock.timestep; }

    /** Adds a thermo quantity that {@code thermo extra=NAME} can then ask for. */
    public void addThermoColumn(ThermoColumn column) { thermoColumns.put(column.name(), column); }

    /** The thermo quantities another simulation knows (the deck's checking twin gets the same). */
    void addThermoColumnsOf(Simulation other) { thermoColumns.putAll(other.thermoColumns); }

    void setSystem(AtomicSystem s, boolean hasVelocities) {
        if (!samplers.isEmpty()) samplers.endAll(out, "the atoms were replaced");
        for (Map.Entry<String, Double> m : masses.entrySet()) {
            if (s.speciesIndex(m.getKey()) >= 0) s.setMass(m.getKey(), m.getValue());
        }
        system = s;
        pendingNeighborReference = null;
        velocitiesKnown = hasVelocities;
        dynamics = null;
        forcesCurrent = false;
    }

    void setMass(String symbol, double mass, Arguments at) {
        if (!(mass > 0)) throw at.error("mass must be positive, got " + mass);
        if (system != null) {
            if (system.speciesIndex(symbol) < 0) {
                throw at.error("no species '" + symbol + "' in the system (species: " + String.join(", ", system.speciesTable()) + ")");
            }
            system.setMass(symbol, mass);
        }
        masses.put(symbol, mass);
    }

    void setPotential(Potential p) {
        potential = p;
        dynamics = null;
        forcesCurrent = false;
    }

    void setTimestep(double dt) { clock.timestep = dt; }

    /** Threads for the force kernels; the neighbor list is kept, so a run goes on exactly as it would have. */
    void setThreads(int n) {
        team = ThreadTeam.of(n);
        if (dynamics != null) dynamics.calculator.setTeam(team);
    }

    void setIntegrator(Integrator i, String line) {
        integrator = i;
        ensembleLine = line;
        integratorRestored = false;
    }

    /** The {@code ensemble} line of the current integrator, or null. */
    String ensembleLine() { return ensembleLine; }

    String pendingEnsembleLine() { return integrator == null ? pendingEnsembleLine : null; }

    void velocitiesAssigned() { velocitiesKnown = true; }

    void setThermo(int every, Path file, List<String> extra, boolean append, Arguments at) {
        List<ThermoColumn> cols = new ArrayList<>();
        for (String name : ThermoColumns.DEFAULT) cols.add(thermoColumns.get(name));
        for (String name : extra) {
            ThermoColumn c = thermoColumns.get(name);
            if (c == null) {
                String near = org.jmd.engine.Suggest.nearest(name, thermoColumns.keySet());
                throw at.error("unknown thermo quantity '" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; known: " + String.join(", ", thermoColumns.keySet()));
            }
            if (!cols.contains(c)) cols.add(c);
        }
        if (thermo != null) thermo.close();
        if (dry != null) {
            // the dry pass keeps the columns (runs check them) and checks the file, but writes nothing
            thermo = new Thermo(every, cols, out, null, append, () -> restarted);
            if (file != null) {
                Thermo.checkFile(file, append, thermo.csvHeader());
                dry.output(file);
            }
            return;
        }
        thermo = new Thermo(every, cols, out, file, append, () -> restarted);
    }

    void setDump(int every, Path file, org.jmd.io.StructureFormat format, boolean append) {
        if (dump != null) dump.close();
        if (dry != null) {
            org.jmd.io.TrajectoryWriter.check(file, format);
            dry.output(file);
            return;
        }
        dump = new TrajectoryDump(every, file, format, append, () -> restarted);
    }

    /** Attaches an analysis to the following runs ({@link Samplers}). */
    void addSampler(Sampler s, Arguments at) {
        if (dry != null) {
            org.jmd.io.StructureIO.checkWritable(s.file());
            dry.output(s.file());
        }
        samplers.add(s, at);
    }

    void setCheckpoint(int every, Path file) {
        if (dry != null) {
            org.jmd.io.StructureIO.checkWritable(file);
            dry.output(file);
        }
        checkpointEvery = every;
        checkpointFile = file;
    }

    void restart(Checkpoint c) {
        restarted = true;
        setSystem(c.system(), true);
        clock.step = c.step();
        clock.time = c.time();
        clock.timestep = c.timestep();
        integrator = null;
        ensembleLine = null;
        pendingEnsembleLine = c.ensemble();
        pendingIntegratorState = c.integratorState();
        pendingNeighborReference = c.neighborReference();
    }

    /**
     * The integrator state of a checkpoint goes to the first integrator made by the same ensemble
     * line after the restart; any other ensemble starts fresh (the deck changed its mind).
     */
    private void applyPendingState() {
        if (pendingIntegratorState == null || integratorRestored) return;
        if (ensembleLine != null && ensembleLine.equals(pendingEnsembleLine)) integrator.restoreState(pendingIntegratorState);
        else out.println("note: the checkpoint's ensemble was '" + pendingEnsembleLine + "'; '" + ensembleLine + "' starts without its state");
        pendingIntegratorState = null;
        integratorRestored = true;
    }

    // ------------------------------------------------------------------ running

    /** Runs n MD steps. */
    void run(long n, Arguments at) {
        Dynamics d = ready(at);
        if (integrator == null) throw at.error("no ensemble; say how to integrate first, e.g. 'ensemble nve'");
        if (dry != null) {
            evaluateOnce(d);
            clock.step += n;
            clock.time += n * clock.timestep;
            dry.ran(n, ensembleLine);
            return;
        }
        prepare(d);
        integrator.init(d);
        applyPendingState();
        Thermo th = thermo();
        th.header();
        th.maybeRecord(d, integrator, true);
        dumpFrame(d, true);
        check(d, at);
        samplers.maybeSample(d);
        progress.start(clock.step, n);
        RuntimeException failure = null;
        try {
            for (long k = 0; k < n; k++) {
                boolean lastStep = k == n - 1;
                // energies and virial only where a row, a frame or the end of the run shows them
                boolean shown = lastStep || th.due(clock.step + 1, false) || (dump != null && dump.due(clock.step + 1));
                d.want = shown ? ForceResult.ALL : integrator.forceFlags();
                integrator.step(d);
                d.want = ForceResult.ALL;
                check(d, at);
                samplers.maybeSample(d);
                boolean last = k == n - 1;
                if (checkpointFile != null && (clock.step % checkpointEvery == 0 || last)) writeCheckpoint(d);
                if (th.due(clock.step, last)) progress.clear(); // a thermo row replaces the progress line
                th.maybeRecord(d, integrator, last);
                dumpFrame(d, false);
                if (stop.requested()) { progress.clear(); interrupt(d); }
                progress.update(clock.step);
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            progress.clear();
            // analyses are written when a run ends, also when it was stopped, with what they sampled
            if (failure == null) samplers.writeAll(out); else samplers.writeAllAfter(failure, out);
        }
    }

    /** Relaxes the structure (and with {@code cell=yes} the cell) with the named minimizer. */
    void minimize(Minimizer m, double fmax, int maxSteps, boolean relaxCell, double pressureBar, Arguments at) {
        Dynamics d = ready(at);
        if (dry != null) {
            evaluateOnce(d); // the steps it will take are unknown: the dry clock stays where it is
            dry.minimized(m.describe());
            return;
        }
        prepare(d);
        requireFinite(d, at);
        Thermo th = thermo();
        th.minimizationHeader();
        // iterations are counted apart from MD steps: step and time stay where MD left them
        clock.iteration = 0;
        th.recordIteration(d, true);
        dumpIteration(true);
        MinimizeOptions options = new MinimizeOptions(fmax, maxSteps, relaxCell, pressureBar, (dd, iteration) -> {
            clock.iteration = iteration;
            th.recordIteration(dd, false);
            dumpIteration(false);
            if (stop.requested()) interrupt(dd);
        });
        MinimizeResult r;
        try {
            r = m.minimize(d, options);
            clock.iteration = r.steps();
            requireFinite(d, at); // trial points may be NaN (the line search backs off); the result may not
            th.recordLastIteration(d);
            if (dump != null) dump.writeLastIteration(clock.step, clock.iteration, this::iterationFrame);
        } finally {
            clock.iteration = 0;
        }
        if (checkpointFile != null) writeCheckpoint(d);
        out.println(String.format(Locale.ROOT, "%s: %s after %d steps, energy %.8f eV, max force %.3g eV/Å",
                m.describe(), r.converged() ? "converged" : "NOT converged (fmax " + fmax + " eV/Å not reached)",
                r.steps(), r.energy(), r.fmax()));
        out.flush();
    }

    /** The current state as a frame: what is known of energy, forces and velocities is included. */
    Frame snapshot(boolean computeIfNeeded) {
        if (system == null) throw new InputException("no atoms");
        if (potential != null && computeIfNeeded && (!forcesCurrent || !dynamics().forces.has(ForceResult.ALL))) {
            Dynamics d = dynamics();
            d.computeForces();
            forcesCurrent = true;
        }
        Frame f = new Frame(system);
        f.hasVelocities = velocitiesKnown;
        for (double q : system.charge) if (q != 0) { f.hasCharges = true; break; }
        if (forcesCurrent) f.setResults(dynamics().forces);
        f.info.put("step", Long.toString(clock.step));
        f.info.put("time", Double.toString(clock.time));
        return f;
    }

    private Dynamics ready(Arguments at) {
        if (system == null) throw at.error("no atoms; create them first with 'read FILE' or 'lattice ...'");
        if (system.size() == 0) throw at.error("the system has no atoms");
        if (potential == null) throw at.error("no potential; set one first with 'potential NAME ...'");
        if (thermo != null && thermo.names().contains(ThermoColumns.FORCE_SPREAD) && !(dynamics().calculator.workspace() instanceof org.jmd.engine.Uncertainty)) {
            throw at.error("thermo extra=" + ThermoColumns.FORCE_SPREAD + " needs a potential that reports a force spread, e.g. "
                    + "'potential committee DIR'; " + potential.describe() + " does not");
        }
        if (safety.checksForceSpread() && !(dynamics().calculator.workspace() instanceof org.jmd.engine.Uncertainty)) {
            throw at.error("safety max_fspread= needs a potential that reports a force spread, e.g. "
                    + "'potential committee DIR'; " + potential.describe() + " does not");
        }
        for (int i = 0; i < system.size(); i++) {
            if (!(system.mass[i] > 0)) throw at.error("atom " + (i + 1) + " (" + system.symbol(i) + ") has no mass; set it with 'mass " + system.symbol(i) + " VALUE'");
        }
        return dynamics();
    }

    private Dynamics dynamics() {
        if (dynamics == null) dynamics = new Dynamics(system, new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, team), clock);
        return dynamics;
    }

    private void prepare(Dynamics d) {
        if (pendingNeighborReference != null) {
            d.calculator.restoreNeighbors(pendingNeighborReference, d.system);
            pendingNeighborReference = null;
        }
        if (!forcesCurrent) {
            d.computeForces();
            forcesCurrent = true;
        }
        velocitiesKnown = true;
    }

    /**
     * The dry pass's one force evaluation after the atoms or the potential changed: a potential
     * without parameters for a species, or atoms it cannot handle, fail here, before any run.
     */
    private void evaluateOnce(Dynamics d) {
        if (forcesCurrent) return;
        d.computeForces();
        forcesCurrent = true;
    }

    private Thermo thermo() {
        if (thermo == null) thermo = new Thermo(0, defaultColumns(), out, null, false, () -> restarted);
        return thermo;
    }

    private List<ThermoColumn> defaultColumns() {
        List<ThermoColumn> cols = new ArrayList<>();
        for (String name : ThermoColumns.DEFAULT) cols.add(thermoColumns.get(name));
        return cols;
    }

    private void dumpFrame(Dynamics d, boolean force) {
        if (dump == null) return;
        dump.maybeWrite(clock.step, force, () -> snapshot(false));
    }

    private void dumpIteration(boolean force) {
        if (dump != null) dump.writeIteration(clock.step, clock.iteration, force, this::iterationFrame);
    }

    private Frame iterationFrame() {
        Frame f = snapshot(false);
        f.info.put("iteration", Long.toString(clock.iteration));
        return f;
    }

    /** Minimization's check: only finiteness, since a structure being relaxed may start with close contacts or large forces. */
    private void requireFinite(Dynamics d, Arguments at) {
        String problem = org.jmd.engine.FiniteResults.problem(d.system, d.forces);
        if (problem != null) throw at.error("step " + clock.step + ": " + problem);
    }

    private void check(Dynamics d, Arguments at) {
        String problem = safety.check(d.system, d.forces, d.calculator.neighbors(), d.calculator.neighborBuilds(),
                d.calculator.workspace() instanceof org.jmd.engine.Uncertainty u ? u : null);
        if (problem != null) throw at.error("step " + clock.step + ": " + problem);
    }

    /** Writes a checkpoint; it changes nothing in the run, so runs with and without checkpoints agree exactly. */
    private void writeCheckpoint(Dynamics d) {
        new Checkpoint(d.system, clock.step, clock.time, clock.timestep, ensembleLine, integrator == null ? null : integrator.saveState(),
                d.calculator.neighborReference()).write(checkpointFile);
    }

    private void interrupt(Dynamics d) {
        if (!d.forces.has(ForceResult.ALL)) d.computeForces(); // the last row needs the energy; same positions, same forces
        String detail = "";
        if (checkpointFile != null) {
            writeCheckpoint(d);
            detail = "checkpoint written to " + checkpointFile;
        }
        thermo().maybeRecord(d, integrator, true);
        dumpFrame(d, true);
        throw new RunInterrupted(clock.step, detail);
    }

    @Override public void close() {
        if (thermo != null) thermo.close();
        if (dump != null) dump.close();
    }
}
