package org.jmd.engine;

/**
 * jmd's units are Å, eV, fs, amu, K, e (charge) and bar (pressure). Every conversion lives here,
 * from CODATA 2018, so that no other class writes a physical constant.
 */
public final class Units {
    private Units() {}

    /** Boltzmann constant in eV/K. */
    public static final double BOLTZMANN = 8.617333262e-5;
    /**
     * 1 amu·Å²/fs² in eV as jmd's dynamics use it (kinetic energy KE[eV] = ½ m v² · this, m in
     * amu, v in Å/fs; its inverse turns eV/Å/amu into Å/fs²). This is LAMMPS's metal-units value
     * (1.0364269e-4 eV per amu·Å²/ps², 8 digits) rather than CODATA's (103.6426965 eV, 2018),
     * 6e-8 relatively smaller, so that kinetic energies and trajectories agree with LAMMPS to
     * round-off: with the CODATA value a 216-atom Si run already differs by 2e-6 eV in kinetic
     * energy. The difference is far below any physical significance.
     */
    public static final double AMU_A2_PER_FS2 = 103.64269;
    /**
     * 1 amu·Å²/fs² in eV as ASE's units have it (CODATA 2014, ASE's default: (1/ase.units.fs)²),
     * for converting ASE's momenta, so that ASE reads back the velocities jmd wrote to round-off.
     */
    public static final double AMU_A2_PER_FS2_ASE = 103.64269572045424;
    /** 1 eV/Å³ in bar. */
    public static final double EV_PER_A3_IN_BAR = 1.602176634e6;
    /** 1 eV/Å³ in GPa. */
    public static final double EV_PER_A3_IN_GPA = 160.2176634;
    /** 1 eV/Å² in J/m² (surface energies). */
    public static final double EV_PER_A2_IN_J_PER_M2 = 16.02176634;
    /** 1 ps in fs (LAMMPS metal units give velocities in Å/ps). */
    public static final double FS_PER_PS = 1000.0;
    /** 1 Bohr in Å. */
    public static final double BOHR = 0.529177210903;
    /** 1 Hartree in eV. */
    public static final double HARTREE = 27.211386245988;
    /**
     * 1 Bohr in Å as ASE's {@code ase.units.Bohr} has it (CODATA 2014, ASE's default, to the
     * last bit), 4.4e-10 relatively smaller than {@link #BOHR}. The i-PI socket protocol
     * ({@code jmd serve}) works in Bohr and Hartree; converting with ASE's values makes a
     * structure sent by ASE's {@code SocketIOCalculator} arrive at the very positions ASE holds,
     * so results through the socket equal {@code jmd eval} to round-off.
     */
    public static final double BOHR_ASE = 0.5291772105638411;
    /** 1 Hartree in eV as ASE's {@code ase.units.Hartree} has it (CODATA 2014), 8e-9 relatively smaller than {@link #HARTREE}. */
    public static final double HARTREE_ASE = 27.211386024367243;
    /** Coulomb constant e²/(4πε₀) in eV·Å. */
    public static final double COULOMB = 14.399645478425668;
    /**
     * The Coulomb constant as LAMMPS's metal units write it (qqr2e = 14.399645 eV·Å, 8 digits),
     * 3.3e-8 relatively smaller than {@link #COULOMB}: for reproducing LAMMPS's electrostatics,
     * where a virial that is a small difference of large Coulomb and repulsive parts magnifies it.
     */
    public static final double COULOMB_LAMMPS = 14.399645;
}
