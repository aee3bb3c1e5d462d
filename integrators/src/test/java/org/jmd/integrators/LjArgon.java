package org.jmd.integrators;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.md.Dynamics;
import org.jmd.neighbor.Cell;

/** Test systems: fcc argon with the Lennard-Jones parameters the task prescribes. */
final class LjArgon {
    static final String POTENTIAL = "lj epsilon=0.0104 sigma=3.4 cutoff=8.0";

    private LjArgon() {}

    static Potential potential() { return PotentialRegistry.load().create(POTENTIAL, null); }

    /** An n×n×n supercell of the conventional fcc cell with lattice constant a (Å). */
    static AtomicSystem fcc(double a, int n) {
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};
        int atoms = 4 * n * n * n;
        double[] x = new double[3 * atoms];
        int k = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int l = 0; l < n; l++)
            for (double[] b : basis) { x[k++] = (i + b[0]) * a; x[k++] = (j + b[1]) * a; x[k++] = (l + b[2]) * a; }
        return new AtomicSystem(Cell.orthorhombic(n * a, n * a, n * a), new String[] {"Ar"}, new int[atoms], x);
    }

    /** Moves every coordinate by a Gaussian of the given standard deviation (Å). */
    static void rattle(AtomicSystem s, double sd, long seed) {
        Random r = new Random(seed);
        for (int k = 0; k < s.x.length; k++) s.x[k] += sd * r.nextGaussian();
    }

    static Dynamics dynamics(AtomicSystem s, double timestep) {
        Dynamics d = new Dynamics(s, new ForceCalculator(potential()));
        d.clock.timestep = timestep;
        d.computeForces();
        return d;
    }
}
