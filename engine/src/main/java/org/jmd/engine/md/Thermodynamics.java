package org.jmd.engine.md;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Units;

/** Kinetic energy, temperature and pressure, in jmd's units, as LAMMPS's thermo reports them. */
public final class Thermodynamics {
    private Thermodynamics() {}

    /** ½ Σ m v² in eV. */
    public static double kineticEnergy(AtomicSystem s) {
        double k = 0;
        for (int i = 0; i < s.size(); i++) {
            double vx = s.v[3 * i], vy = s.v[3 * i + 1], vz = s.v[3 * i + 2];
            k += s.mass[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * k * Units.AMU_A2_PER_FS2;
    }

    /** Kinetic tensor Σ m v⊗v in eV (row-major 3×3), twice the kinetic energy on its trace. */
    public static double[] kineticTensor(AtomicSystem s) {
        double[] t = new double[9];
        for (int i = 0; i < s.size(); i++)
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) t[3 * a + b] += s.mass[i] * s.v[3 * i + a] * s.v[3 * i + b] * Units.AMU_A2_PER_FS2;
        return t;
    }

    /** Degrees of freedom: 3N − 3 when total momentum is conserved (as LAMMPS counts), 3N for one atom. */
    public static int degreesOfFreedom(AtomicSystem s) {
        return s.size() > 1 ? 3 * s.size() - 3 : 3 * s.size();
    }

    /** Instantaneous temperature 2 KE / (dof k_B) in K. */
    public static double temperature(AtomicSystem s) {
        int dof = degreesOfFreedom(s);
        return dof == 0 ? 0 : 2 * kineticEnergy(s) / (dof * Units.BOLTZMANN);
    }

    /** Pressure (bar): (2 KE·dof/(3N)... as LAMMPS: (dof k_B T + tr W) / (3V). Zero for a non-periodic system. */
    public static double pressure(AtomicSystem s, ForceResult f) {
        if (!s.cell().fullyPeriodic()) return 0;
        double v = s.cell().volume();
        double p = (degreesOfFreedom(s) * Units.BOLTZMANN * temperature(s) + f.virial[0] + f.virial[4] + f.virial[8]) / (3 * v);
        return p * Units.EV_PER_A3_IN_BAR;
    }
}
