package org.jmd.studies.structure;

import java.util.Locale;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.Registry;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.IntegratorProvider;
import org.jmd.engine.md.Thermodynamics;

/**
 * MD for the study's liquid and vibrational tests: the engine's integrators, found by name like a
 * deck's {@code ensemble} line finds them, run in stages on one system, with the checks that tell
 * a model that has failed — energy or forces not finite, atoms fused, the potential energy run away
 * from where the stage began, the temperature beyond what the thermostat can be holding (the
 * heat of a collapse) — and stop it there, as a result ({@link Failure}) rather than an
 * exception. A committee's largest force spread is watched too: the first time it passes a limit is
 * recorded (the run goes on).
 */
public final class MolecularDynamics {
    /** Why and when a run stopped. */
    public record Failure(String what, double timePs) {
        public String describe() { return String.format(Locale.ROOT, "%s at %.2f ps", what, timePs); }
    }

    /** Called after every step with the dynamics and the step's index within the stage (1-based). */
    public interface Observer {
        void observe(Dynamics d, long step);
    }

    /** Contacts are checked every this many steps (a search costs about one pair-potential step). */
    static final int CONTACT_EVERY = 10;

    private final Dynamics dynamics;
    private final double fuseDistance, maxEnergyChange;
    private final double spreadLimit;
    private final Contacts contacts = new Contacts();
    private double firstSpreadCrossing = Double.NaN;
    private double maxSpread = 0;

    /**
     * @param fuseDistance     two atoms closer than this (Å) have fused
     * @param maxEnergyChange  the potential energy per atom may move this far (eV/atom) from its value at a stage's start
     * @param spreadLimit      force spread (eV/Å) whose first crossing is recorded; NaN for none
     */
    public MolecularDynamics(AtomicSystem system, Potential potential, double timestepFs, double fuseDistance, double maxEnergyChange,
                             double spreadLimit) {
        this.dynamics = new Dynamics(system, new ForceCalculator(potential));
        this.dynamics.clock.timestep = timestepFs;
        this.fuseDistance = fuseDistance;
        this.maxEnergyChange = maxEnergyChange;
        this.spreadLimit = spreadLimit;
    }

    public Dynamics dynamics() { return dynamics; }

    /** Time (ps since the first stage began) at which the committee's spread first passed the limit, NaN if never. */
    public double firstSpreadCrossing() { return firstSpreadCrossing; }

    /** The largest force spread seen (eV/Å), NaN for a potential without one. */
    public double maxSpread() { return dynamics.calculator.workspace() instanceof Uncertainty ? maxSpread : Double.NaN; }

    /** The integrator an {@code ensemble} line names, e.g. {@code "nvt-csvr temperature=1800 damping=100 seed=1"}. */
    public static Integrator integrator(String line) {
        Arguments a = Arguments.parseLine(line, null, 0, null);
        Integrator i = Registry.load(IntegratorProvider.class, "ensemble").get(a).create(a);
        a.requireAllUsed();
        return i;
    }

    /**
     * A temperature this many times the stage's target (and at least {@link #HOTTER} K above it) is a
     * runaway: a thermostat holds a liquid near its target, and even a reactive liquid's bursts (O₂
     * forming in Erhart's ZnO melt takes 3000 K to 7700 K for a moment) stay below; a collapse that
     * releases a few eV per atom (1 eV/atom is 7700 K) does not.
     */
    static final double HOT = 5, HOTTER = 10000;

    /**
     * Runs {@code steps} steps with the integrator of {@code ensemble}, whose target temperature is
     * {@code temperature} (K; infinite for no temperature limit); null when all went well, else what failed.
     */
    public Failure run(String ensemble, long steps, double temperature, Observer observer) {
        hottest = Math.max(HOT * temperature, temperature + HOTTER);
        Dynamics d = dynamics;
        Integrator integrator = integrator(ensemble);
        d.want = ForceResult.ALL;
        d.computeForces();
        Failure f = check(d, true, Double.NaN);
        if (f != null) return f;
        double start = d.forces.energy / d.system.size();
        integrator.init(d);
        int want = ForceResult.ENERGY | integrator.forceFlags();
        for (long k = 1; k <= steps; k++) {
            d.want = want;
            integrator.step(d); // advances d.clock
            f = check(d, k % CONTACT_EVERY == 0, start);
            if (f != null) return f;
            if (observer != null) observer.observe(d, k);
        }
        return null;
    }

    private double hottest = Double.POSITIVE_INFINITY;

    private Failure check(Dynamics d, boolean contactsToo, double startEnergy) {
        double ps = d.clock.time / 1000;
        if (!Double.isFinite(d.forces.energy)) return new Failure("energy not finite", ps);
        if (!Double.isFinite(d.forces.maxForceComponent())) return new Failure("forces not finite", ps);
        double t = Thermodynamics.temperature(d.system);
        if (!(t <= hottest)) return new Failure(String.format(Locale.ROOT, "temperature ran away (%.0f K)", t), ps);
        double e = d.forces.energy / d.system.size();
        if (!Double.isNaN(startEnergy) && Math.abs(e - startEnergy) > maxEnergyChange) {
            return new Failure(String.format(Locale.ROOT, "energy ran away (%+.2f eV/atom)", e - startEnergy), ps);
        }
        if (d.calculator.workspace() instanceof Uncertainty u) {
            double s = u.maxForceSpread();
            maxSpread = Math.max(maxSpread, s);
            if (Double.isNaN(firstSpreadCrossing) && s > spreadLimit) firstSpreadCrossing = ps;
        }
        if (contactsToo && fuseDistance > 0) {
            double r = contacts.shortest(d.system, fuseDistance);
            if (r < fuseDistance) return new Failure(String.format(Locale.ROOT, "atoms fused (%.2f Å apart)", r), ps);
        }
        return null;
    }
}
