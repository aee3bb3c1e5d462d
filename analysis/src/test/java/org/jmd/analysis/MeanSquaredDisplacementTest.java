package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/** MSD of motions whose displacement is known in closed form, fed as wrapped positions. */
class MeanSquaredDisplacementTest {
    /** A triclinic periodic cell, so unwrapping has to go through fractional coordinates. */
    static final Cell CELL = new Cell(new double[] {10, 0, 0, 3, 11, 0, -2, 1.5, 12}, new boolean[] {true, true, true});

    /** n atoms with masses 1..4 amu at random positions. */
    static AtomicSystem atoms(int n, Random rnd) {
        double[] x = new double[3 * n];
        for (int k = 0; k < x.length; k++) x[k] = 10 * rnd.nextDouble();
        String[] symbols = new String[n];
        java.util.Arrays.fill(symbols, "Ar");
        AtomicSystem s = AtomicSystem.of(CELL, symbols, x);
        for (int i = 0; i < n; i++) s.mass[i] = 1 + i % 4;
        return s;
    }

    /** Positions x0 + u(t) wrapped into the cell, as a program that wraps would write them. */
    static void place(AtomicSystem s, double[] x0, double[] u) {
        for (int k = 0; k < x0.length; k++) s.x[k] = x0[k] + u[k];
        s.cell().wrap(s.x, s.size());
    }

    /**
     * Straight lines x_i + v_i t: MSD = t² · (1/N) Σ |v_i − V|², V the mass-weighted mean velocity. At
     * 0.04 Å/fs for 5 ps every 10 fs an atom crosses the ~10 Å cell about 20 times.
     */
    @Test void ballisticMotionThroughManyCells() {
        Random rnd = new Random(1);
        int n = 40;
        AtomicSystem s = atoms(n, rnd);
        double[] x0 = s.x.clone(), v = new double[3 * n], u = new double[3 * n];
        for (int k = 0; k < v.length; k++) v[k] = 0.04 * rnd.nextGaussian();
        double[] com = new double[3];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += s.mass[i];
            for (int d = 0; d < 3; d++) com[d] += s.mass[i] * v[3 * i + d];
        }
        double speed2 = 0;
        for (int i = 0; i < n; i++) for (int d = 0; d < 3; d++) speed2 += Math.pow(v[3 * i + d] - com[d] / total, 2) / n;
        MeanSquaredDisplacement msd = new MeanSquaredDisplacement();
        double maxTravel = 0;
        for (int f = 0; f <= 500; f++) {
            double t = 10.0 * f;
            for (int k = 0; k < u.length; k++) u[k] = v[k] * t;
            for (int k = 0; k < u.length; k++) maxTravel = Math.max(maxTravel, Math.abs(u[k]));
            place(s, x0, u);
            msd.add(s, 100 + t); // the time column counts from the first frame
        }
        assertTrue(maxTravel > 150, "atoms cross the cell many times: " + maxTravel + " Å");
        double[] times = msd.times(), m = msd.msd();
        assertEquals(501, m.length);
        for (int f = 0; f < m.length; f++) {
            assertEquals(10.0 * f / 1000, times[f], 1e-12);
            double tFs = 10.0 * f;
            assertEquals(speed2 * tFs * tFs, m[f], 1e-9 * (1 + speed2 * tFs * tFs), "frame " + f);
        }
    }

    /** The whole system drifting: nothing moves relative to the centre of mass. */
    @Test void uniformDriftIsRemoved() {
        Random rnd = new Random(2);
        int n = 30;
        AtomicSystem s = atoms(n, rnd);
        double[] x0 = s.x.clone(), u = new double[3 * n];
        MeanSquaredDisplacement msd = new MeanSquaredDisplacement();
        for (int f = 0; f <= 200; f++) {
            for (int i = 0; i < n; i++) { u[3 * i] = 0.3 * f; u[3 * i + 1] = -0.2 * f; u[3 * i + 2] = 0.1 * f; }
            place(s, x0, u);
            msd.add(s, 5.0 * f);
        }
        for (double m : msd.msd()) assertEquals(0, m, 1e-18);
    }

    /**
     * Displacements c_i √t with fixed directions: MSD = t (1/N) Σ |c_i − C|², a straight line, so the
     * fitted D is exactly that over 6, in Å²/ps.
     */
    @Test void diffusionCoefficientOfALinearMsd() {
        Random rnd = new Random(3);
        int n = 25;
        AtomicSystem s = atoms(n, rnd);
        double[] x0 = s.x.clone(), c = new double[3 * n], u = new double[3 * n];
        for (int k = 0; k < c.length; k++) c[k] = 0.05 * rnd.nextGaussian();
        double total = 0;
        double[] com = new double[3];
        for (int i = 0; i < n; i++) {
            total += s.mass[i];
            for (int d = 0; d < 3; d++) com[d] += s.mass[i] * c[3 * i + d];
        }
        double slope = 0; // Å² per fs
        for (int i = 0; i < n; i++) for (int d = 0; d < 3; d++) slope += Math.pow(c[3 * i + d] - com[d] / total, 2) / n;
        MeanSquaredDisplacement msd = new MeanSquaredDisplacement();
        for (int f = 0; f <= 100; f++) {
            double t = 20.0 * f;
            for (int k = 0; k < u.length; k++) u[k] = c[k] * Math.sqrt(t);
            place(s, x0, u);
            msd.add(s, t);
        }
        assertEquals(slope * 1000 / 6, msd.diffusion(), 1e-9 * slope * 1000);
    }

    @Test void framesMustMatchAndMoveForwardInTime() {
        Random rnd = new Random(4);
        MeanSquaredDisplacement msd = new MeanSquaredDisplacement();
        msd.add(atoms(5, rnd), 0);
        assertTrue(Double.isNaN(msd.diffusion()));
        assertThrows(IllegalArgumentException.class, () -> msd.add(atoms(6, rnd), 10));
        assertThrows(IllegalArgumentException.class, () -> msd.add(atoms(5, rnd), 0));
    }
}
