package org.jmd.integrators;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.Matrix3;

/**
 * Positions and cell together, minimizing the enthalpy E + P₀V, in the manner of ASE's
 * UnitCellFilter: the cell is the reference cell deformed by a matrix F (each lattice vector
 * a → F a), atoms are r_i = F u_i, and the coordinates are (u_i, c·F). Then
 * ∂H/∂u_i = −Fᵀ f_i and ∂H/∂F = −(Wᵀ − P₀V I) F⁻ᵀ with W = Σ r ⊗ f the virial.
 *
 * <p>The factor c = √N puts the cell's curvature, V·B/c² = Ω·B per atom, on the scale of the
 * stiffest atomic force constants, so one step limit and one FIRE timestep suit both.
 * Converged when every atomic force is below fmax and every component of W − P₀V I is below fmax
 * (eV), i.e. the stress is within fmax/V of the target.
 */
final class CellRelaxation extends Relaxation {
    private final double pressure; // eV/Å³
    private final double factor;
    private final Cell reference;
    private final double[] h0;
    private final int n;
    private final double[] deformation = new double[9];

    CellRelaxation(Dynamics d, double pressureBar) {
        super(d);
        this.pressure = pressureBar / Units.EV_PER_A3_IN_BAR;
        this.n = d.system.size();
        this.factor = Math.sqrt(Math.max(1, n));
        this.reference = d.system.cell();
        this.h0 = reference.matrix();
    }

    @Override int dimension() { return 3 * n + 9; }

    @Override void read(double[] x) {
        // F is 1 at the start; computing it from the cell keeps read() valid at any later point
        AtomicSystem s = d.system;
        double[] f = currentDeformation();
        double[] inverse = Matrix3.inverse(f);
        for (int i = 0; i < n; i++)
            for (int a = 0; a < 3; a++)
                x[3 * i + a] = inverse[3 * a] * s.x[3 * i] + inverse[3 * a + 1] * s.x[3 * i + 1] + inverse[3 * a + 2] * s.x[3 * i + 2];
        for (int k = 0; k < 9; k++) x[3 * n + k] = factor * f[k];
    }

    /** F with h = h₀ Fᵀ (rows are lattice vectors): F = hᵀ h₀⁻ᵀ. */
    private double[] currentDeformation() {
        double[] h = d.system.cell().matrix();
        return Matrix3.multiply(Matrix3.transpose(h), Matrix3.transpose(Matrix3.inverse(h0)));
    }

    @Override double apply(double[] x, double[] gradient) {
        AtomicSystem s = d.system;
        for (int k = 0; k < 9; k++) deformation[k] = x[3 * n + k] / factor;
        double[] f = deformation;
        for (int i = 0; i < n; i++) {
            double u0 = x[3 * i], u1 = x[3 * i + 1], u2 = x[3 * i + 2];
            for (int a = 0; a < 3; a++) s.x[3 * i + a] = f[3 * a] * u0 + f[3 * a + 1] * u1 + f[3 * a + 2] * u2;
        }
        double[] h = new double[9];
        for (int k = 0; k < 3; k++)
            for (int a = 0; a < 3; a++) h[3 * k + a] = f[3 * a] * h0[3 * k] + f[3 * a + 1] * h0[3 * k + 1] + f[3 * a + 2] * h0[3 * k + 2];
        s.setCell(reference.withMatrix(h));
        d.computeForces();

        double[] forces = d.forces.forces;
        for (int i = 0; i < n; i++) {
            double f0 = forces[3 * i], f1 = forces[3 * i + 1], f2 = forces[3 * i + 2];
            for (int a = 0; a < 3; a++) gradient[3 * i + a] = -(f[a] * f0 + f[3 + a] * f1 + f[6 + a] * f2); // −Fᵀ f
        }
        double volume = s.cell().volume();
        double[] w = d.forces.virial;
        double[] stressTerm = new double[9]; // Wᵀ − P₀V I
        for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) stressTerm[3 * a + b] = w[3 * b + a] - (a == b ? pressure * volume : 0);
        double[] g = Matrix3.multiply(stressTerm, Matrix3.transpose(Matrix3.inverse(f)));
        for (int k = 0; k < 9; k++) gradient[3 * n + k] = -g[k] / factor;
        return d.forces.energy + pressure * volume;
    }

    @Override boolean converged(double fmax) {
        if (!(maxAtomForce() < fmax)) return false;
        return maxStressResidual() < fmax;
    }

    /** max |½(W + Wᵀ) − P₀V I| over components (eV). */
    double maxStressResidual() {
        double volume = d.system.cell().volume();
        double[] w = d.forces.virial;
        double worst = 0;
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double r = Math.abs(0.5 * (w[3 * a + b] + w[3 * b + a]) - (a == b ? pressure * volume : 0));
                if (!(r <= worst)) worst = r;
            }
        return worst;
    }
}
