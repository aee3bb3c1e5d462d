package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.Thermodynamics;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.Matrix3;

/**
 * Isothermal–isobaric dynamics: stochastic velocity rescaling for the temperature and stochastic
 * cell rescaling for the pressure (Bernetti and Bussi 2020), in the time-reversible splitting of
 * their reference code: thermostat ½, kick ½, [cell and positions scaled by μ = exp(D) while
 * drifting, r ← μ r + ½(μ + μ⁻¹) v dt, v ← μ⁻¹ v], force, kick ½, thermostat ½.
 *
 * <p>The internal pressure includes the instantaneous kinetic tensor, since velocities are scaled
 * with the cell. The cell changes every step, so the force calculator rebuilds its neighbor list
 * every step.
 *
 * <p>{@link #reservoirEnergy()} is minus the energy the thermostat and the barostat have put
 * into the system: the kinetic energy change of each rescaling exactly, and the potential energy
 * change of each cell deformation D to second order, −½(W_before + W_after) : D. So potential +
 * kinetic + reservoir stays constant up to the integration error.
 */
public final class NptScr implements Integrator {
    static final String NAME = "npt";

    private final RandomStream random;
    private final VelocityRescaling thermostat;
    private final StochasticCellRescaling barostat;
    private final double[] virialBefore = new double[9];
    private double barostatWork;

    /**
     * @param temperature           target temperature (K)
     * @param pressureBar           target hydrostatic pressure (bar)
     * @param damping               thermostat relaxation time (fs)
     * @param pdamping              barostat relaxation time τ_p (fs)
     * @param compressibilityPerBar β_T used by the barostat (1/bar)
     */
    public NptScr(double temperature, double pressureBar, double damping, double pdamping, double compressibilityPerBar,
                  StochasticCellRescaling.Coupling coupling, long seed) {
        this.random = new RandomStream(seed);
        this.thermostat = new VelocityRescaling(temperature, damping, random);
        this.barostat = new StochasticCellRescaling(pressureBar, temperature, pdamping, compressibilityPerBar, coupling, random);
    }

    @Override public void init(Dynamics d) { requirePeriodic(d.system.cell()); }

    /** The barostat reads the virial at every step. */
    @Override public int forceFlags() { return org.jmd.engine.ForceResult.VIRIAL; }

    @Override public void step(Dynamics d) {
        AtomicSystem s = d.system;
        Cell cell = s.cell();
        requirePeriodic(cell);
        double dt = d.clock.timestep;
        thermostat.apply(s, 0.5 * dt);
        VelocityVerlet.halfKick(d, dt);

        double volume = cell.volume();
        double[] kinetic = Thermodynamics.kineticTensor(s);
        double[] w = d.forces.virial;
        double[] internal = new double[9];
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) internal[3 * a + b] = (kinetic[3 * a + b] + 0.5 * (w[3 * a + b] + w[3 * b + a])) / volume;
        double[] logMu = barostat.logDeformation(internal, volume, dt);
        double[] mu = Matrix3.exp(logMu);
        double[] muInverse = Matrix3.exp(negate(logMu));

        double kineticBefore = Thermodynamics.kineticEnergy(s);
        deformAndDrift(s, mu, muInverse, dt);
        double[] h = cell.matrix();
        Matrix3.applyToVectors(mu, h, 3); // each lattice vector a_k ← μ a_k
        s.setCell(cell.withMatrix(h));
        double kineticChange = Thermodynamics.kineticEnergy(s) - kineticBefore;
        System.arraycopy(w, 0, virialBefore, 0, 9);

        d.computeForces();
        double potentialChange = 0;
        for (int k = 0; k < 9; k++) potentialChange -= 0.5 * (virialBefore[k] + d.forces.virial[k]) * logMu[k];
        barostatWork += kineticChange + potentialChange;

        VelocityVerlet.halfKick(d, dt);
        thermostat.apply(s, 0.5 * dt);
        d.clock.tick();
    }

    /** r ← μ r + ½(μ + μ⁻¹) v dt and v ← μ⁻¹ v: the drift and the cell scaling in one symmetric update. */
    private static void deformAndDrift(AtomicSystem s, double[] mu, double[] muInverse, double dt) {
        double[] x = s.x, v = s.v;
        double[] mid = new double[9];
        for (int k = 0; k < 9; k++) mid[k] = 0.5 * (mu[k] + muInverse[k]) * dt;
        for (int i = 0; i < s.size(); i++) {
            double x0 = x[3 * i], x1 = x[3 * i + 1], x2 = x[3 * i + 2];
            double v0 = v[3 * i], v1 = v[3 * i + 1], v2 = v[3 * i + 2];
            for (int a = 0; a < 3; a++) {
                x[3 * i + a] = mu[3 * a] * x0 + mu[3 * a + 1] * x1 + mu[3 * a + 2] * x2
                        + mid[3 * a] * v0 + mid[3 * a + 1] * v1 + mid[3 * a + 2] * v2;
                v[3 * i + a] = muInverse[3 * a] * v0 + muInverse[3 * a + 1] * v1 + muInverse[3 * a + 2] * v2;
            }
        }
    }

    private static double[] negate(double[] m) {
        double[] r = new double[9];
        for (int k = 0; k < 9; k++) r[k] = -m[k];
        return r;
    }

    private static void requirePeriodic(Cell cell) {
        if (!cell.fullyPeriodic()) throw new InputException("npt needs a cell that is periodic in all three directions (the pressure is undefined otherwise)");
    }

    @Override public double reservoirEnergy() { return -thermostat.heat() - barostatWork; }

    @Override public byte[] saveState() {
        return IntegratorState.encode(NAME, new double[] {thermostat.heat(), barostatWork}, random.saveState());
    }

    @Override public void restoreState(byte[] state) {
        IntegratorState.Decoded s = IntegratorState.decode(NAME, state, 2);
        thermostat.setHeat(s.values()[0]);
        barostatWork = s.values()[1];
        random.restoreState(s.random());
    }

    @Override public String describe() {
        return NAME + " temperature=" + thermostat.temperature() + " K pressure=" + barostat.pressureBar() + " bar damping="
                + thermostat.damping() + " fs pdamping=" + barostat.damping() + " fs couple=" + barostat.coupling().name().toLowerCase()
                + " compressibility=" + barostat.compressibilityPerBar() + "/bar (CSVR + stochastic cell rescaling)";
    }
}
