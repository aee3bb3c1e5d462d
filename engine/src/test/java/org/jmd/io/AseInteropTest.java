package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmd and ASE 3.22 read each other's files: jmd writes, ASE reads and prints, values compared to
 * 1e-10; and ASE writes, jmd reads, compared with what ASE reads back from its own file.
 */
class AseInteropTest {
    static final double TOL = 1e-10;
    @TempDir Path tmp;

    @BeforeEach void needsAse() { Ase.assume(); }

    static double[] col(double[] v, int i) { return Arrays.copyOfRange(v, 3 * i, 3 * i + 3); }

    // ---------------------------------------------------------------- jmd writes, ASE reads

    @Test void aseReadsJmdExtendedXyz() throws Exception {
        Frame f = TestFrames.znoTriclinic(11, true);
        f.info.put("config_type", "rattled");
        f.info.put("description", "snapshot 3 at 300 K");
        f.system.setCell(new org.jmd.neighbor.Cell(TestFrames.GENERAL_CELL, new boolean[] {true, true, false}));
        Path p = tmp.resolve("jmd.extxyz");
        StructureIO.write(p, f);
        Map<String, String[]> a = Ase.run(String.join("\n",
                "a = read(sys.argv[1], format='extxyz')",
                "num('cell', a.cell[:]); num('pos', a.positions); txt('symbols', a.get_chemical_symbols())",
                "num('vel', a.arrays['vel']); num('charges', a.get_initial_charges()); num('forces', a.arrays['forces'])",
                "num('energies', a.arrays['energies']); num('energy', a.info['energy']); num('virial', a.info['virial'])",
                "num('stress', a.info['stress']); num('pbc', a.pbc)",
                "txt('config_type', [a.info['config_type']]); print('description', a.info['description'])"), p);
        AtomicSystem s = f.system;
        assertArrayEquals(s.cell().matrix(), Ase.reals(a, "cell"), TOL);
        assertArrayEquals(s.x, Ase.reals(a, "pos"), TOL);
        assertArrayEquals(s.symbols(), a.get("symbols"));
        assertArrayEquals(s.v, Ase.reals(a, "vel"), TOL);
        assertArrayEquals(s.charge, Ase.reals(a, "charges"), TOL);
        assertArrayEquals(f.forces, Ase.reals(a, "forces"), TOL);
        assertArrayEquals(f.atomEnergies, Ase.reals(a, "energies"), TOL);
        assertEquals(f.energy, Ase.reals(a, "energy")[0], TOL);
        assertArrayEquals(f.virial, Ase.reals(a, "virial"), TOL);
        assertArrayEquals(f.stress, Ase.reals(a, "stress"), TOL);
        assertArrayEquals(new double[] {1, 1, 0}, Ase.reals(a, "pbc"), 0.0);
        assertEquals("rattled", a.get("config_type")[0]);
        assertEquals("snapshot 3 at 300 K", String.join(" ", a.get("description")));
    }

    @Test void aseReadsJmdLammpsDataOfAGeneralTriclinicCell() throws Exception {
        Frame f = TestFrames.znoTriclinic(12, true); // species table Zn, O → types 1, 2
        Path p = tmp.resolve("jmd.lmp");
        StructureIO.write(p, f);
        Map<String, String[]> a = Ase.run(String.join("\n",
                "from ase.io.lammpsdata import read_lammps_data",
                "a = read_lammps_data(open(sys.argv[1]), style='charge', units='metal', Z_of_type={1: 30, 2: 8}, sort_by_id=True)",
                "num('cell', a.cell[:]); num('pos', a.positions); txt('symbols', a.get_chemical_symbols())",
                "num('vel', a.get_velocities() * units.fs); num('charges', a.arrays['initial_charges']); num('masses', a.get_masses())"), p);
        AtomicSystem s = f.system;
        double[] cell = Ase.reals(a, "cell");
        double[] r = LammpsDataTest.rotationBetween(s.cell().matrix(), cell);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
            assertEquals(i == j ? 1.0 : 0.0, r[3 * i] * r[3 * j] + r[3 * i + 1] * r[3 * j + 1] + r[3 * i + 2] * r[3 * j + 2], TOL,
                    "ASE's cell is a rigid rotation of jmd's");
        }
        double[] pos = Ase.reals(a, "pos"), vel = Ase.reals(a, "vel");
        for (int i = 0; i < s.size(); i++) {
            assertArrayEquals(LammpsDataTest.apply(r, s.x, i), col(pos, i), TOL);
            assertArrayEquals(LammpsDataTest.apply(r, s.v, i), col(vel, i), TOL);
        }
        assertArrayEquals(s.symbols(), a.get("symbols"));
        assertArrayEquals(s.charge, Ase.reals(a, "charges"), TOL);
        // ASE converts metal-unit masses (g/mol) to amu through N_A·amu/1 g, which is 1 only to 3e-10
        double[] m = Ase.reals(a, "masses");
        for (int i = 0; i < s.size(); i++) assertEquals(s.mass[i], m[i], 1e-9 * s.mass[i]);
    }

    @Test void aseReadsJmdPoscarWithSelectiveDynamics() throws Exception {
        Frame f = TestFrames.znoTriclinic(13, false);
        String[] mask = "T T T F F F T F T T T T T T T F F T".split(" ");
        f.arrays.put(Poscar.MOVE_MASK, new Frame.Column('L', 3, mask));
        Path p = tmp.resolve("POSCAR");
        StructureIO.write(p, f);
        Map<String, String[]> a = Ase.run(String.join("\n",
                "from ase.constraints import FixAtoms, FixScaled",
                "a = read(sys.argv[1], format='vasp')",
                "fixed = np.zeros((len(a), 3))",
                "for c in a.constraints:",
                "    if isinstance(c, FixAtoms): fixed[c.index] = 1",
                "    elif isinstance(c, FixScaled): fixed[c.a] = c.mask",
                "num('cell', a.cell[:]); num('pos', a.positions); txt('symbols', a.get_chemical_symbols()); num('fixed', fixed)"), p);
        assertArrayEquals(f.system.cell().matrix(), Ase.reals(a, "cell"), TOL);
        assertArrayEquals(f.system.x, Ase.reals(a, "pos"), TOL);
        assertArrayEquals(f.system.symbols(), a.get("symbols"));
        double[] fixed = Ase.reals(a, "fixed");
        for (int k = 0; k < mask.length; k++) assertEquals(mask[k].equals("F") ? 1.0 : 0.0, fixed[k], 0.0, "flag " + k);
    }

    // ---------------------------------------------------------------- ASE writes, jmd reads

    /** A triclinic ZnO cell with velocities, charges and calculator results, built in Python. */
    static final String ASE_STRUCTURE = String.join("\n",
            "from ase.calculators.singlepoint import SinglePointCalculator",
            "rng = np.random.default_rng(5)",
            "cell = [[5.2, 0.1, -0.3], [1.1, 4.9, 0.2], [-0.6, 0.8, 6.1]]",
            "a = Atoms('ZnZnOO', cell=cell, pbc=True)",
            "a.set_scaled_positions(rng.random((4, 3)))",
            "a.set_velocities(rng.normal(size=(4, 3)) * 0.01 / units.fs)",
            "a.set_initial_charges([2.0, 2.0, -2.0, -2.0])",
            "");

    /** What ASE reads back from its own file. */
    static final String ASE_PRINT = String.join("\n",
            "num('cell', b.cell[:]); num('pos', b.positions); txt('symbols', b.get_chemical_symbols())",
            "num('vel', b.get_velocities() * units.fs); num('charges', b.get_initial_charges())",
            "");

    @Test void jmdReadsAseExtendedXyz() throws Exception {
        Path p = tmp.resolve("ase.extxyz");
        Map<String, String[]> a = Ase.run(ASE_STRUCTURE + String.join("\n",
                "a.info['config_type'] = 'aimd'",
                "a.calc = SinglePointCalculator(a, energy=-12.5, forces=rng.normal(size=(4, 3)), stress=rng.normal(size=6) * 0.01)",
                "write(sys.argv[1], a, format='extxyz')",
                "b = read(sys.argv[1], format='extxyz')",
                ASE_PRINT,
                "num('forces', b.get_forces()); num('energy', b.get_potential_energy()); num('stress', b.get_stress(voigt=False))",
                "txt('config_type', [b.info['config_type']])"), p);
        Frame f = StructureIO.read(p);
        compare(a, f);
        assertArrayEquals(Ase.reals(a, "forces"), f.forces, TOL);
        assertEquals(Ase.reals(a, "energy")[0], f.energy, TOL);
        assertArrayEquals(Ase.reals(a, "stress"), f.stress, TOL);
        assertEquals("aimd", f.info.get("config_type"));
    }

    @Test void jmdReadsAseLammpsData() throws Exception {
        Path p = tmp.resolve("ase.lmp");
        Map<String, String[]> a = Ase.run(ASE_STRUCTURE + String.join("\n",
                "from ase.io.lammpsdata import write_lammps_data, read_lammps_data",
                "with open(sys.argv[1], 'w') as fd:",
                "    write_lammps_data(fd, a, specorder=['Zn', 'O'], atom_style='charge', velocities=True, units='metal')",
                "b = read_lammps_data(open(sys.argv[1]), style='charge', units='metal', Z_of_type={1: 30, 2: 8}, sort_by_id=True)",
                ASE_PRINT), p);
        // ASE writes no Masses section, so the species are given as for pair_coeff
        Frame f = StructureIO.read(p, LammpsData.FORMAT.withSpecies("Zn", "O"));
        compare(a, f);
    }

    @Test void jmdReadsAsePoscar() throws Exception {
        Path p = tmp.resolve("POSCAR");
        Map<String, String[]> a = Ase.run(ASE_STRUCTURE + String.join("\n",
                "from ase.constraints import FixAtoms",
                "a.set_constraint(FixAtoms(indices=[0, 2]))",
                "write(sys.argv[1], a, format='vasp', direct=True, vasp5=True)",
                "b = read(sys.argv[1], format='vasp')",
                "b.set_velocities(np.zeros((4, 3))); b.set_initial_charges(np.zeros(4))",  // POSCAR holds neither
                ASE_PRINT), p);
        Frame f = StructureIO.read(p);
        compare(a, f);
        assertArrayEquals("F F F T T T F F F T T T".split(" "), f.arrays.get(Poscar.MOVE_MASK).values());
    }

    private static void compare(Map<String, String[]> a, Frame f) {
        AtomicSystem s = f.system;
        assertArrayEquals(a.get("symbols"), s.symbols());
        assertArrayEquals(Ase.reals(a, "cell"), s.cell().matrix(), TOL);
        assertArrayEquals(Ase.reals(a, "pos"), s.x, TOL);
        assertArrayEquals(Ase.reals(a, "vel"), s.v, TOL);
        assertArrayEquals(Ase.reals(a, "charges"), s.charge, TOL);
    }
}
