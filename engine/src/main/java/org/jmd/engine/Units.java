package org.jmd.engine;

/**
 * jmd's units are Å, eV, fs, amu, K, e (charge) and bar (pressure). Every conversion lives here,
 * from CODATA 2018, so that no other class writes a physical constant.
 */
public final class Units {
    private Units() {}

    /** Boltzmann constant in eV/K. */
    public static final double BOLTZMANN = 8.617333262e-5;
    /** 1 amu·Å²/fs² in eV (kinetic energy conversion: KE[eV] = ½ m v² · this, m in amu, v in Å/fs). */
    public static final double AMU_A2_PER_FS2 = 103.6426965268;
    /** 1 eV/Å³ in bar. */
    public static final double EV_PER_A3_IN_BAR = 1.602176634e6;
    /** 1 eV/Å³ in GPa. */
    public static final double EV_PER_A3_IN_GPA = 160.2176634;
    /** 1 ps in fs (LAMMPS metal units give velocities in Å/ps). */
    public static final double FS_PER_PS = 1000.0;
    /** 1 Bohr in Å. */
    public static final double BOHR = 0.529177210903;
    /** 1 Hartree in eV. */
    public static final double HARTREE = 27.211386245988;
    /** Coulomb constant e²/(4πε₀) in eV·Å. */
    public static final double COULOMB = 14.399645478425668;
}
