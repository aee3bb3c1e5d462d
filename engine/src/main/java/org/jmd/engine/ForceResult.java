package org.jmd.engine;

import java.util.Arrays;

/**
 * Caller-owned buffers that a {@link Potential} fills: total energy (eV), forces (eV/Å, 3N),
 * virial W = Σ_i r_i ⊗ f_i (eV, 3×3 row-major, the quantity LAMMPS reports as pressure × volume;
 * for periodic systems computed from pair displacements so it does not depend on wrapping) and,
 * when asked for, per-atom energies (eV) that sum to the total.
 */
public final class ForceResult {
    /** What an evaluation must produce besides forces (LAMMPS's eflag/vflag): combine with |. */
    public static final int FORCES = 0, ENERGY = 1, VIRIAL = 2, ATOM_ENERGIES = 4, ALL = ENERGY | VIRIAL | ATOM_ENERGIES;

    public double energy;
    public double[] forces = new double[0];
    public final double[] virial = new double[9];
    public double[] atomEnergies = new double[0];
    private int computed = ALL;

    /** Zeroes the buffers for n atoms, growing them if needed. Called by the engine before compute. */
    public void reset(int n) {
        if (forces.length != 3 * n) forces = new double[3 * n];
        else Arrays.fill(forces, 0.0);
        if (atomEnergies.length != n) atomEnergies = new double[n];
        else Arrays.fill(atomEnergies, 0.0);
        Arrays.fill(virial, 0.0);
        energy = 0;
    }

    /** Whether the last evaluation into these buffers produced what {@code flags} names (forces always). */
    public boolean has(int flags) { return (computed & flags) == flags; }

    /** Records what the evaluation produced; set by {@link ForceCalculator}. */
    public void setComputed(int flags) { this.computed = flags; }

    /** Stress in ASE's convention, σ = −W/V (eV/Å³), row-major. */
    public double[] stress(double volume) {
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) s[k] = -virial[k] / volume;
        return s;
    }

    /** Largest force component magnitude, for convergence checks and NaN detection. */
    public double maxForceComponent() {
        double m = 0;
        for (double f : forces) {
            if (!(Math.abs(f) <= m)) m = Math.abs(f); // NaN propagates
        }
        return m;
    }

    public ForceResult copy() {
        ForceResult r = new ForceResult();
        r.energy = energy;
        r.forces = forces.clone();
        r.atomEnergies = atomEnergies.clone();
        System.arraycopy(virial, 0, r.virial, 0, 9);
        r.computed = computed;
        return r;
    }
}
