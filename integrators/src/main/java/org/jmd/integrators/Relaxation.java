package org.jmd.integrators;

import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.opt.Objective;

/**
 * What a minimizer sees: a vector of generalized coordinates, an objective and its gradient.
 * The coordinates come in blocks of three (one per atom, and one per cell vector when the cell
 * relaxes), so that step limits can be stated as "no atom moves more than maxstep".
 *
 * <p>Every evaluation moves the system there and recomputes its forces; {@link #makeCurrent}
 * makes sure {@code d.forces} belong to the accepted point, as the Minimizer contract requires.
 */
abstract class Relaxation implements Objective {
    final Dynamics d;
    private double[] evaluated = new double[0];

    Relaxation(Dynamics d) { this.d = d; }

    /** Atoms only, or atoms and cell (enthalpy at the target pressure) when the options say so. */
    static Relaxation of(Dynamics d, MinimizeOptions o) {
        if (!(o.fmax() > 0)) throw new InputException("minimize: fmax= must be positive (eV/Å), got " + o.fmax());
        if (o.maxSteps() < 0) throw new InputException("minimize: steps= must not be negative, got " + o.maxSteps());
        if (!o.relaxCell()) return new AtomsRelaxation(d);
        if (!d.system.cell().fullyPeriodic()) throw new InputException("minimize: cell=yes needs a cell that is periodic in all three directions");
        return new CellRelaxation(d, o.pressure());
    }

    abstract int dimension();

    /** The generalized coordinates of the current state. */
    abstract void read(double[] x);

    /** Moves the system to x and returns the objective (eV), with its gradient in {@code gradient}. */
    @Override public final double evaluate(double[] x, double[] gradient) {
        double f = apply(x, gradient);
        if (evaluated.length != x.length) evaluated = new double[x.length];
        System.arraycopy(x, 0, evaluated, 0, x.length);
        return f;
    }

    abstract double apply(double[] x, double[] gradient);

    /** Re-evaluates at x unless that was the last point evaluated. */
    final void makeCurrent(double[] x, double[] gradient) {
        if (!java.util.Arrays.equals(x, evaluated)) evaluate(x, gradient);
    }

    /** Whether the forces (and the stress, for cell relaxation) meet MinimizeOptions' criterion. */
    abstract boolean converged(double fmax);

    /** Largest atomic force magnitude (eV/Å) at the last evaluation. */
    final double maxAtomForce() {
        double[] f = d.forces.forces;
        double worst = 0;
        for (int i = 0; i < d.system.size(); i++) {
            double m = Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]);
            if (!(m <= worst)) worst = m; // NaN propagates
        }
        return worst;
    }

    /** Largest norm of a three-component block of a step p: how far the furthest atom would move. */
    static double largestBlock(double[] p) {
        double worst = 0;
        for (int b = 0; b + 2 < p.length; b += 3) worst = Math.max(worst, p[b] * p[b] + p[b + 1] * p[b + 1] + p[b + 2] * p[b + 2]);
        return Math.sqrt(worst);
    }
}
