package org.jmd.studies.structure;

import java.util.Locale;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.Potential;
import org.jmd.engine.Registry;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.md.MinimizeResult;
import org.jmd.engine.md.Minimizer;
import org.jmd.engine.md.MinimizerProvider;

/**
 * Relaxes atoms (cell fixed) with one of the engine's minimizers, found by name like a deck's
 * {@code minimize} line finds it, and tells a relaxation that went wrong — energy or forces not
 * finite, atoms fused — from one that merely did not converge. A model that fails is a result,
 * never an exception: the study reports it and goes on.
 */
public final class Relaxer {
    /**
     * How a relaxation ended.
     *
     * @param system    the relaxed structure (a copy; the start is untouched)
     * @param energy    its energy (eV), NaN on failure
     * @param converged whether every force fell below fmax
     * @param steps     minimizer iterations
     * @param fmax      largest force at the end (eV/Å)
     * @param failure   what went wrong, or null
     */
    public record Result(AtomicSystem system, double energy, boolean converged, int steps, double fmax, String failure) {
        public boolean failed() { return failure != null; }
    }

    /** Thrown from the observer to stop a relaxation that has gone wrong. */
    private static final class Stop extends RuntimeException {
        Stop(String why) { super(why, null, false, false); }
    }

    private final Minimizer minimizer;
    private final double fmax;
    private final int maxSteps;
    private final double fuseDistance;

    /**
     * @param line         a minimizer and its options as a deck's {@code minimize} line names them, e.g. {@code "fire"} or {@code "lbfgs memory=20"}
     * @param fmax         convergence: largest force (eV/Å)
     * @param maxSteps     iterations at most
     * @param fuseDistance two atoms closer than this (Å) have fused: the model failed
     */
    public Relaxer(String line, double fmax, int maxSteps, double fuseDistance) {
        this.minimizer = minimizer(line);
        this.fmax = fmax;
        this.maxSteps = maxSteps;
        this.fuseDistance = fuseDistance;
    }

    /** The minimizer a line such as {@code "lbfgs memory=20"} names, or an error listing the known ones. */
    public static Minimizer minimizer(String line) {
        Arguments a = Arguments.parseLine(line, null, 0, null);
        Minimizer m = Registry.load(MinimizerProvider.class, "minimizer").get(a).create(a);
        a.requireAllUsed();
        return m;
    }

    /** Relaxes a copy of {@code start} with {@code potential}. */
    public Result relax(AtomicSystem start, Potential potential) {
        AtomicSystem s = start.copy();
        java.util.Arrays.fill(s.v, 0.0);
        startEnergy = Double.NaN;
        Dynamics d = new Dynamics(s, new ForceCalculator(potential));
        Contacts contacts = new Contacts();
        int[] every = {0};
        MinimizeOptions options = new MinimizeOptions(fmax, maxSteps, false, 0, (dd, iteration) -> {
            String problem = problem(dd, contacts, ++every[0] % 10 == 0);
            if (problem != null) throw new Stop(String.format(Locale.ROOT, "%s at step %d", problem, iteration));
        });
        try {
            d.computeForces();
            String problem = problem(d, contacts, true);
            if (problem != null) return new Result(s, Double.NaN, false, 0, Double.NaN, problem + " at the start");
            MinimizeResult r = minimizer.minimize(d, options);
            problem = problem(d, contacts, true);
            if (problem != null) return new Result(s, Double.NaN, false, r.steps(), r.fmax(), problem + " at the end");
            return new Result(s, r.energy(), r.converged(), r.steps(), r.fmax(), null);
        } catch (Stop e) {
            return new Result(s, Double.NaN, false, every[0], Double.NaN, e.getMessage());
        }
    }

    /**
     * eV/atom a relaxation may lower the energy by: relaxing a rattled or cut structure gains a
     * fraction of an eV per atom, a model that lets the structure collapse gains without end.
     */
    static final double MAX_DROP = 2.0;

    private double startEnergy = Double.NaN;

    /** What is wrong with the current state, or null. The contact check costs a search, so it runs when asked. */
    private String problem(Dynamics d, Contacts contacts, boolean checkContacts) {
        if (!Double.isFinite(d.forces.energy)) return "energy not finite";
        if (!Double.isFinite(d.forces.maxForceComponent())) return "forces not finite";
        double perAtom = d.forces.energy / d.system.size();
        if (Double.isNaN(startEnergy)) startEnergy = perAtom;
        if (perAtom < startEnergy - MAX_DROP) return String.format(Locale.ROOT, "energy ran away (%.1f eV/atom below the start)", startEnergy - perAtom);
        if (checkContacts && fuseDistance > 0) {
            double r = contacts.shortest(d.system, fuseDistance);
            if (r < fuseDistance) return String.format(Locale.ROOT, "atoms fused (%.2f Å apart)", r);
        }
        return null;
    }
}
