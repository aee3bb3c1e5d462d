package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.check.Consistency;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MinimizeOptions;
import org.jmd.engine.md.MinimizeResult;
import org.jmd.engine.md.Minimizer;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FIRE, L-BFGS and CG on a rattled 32-atom LJ argon crystal: they converge to fmax with the
 * cell fixed (back to the perfect crystal's energy), and with cell=yes they find the lattice
 * constant of a fine 1-D scan of the perfect crystal, at zero pressure (energy minimum) and at
 * 5 kbar (where −dE/dV = 5 kbar), to 1e-4 Å.
 */
class MinimizerTest {
    private static final double FMAX = 1e-4;
    private static double minimumA, compressedA;

    @BeforeAll static void scan() {
        LatticeScan scan = new LatticeScan(LjArgon.potential());
        minimumA = scan.minimumEnergyLatticeConstant(5.0, 5.6, 1e-7);
        compressedA = scan.latticeConstantAtPressure(5000, 5.0, minimumA, 1e-7);
        System.out.printf("1-D scan: energy minimum at a = %.6f Å, 5 kbar at a = %.6f Å%n", minimumA, compressedA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fire", "lbfgs", "cg"})
    void relaxesRattledCrystalToFmax(String name) {
        AtomicSystem s = LjArgon.fcc(minimumA, 2);
        double perfect = Consistency.energy(LjArgon.potential(), s);
        LjArgon.rattle(s, 0.1, 42);
        Dynamics d = LjArgon.dynamics(s, 1.0);
        double start = d.forces.energy;
        AtomicInteger calls = new AtomicInteger();
        MinimizeResult r = Ensembles.minimizer(name).minimize(d,
                new MinimizeOptions(FMAX, 5000, false, 0, (dyn, it) -> {
                    assertEquals(calls.incrementAndGet(), it);
                    assertEquals(dyn.forces.energy, Consistency.energy(LjArgon.potential(), dyn.system), 1e-10, "forces stale at iteration " + it);
                }));
        System.out.printf("%s, cell fixed: %d iterations, fmax %.2e eV/Å, E - E_perfect = %.2e eV (start %+.3e)%n",
                name, r.steps(), r.fmax(), r.energy() - perfect, start - perfect);
        assertTrue(r.converged(), name + " did not converge: " + r);
        assertTrue(r.fmax() < FMAX, "fmax " + r.fmax());
        assertEquals(r.steps(), calls.get());
        assertEquals(d.forces.energy, r.energy(), 0.0);
        // residual energy of forces below fmax is ~ N fmax²/k ≈ 1e-6 eV; the rattle added 0.17 eV and
        // any other minimum (a defect) lies ≥ 1e-2 eV higher
        assertEquals(perfect, r.energy(), 1e-5, "should relax back to the perfect crystal");
        assertEquals(r.fmax(), maxForce(Consistency.evaluate(LjArgon.potential(), s).forces), 1e-12, "reported fmax belongs to the final state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fire", "lbfgs", "cg"})
    void findsZeroPressureLatticeConstant(String name) {
        double a = relaxCell(name, 5.40, 0);
        System.out.printf("%s, cell=yes pressure=0: a = %.6f Å (scan %.6f, diff %.1e)%n", name, a, minimumA, a - minimumA);
        assertEquals(minimumA, a, 1e-4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fire", "lbfgs", "cg"})
    void findsLatticeConstantAtPressure(String name) {
        double a = relaxCell(name, minimumA, 5000);
        System.out.printf("%s, cell=yes pressure=5000 bar: a = %.6f Å (scan %.6f, diff %.1e)%n", name, a, compressedA, a - compressedA);
        assertEquals(compressedA, a, 1e-4);
    }

    /** Relaxes a rattled crystal started at lattice constant a0; returns the final cubic lattice constant. */
    private static double relaxCell(String name, double a0, double pressure) {
        AtomicSystem s = LjArgon.fcc(a0, 2);
        LjArgon.rattle(s, 0.05, 7);
        Dynamics d = LjArgon.dynamics(s, 1.0);
        Minimizer m = Ensembles.minimizer(name);
        MinimizeResult r = m.minimize(d, new MinimizeOptions(FMAX, 5000, true, pressure, null));
        assertTrue(r.converged(), name + " did not converge: " + r);
        double[] h = s.cell().matrix();
        double[] edges = new double[3];
        for (int k = 0; k < 3; k++) edges[k] = Math.sqrt(h[3 * k] * h[3 * k] + h[3 * k + 1] * h[3 * k + 1] + h[3 * k + 2] * h[3 * k + 2]);
        assertEquals(edges[0], edges[1], 1e-4, "cell should stay cubic");
        assertEquals(edges[0], edges[2], 1e-4, "cell should stay cubic");
        System.out.printf("%s: %d iterations, %d force calls%n", name, r.steps(), d.calculator.evaluations());
        return Math.cbrt(s.cell().volume() / 8);
    }

    @Test void rejectsBadOptions() {
        Dynamics d = LjArgon.dynamics(LjArgon.fcc(5.3, 1), 1.0);
        Minimizer m = Ensembles.minimizer("lbfgs");
        assertThrows(InputException.class, () -> m.minimize(d, new MinimizeOptions(0, 10, false, 0, null)));
        AtomicSystem cluster = new AtomicSystem(Cell.open(), new String[] {"Ar"}, new int[2], new double[] {0, 0, 0, 3.8, 0, 0});
        Dynamics dc = LjArgon.dynamics(cluster, 1.0);
        InputException e = assertThrows(InputException.class, () -> m.minimize(dc, new MinimizeOptions(1e-3, 10, true, 0, null)));
        assertTrue(e.getMessage().contains("periodic"), e.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> Ensembles.minimizer("fire dtmax=5 mxstep=0.1"));
        assertTrue(unknown.getMessage().contains("test.deck:1") && unknown.getMessage().contains("mxstep"), unknown.getMessage());
        assertThrows(InputException.class, () -> Ensembles.minimizer("fire dt=2 dtmax=1"));
    }

    @Test void clusterInVacuumRelaxesToDimerDistance() {
        // two atoms: the minimum is at r = 2^{1/6} σ (the shift does not move it)
        AtomicSystem dimer = new AtomicSystem(Cell.open(), new String[] {"Ar"}, new int[2], new double[] {0, 0, 0, 3.5, 0.2, -0.1});
        Dynamics d = LjArgon.dynamics(dimer, 1.0);
        MinimizeResult r = Ensembles.minimizer("lbfgs").minimize(d, new MinimizeOptions(1e-6, 200, false, 0, null));
        assertTrue(r.converged());
        double dx = dimer.x[3] - dimer.x[0], dy = dimer.x[4] - dimer.x[1], dz = dimer.x[5] - dimer.x[2];
        assertEquals(Math.pow(2, 1.0 / 6) * 3.4, Math.sqrt(dx * dx + dy * dy + dz * dz), 1e-5);
    }

    private static double maxForce(double[] f) {
        double worst = 0;
        for (int i = 0; i < f.length / 3; i++) worst = Math.max(worst, Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]));
        return worst;
    }
}
