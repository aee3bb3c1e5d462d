package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.build.Lattices;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.md.MinimizeResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diamond silicon with the standard Stillinger–Weber file (LAMMPS's Si.sw), started compressed
 * to a = 5.40 Å and rattled, relaxed with cell=yes: the lattice constant must come out as
 * SW's 5.4310 Å (σ = 2.0951 Å puts the minimum there) to 1e-4 Å, for each minimizer.
 */
class SiliconRelaxationTest {
    static final Path SW = Path.of("/usr/share/lammps/potentials/Si.sw");

    @ParameterizedTest
    @ValueSource(strings = {"fire", "lbfgs", "cg"})
    void relaxesToSwLatticeConstant(String name) {
        assertTrue(Files.isRegularFile(SW), "reference potential file missing: " + SW + " (Debian package lammps-data)");
        AtomicSystem s = Lattices.build("diamond", 5.40, Double.NaN, Double.NaN, new String[] {"Si"}, 2, 2, 2);
        LjArgon.rattle(s, 0.03, 5);
        Dynamics d = new Dynamics(s, new ForceCalculator(PotentialRegistry.load().create("sw " + SW, null)));
        d.computeForces();
        MinimizeResult r = Ensembles.minimizer(name).minimize(d, new MinimizeOptions(1e-4, 3000, true, 0, null));
        double a = Math.cbrt(s.cell().volume() / 8);
        System.out.printf("Si SW, %s cell=yes: %d iterations, a = %.6f Å, E = %.6f eV/atom, fmax %.1e%n",
                name, r.steps(), a, r.energy() / s.size(), r.fmax());
        assertTrue(r.converged(), name + " did not converge: " + r);
        assertEquals(5.4310, a, 1e-4);
        assertEquals(-4.3366, r.energy() / s.size(), 1e-3, "SW silicon cohesive energy per atom (2.1683 eV per bond × 2)");
    }
}
