package org.jmd.integrators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.MaxwellBoltzmann;
import org.jmd.engine.md.Integrator;
import org.jmd.engine.md.Thermodynamics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * npt on a 32-atom LJ argon crystal at 30 K. The reference is a separate NVT (CSVR) scan of
 * the mean pressure ⟨P⟩ at three lattice constants 0.02 Å apart around each target, interpolated
 * (parabola) to the volume V* where
 * ⟨P⟩ equals the target. The NPT average volume must match V* within 4 combined standard errors
 * (block averaging for both): with couple=iso at 0 bar and at 1 kbar, where the volume must
 * also shrink by the scan's amount; with aniso and tri at 0 bar. Thermal expansion between 0 K
 * and 30 K is about 4 % of the volume here, so a static (0 K) reference would not do.
 */
class IsobaricTest {
    static final double T = 30, DT = 5;
    static Scan nearZero, nearKilobar;

    /** Mean NVT pressures at three closely spaced lattice constants around one target. */
    static final class Scan {
        final double[] volume = new double[3], pressure = new double[3], error = new double[3];

        Scan(double... a) {
            for (int k = 0; k < 3; k++) {
                AtomicSystem s = LjArgon.fcc(a[k], 2);
                MaxwellBoltzmann.assign(s, T, 10 + k);
                Dynamics d = LjArgon.dynamics(s, DT);
                Integrator nvt = Ensembles.integrator("nvt-csvr temperature=30 damping=200 seed=" + (20 + k));
                nvt.init(d);
                for (int i = 0; i < 1000; i++) nvt.step(d);
                double[] p = new double[12000];
                for (int i = 0; i < p.length; i++) {
                    nvt.step(d);
                    p[i] = Thermodynamics.pressure(s, d.forces);
                }
                BlockAverage b = new BlockAverage(p, 20);
                volume[k] = s.cell().volume();
                pressure[k] = b.mean;
                error[k] = b.meanError;
                System.out.printf("NVT a = %.3f Å, V = %.2f Å³: <P> = %.1f ± %.1f bar%n", a[k], volume[k], b.mean, b.meanError);
            }
        }

        /** V where the parabola through the three (V, ⟨P⟩) points equals p, and its standard error. */
        double[] volumeAt(double p) {
            double lo = volume[0], hi = volume[2];
            if (!(interpolate(lo) > p && interpolate(hi) < p)) throw new AssertionError("scan does not bracket " + p + " bar");
            for (int it = 0; it < 100; it++) {
                double mid = 0.5 * (lo + hi);
                if (interpolate(mid) > p) lo = mid; else hi = mid;
            }
            double v = 0.5 * (lo + hi);
            double slope = (interpolate(v + 1) - interpolate(v - 1)) / 2;
            double pError = Math.max(error[0], Math.max(error[1], error[2]));
            return new double[] {v, pError / Math.abs(slope)};
        }

        private double interpolate(double v) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                double l = 1;
                for (int j = 0; j < 3; j++) if (j != i) l *= (v - volume[j]) / (volume[i] - volume[j]);
                sum += l * pressure[i];
            }
            return sum;
        }
    }

    @BeforeAll static void nvtScans() {
        nearZero = new Scan(5.33, 5.35, 5.37);
        nearKilobar = new Scan(5.26, 5.28, 5.30);
    }

    @Test void isotropicVolumeMatchesNvtScanAndFollowsPressure() {
        BlockAverage low = npt("iso", 0, 1), high = npt("iso", 1000, 101);
        double[] refLow = nearZero.volumeAt(0), refHigh = nearKilobar.volumeAt(1000);
        report("iso", 0, low, refLow);
        report("iso", 1000, high, refHigh);
        assertMatches("iso", 0, low, refLow);
        assertMatches("iso", 1000, high, refHigh);
        double shrink = low.mean - high.mean, expected = refLow[0] - refHigh[0];
        assertTrue(shrink > 10 * Math.hypot(low.meanError, high.meanError), "volume should respond to pressure: " + shrink);
        assertTrue(Math.abs(shrink - expected) < 4 * Math.hypot(Math.hypot(low.meanError, high.meanError), Math.hypot(refLow[1], refHigh[1])),
                "compression " + shrink + " Å³ vs scan " + expected);
    }

    @ParameterizedTest
    @CsvSource({"aniso, 2", "tri, 3"})
    void flexibleCellVolumeMatchesNvtScan(String couple, int seed) {
        BlockAverage v = npt(couple, 0, seed);
        double[] ref = nearZero.volumeAt(0);
        report(couple, 0, v, ref);
        assertMatches(couple, 0, v, ref);
    }

    private static void report(String couple, double p, BlockAverage v, double[] ref) {
        System.out.printf("npt couple=%s pressure=%.0f bar: <V> = %.2f ± %.2f Å³, NVT scan %.2f ± %.2f Å³ (z = %.2f)%n",
                couple, p, v.mean, v.meanError, ref[0], ref[1], (v.mean - ref[0]) / Math.hypot(v.meanError, ref[1]));
    }

    private static void assertMatches(String couple, double p, BlockAverage v, double[] ref) {
        double err = Math.hypot(v.meanError, ref[1]);
        assertTrue(Math.abs(v.mean - ref[0]) < 4 * err, couple + " at " + p + " bar: <V> " + v + " vs " + ref[0] + " ± " + ref[1]);
    }

    /** Pressures take the units the docs promise: bar by default, or kbar and GPa. */
    @org.junit.jupiter.api.Test void pressureAcceptsUnits() {
        String rest = " temperature=30 damping=200 pdamping=1000";
        for (String[] c : new String[][] {{"1.0GPa", "10000.0"}, {"15kbar", "15000.0"}, {"300bar", "300.0"}, {"300", "300.0"}}) {
            String d = Ensembles.integrator("npt pressure=" + c[0] + rest).describe();
            org.junit.jupiter.api.Assertions.assertTrue(d.contains("pressure=" + c[1] + " bar"), c[0] + ": " + d);
        }
        org.junit.jupiter.api.Assertions.assertThrows(org.jmd.engine.InputException.class, () -> Ensembles.integrator("npt pressure=1.0Pa" + rest));
    }

    private static BlockAverage npt(String couple, double pressure, int seed) {
        AtomicSystem s = LjArgon.fcc(5.32, 2);
        MaxwellBoltzmann.assign(s, T, seed);
        Dynamics d = LjArgon.dynamics(s, DT);
        Integrator npt = Ensembles.integrator("npt temperature=30 pressure=" + pressure + " damping=200 pdamping=1000 couple=" + couple
                + " compressibility=4e-5 seed=" + seed);
        npt.init(d);
        for (int i = 0; i < 2000; i++) npt.step(d);
        double[] v = new double[20000];
        for (int i = 0; i < v.length; i++) {
            npt.step(d);
            v[i] = s.cell().volume();
        }
        return new BlockAverage(v, 20);
    }
}
