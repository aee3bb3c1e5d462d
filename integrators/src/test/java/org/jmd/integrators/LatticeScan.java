package org.jmd.integrators;

import org.jmd.engine.Potential;
import org.jmd.engine.check.Consistency;

/**
 * The reference the cell relaxations are checked against: the energy of the perfect fcc crystal
 * (conventional 4-atom cell) as a function of the lattice constant alone, minimized by golden
 * section, and the pressure −dE/dV from central differences of that energy, solved for a target
 * by bisection. Neither uses the virial, so they check it independently.
 */
final class LatticeScan {
    private final Potential potential;

    LatticeScan(Potential potential) { this.potential = potential; }

    /** Energy per atom (eV) of perfect fcc with lattice constant a. */
    double energyPerAtom(double a) { return Consistency.energy(potential, LjArgon.fcc(a, 1)) / 4; }

    /** −dE/dV (bar) of the perfect crystal at lattice constant a. */
    double pressureBar(double a) {
        double h = 1e-4;
        double dEda = 4 * (energyPerAtom(a + h) - energyPerAtom(a - h)) / (2 * h);
        return -dEda / (3 * a * a) * org.jmd.engine.Units.EV_PER_A3_IN_BAR;
    }

    /** The lattice constant of least energy in [lo, hi], to within tol (Å). */
    double minimumEnergyLatticeConstant(double lo, double hi, double tol) {
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
        double fc = energyPerAtom(c), fd = energyPerAtom(d);
        while (hi - lo > tol) {
            if (fc < fd) { hi = d; d = c; fd = fc; c = hi - g * (hi - lo); fc = energyPerAtom(c); }
            else { lo = c; c = d; fc = fd; d = lo + g * (hi - lo); fd = energyPerAtom(d); }
        }
        return 0.5 * (lo + hi);
    }

    /** The lattice constant in [lo, hi] where the pressure is p (bar); pressure falls with a. */
    double latticeConstantAtPressure(double p, double lo, double hi, double tol) {
        if (!(pressureBar(lo) > p && pressureBar(hi) < p)) throw new IllegalArgumentException("pressure " + p + " bar not bracketed by a in [" + lo + ", " + hi + "]");
        while (hi - lo > tol) {
            double mid = 0.5 * (lo + hi);
            if (pressureBar(mid) > p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
