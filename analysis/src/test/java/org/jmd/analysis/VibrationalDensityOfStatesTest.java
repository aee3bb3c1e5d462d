package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/** The VDOS of independent harmonic oscillators: peaks at their frequencies, weights by how many there are. */
class VibrationalDensityOfStatesTest {
    /**
     * n atoms whose components oscillate at the given frequencies (THz), component c at
     * {@code frequencies[c % length]}, random phases, amplitudes giving every component the same
     * kinetic energy on average (m A² ω² equal), sampled every {@code dt} fs.
     */
    static VibrationalDensityOfStates oscillators(int n, double[] frequencies, double dt, int frames, long seed) {
        Random rnd = new Random(seed);
        String[] symbols = new String[n];
        java.util.Arrays.fill(symbols, "Ar");
        AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(20, 20, 20), symbols, new double[3 * n]);
        double[] omega = new double[3 * n], phase = new double[3 * n], amplitude = new double[3 * n];
        for (int i = 0; i < n; i++) s.mass[i] = 1 + i % 3;
        for (int c = 0; c < 3 * n; c++) {
            omega[c] = 2 * Math.PI * frequencies[c % frequencies.length] / 1000; // rad/fs
            phase[c] = 2 * Math.PI * rnd.nextDouble();
            amplitude[c] = 0.1 / Math.sqrt(s.mass[c / 3]) / omega[c];
        }
        VibrationalDensityOfStates vdos = new VibrationalDensityOfStates();
        for (int f = 0; f < frames; f++) {
            double t = f * dt;
            for (int c = 0; c < 3 * n; c++) s.v[c] = amplitude[c] * omega[c] * Math.cos(omega[c] * t + phase[c]);
            vdos.add(s, 1000 + t);
        }
        return vdos;
    }

    /** Three frequencies, 30 components each: the maxima sit at them, and ±2 THz around each holds 30 of the 3N = 90 states within 2 % (the rest leaks into the sidelobes of a 4 ps window). */
    @Test void harmonicOscillatorsPeakAtTheirFrequencies() {
        double[] nu = {5, 12, 20};
        VibrationalDensityOfStates vdos = oscillators(30, nu, 2.0, 2000, 7);
        VibrationalDensityOfStates.Spectrum s = vdos.compute();
        double[] f = s.frequency(), g = s.vdos();
        double df = f[1];
        assertEquals(1000 / (4096 * 2.0), df, 1e-12, "zero-padded to 4096 ≥ 2 × 2000 frames");
        assertEquals(250, f[f.length - 1], 1e-9, "Nyquist 1/(2Δt)");
        double integral = 0;
        for (int j = 1; j < g.length; j++) integral += 0.5 * (g[j] + g[j - 1]) * df;
        assertEquals(90, integral, 1e-9, "∫ vdos dν = 3N");
        for (double nu0 : nu) {
            int peak = -1;
            double near = 0;
            for (int j = 0; j < g.length; j++) {
                if (Math.abs(f[j] - nu0) <= 2) {
                    near += g[j] * df;
                    if (peak < 0 || g[j] > g[peak]) peak = j;
                }
            }
            assertTrue(Math.abs(f[peak] - nu0) <= df, "peak at " + f[peak] + " THz for " + nu0);
            assertEquals(30, near, 0.6, "states near " + nu0 + " THz");
        }
    }

    /** One frequency: the normalised velocity autocorrelation is cos 2πνt. */
    @Test void autocorrelationOfOneFrequencyIsACosine() {
        double nu = 8, dt = 1;
        VibrationalDensityOfStates vdos = oscillators(50, new double[] {nu}, dt, 1000, 11);
        double[] c = vdos.vacf();
        assertEquals(501, c.length);
        for (int k = 0; k < c.length; k++) assertEquals(Math.cos(2 * Math.PI * nu / 1000 * k * dt), c[k], 0.01, "lag " + k);
    }

    @Test void framesMustBeEquallySpaced() {
        VibrationalDensityOfStates vdos = oscillators(2, new double[] {5}, 2.0, 3, 1);
        String[] symbols = {"Ar", "Ar"};
        AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(20, 20, 20), symbols, new double[6]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vdos.add(s, 1000 + 2.0 * 2 + 3.0));
        assertTrue(e.getMessage().contains("equally spaced"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new VibrationalDensityOfStates().compute());
    }
}
