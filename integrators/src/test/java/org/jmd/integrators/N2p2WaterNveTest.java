package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Thermodynamics;
import org.jmd.neighbor.Cell;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;

/**
 * NVE with the shared n2p2 water potential (RPBE-D3, Bohr/Hartree, used through its unit options in
 * Å and eV): a cluster of whole molecules cut from the reference liquid, 300 K velocities, velocity
 * Verlet at 0.25 fs. The total energy must not drift: a force that is not −∇E would show here.
 */
class N2p2WaterNveTest {
    @Test void waterClusterConservesEnergy() {
        String shared = System.getProperty("jmd.testdata");
        if (shared == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path dir = Path.of(shared, "reference", "n2p2", "H2O_RPBE-D3");
        if (!Files.isRegularFile(dir.resolve("input.data"))) fail("reference data missing: " + dir.resolve("input.data"));
        AtomicSystem liquid = StructureIO.read(dir.resolve("input.data")).system;
        AtomicSystem s = cluster(liquid, 5.5 / Units.BOHR);
        int n = s.size();
        Random rnd = new Random(7);
        double kT = Units.BOLTZMANN * 300;
        for (int i = 0; i < n; i++)
            for (int d = 0; d < 3; d++) s.v[3 * i + d] = rnd.nextGaussian() * Math.sqrt(kT / (s.mass[i] * Units.AMU_A2_PER_FS2));
        Dynamics md = new Dynamics(s, new ForceCalculator(PotentialRegistry.load()
                .create("nnp \"" + dir + "\" length_unit=bohr energy_unit=hartree", null)));
        md.clock.timestep = 0.25;
        md.computeForces();
        double e0 = md.forces.energy + Thermodynamics.kineticEnergy(s);
        VelocityVerlet vv = new VelocityVerlet();
        double worst = 0, last = 0;
        int steps = 400;
        for (int step = 0; step < steps; step++) {
            vv.step(md);
            last = md.forces.energy + Thermodynamics.kineticEnergy(s) - e0;
            worst = Math.max(worst, Math.abs(last));
        }
        double ke = Thermodynamics.kineticEnergy(s);
        System.out.printf("water NVE, %d atoms, %d steps of 0.25 fs: max |E - E0| %.3e eV (%.3e eV/atom), final drift %.3e eV, KE %.4f eV%n",
                n, steps, worst, worst / n, last, ke);
        assertTrue(worst / n < 1e-4, "energy error per atom " + worst / n + " eV");
        assertTrue(Math.abs(last) / n < 3e-5, "final energy drift per atom " + last / n + " eV");
    }

    /** Whole molecules (O followed by its two H, as in the file) whose O lies within radius of the first O, unwrapped, in Å. */
    private static AtomicSystem cluster(AtomicSystem liquid, double radius) {
        Cell c = liquid.cell();
        List<String> sym = new ArrayList<>();
        List<double[]> pos = new ArrayList<>();
        for (int o = 0; o < liquid.size(); o += 3) {
            double[] shift = image(c, liquid.x, 0, o);
            double r2 = 0;
            for (int d = 0; d < 3; d++) {
                double dd = liquid.x[3 * o + d] + shift[d] - liquid.x[d];
                r2 += dd * dd;
            }
            if (r2 > radius * radius) continue;
            for (int a = o; a < o + 3; a++) {
                double[] s2 = image(c, liquid.x, o, a); // keep each H with its O
                double[] p = new double[3];
                for (int d = 0; d < 3; d++) p[d] = (liquid.x[3 * a + d] + shift[d] + s2[d]) * Units.BOHR;
                sym.add(liquid.symbol(a));
                pos.add(p);
            }
        }
        double[] x = new double[3 * pos.size()];
        for (int i = 0; i < pos.size(); i++) System.arraycopy(pos.get(i), 0, x, 3 * i, 3);
        return AtomicSystem.of(Cell.open(), sym.toArray(new String[0]), x);
    }

    /** Lattice shift bringing atom j nearest to atom i (orthorhombic cell). */
    private static double[] image(Cell c, double[] x, int i, int j) {
        double[] s = new double[3];
        for (int d = 0; d < 3; d++) {
            double l = c.h(d, d), dd = x[3 * j + d] - x[3 * i + d];
            s[d] = -l * Math.rint(dd / l);
        }
        return s;
    }
}
