package org.jmd.integrators;

import org.jmd.engine.md.Dynamics;

/** Positions only, cell fixed: the coordinates are the positions, the gradient minus the forces. */
final class AtomsRelaxation extends Relaxation {
    AtomsRelaxation(Dynamics d) { super(d); }

    @Override int dimension() { return 3 * d.system.size(); }

    @Override void read(double[] x) { System.arraycopy(d.system.x, 0, x, 0, x.length); }

    @Override double apply(double[] x, double[] gradient) {
        System.arraycopy(x, 0, d.system.x, 0, x.length);
        d.computeForces();
        double[] f = d.forces.forces;
        for (int k = 0; k < x.length; k++) gradient[k] = -f[k];
        return d.forces.energy;
    }

    @Override boolean converged(double fmax) { return maxAtomForce() < fmax; }
}
