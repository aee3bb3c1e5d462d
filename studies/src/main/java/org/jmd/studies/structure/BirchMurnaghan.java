package org.jmd.studies.structure;

import org.apache.commons.math3.fitting.PolynomialCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoints;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.jmd.engine.Units;

/**
 * The third-order Birch–Murnaghan equation of state,
 * E(V) = E₀ + (9V₀B₀/16) {[(V₀/V)^(2/3) − 1]³ B₀′ + [(V₀/V)^(2/3) − 1]² [6 − 4 (V₀/V)^(2/3)]},
 * fitted to energy–volume points by Levenberg–Marquardt least squares (Commons Math), started from
 * the parabola through the points. Energies in eV, volumes in Å³ (both per atom or both per cell).
 *
 * <p>Only the points around the lowest one enter the fit: those within {@link #WINDOW} eV of it
 * (per atom when the energies are per atom), contiguous, at least five. A scan that reaches deep
 * into compression climbs by electronvolts, which a third-order equation cannot follow; the
 * equilibrium volume and bulk modulus are properties of the bottom of the well.
 */
public final class BirchMurnaghan {
    /**
     * A fitted equation of state.
     *
     * @param e0      minimum energy (eV)
     * @param v0      equilibrium volume (Å³)
     * @param b0      bulk modulus (eV/Å³)
     * @param b0Prime its pressure derivative
     * @param rms     root-mean-square residual of the fit (eV)
     * @param vFrom   smallest volume of the points fitted (Å³)
     * @param vTo     largest volume of the points fitted (Å³)
     */
    public record Fit(double e0, double v0, double b0, double b0Prime, double rms, double vFrom, double vTo) {
        public double bulkModulusGPa() { return b0 * Units.EV_PER_A3_IN_GPA; }

        public double energy(double v) { return BirchMurnaghan.energy(v, e0, v0, b0, b0Prime); }
    }

    /** Energy window above the lowest point (eV) of the points that are fitted. */
    public static final double WINDOW = 0.25;

    private BirchMurnaghan() {}

    public static double energy(double v, double e0, double v0, double b0, double bp) {
        double x = Math.pow(v0 / v, 2.0 / 3.0) - 1;
        return e0 + 9 * v0 * b0 / 16 * (x * x * x * bp + x * x * (6 - 4 * (x + 1)));
    }

    /**
     * Fits the points; an {@link IllegalArgumentException} says why there is no fit (fewer than
     * five points, no minimum inside the scanned range, a fit that does not converge).
     */
    public static Fit fit(double[] allVolumes, double[] allEnergies) {
        int all = allVolumes.length;
        if (all < 5 || allEnergies.length != all) throw new IllegalArgumentException("an equation-of-state fit needs at least 5 points, got " + all);
        for (int k = 0; k < all; k++) {
            if (!Double.isFinite(allEnergies[k])) throw new IllegalArgumentException("energy not finite at V = " + allVolumes[k] + " Å³");
        }
        // points sorted by volume, then the window around the lowest
        Integer[] order = new Integer[all];
        for (int k = 0; k < all; k++) order[k] = k;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(allVolumes[x], allVolumes[y]));
        int low = 0;
        for (int k = 1; k < all; k++) if (allEnergies[order[k]] < allEnergies[order[low]]) low = k;
        if (low == 0 || low == all - 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "no minimum inside the scanned volumes: the lowest energy is at the %s end (V = %.3f Å³)",
                    low == 0 ? "compressed" : "expanded", allVolumes[order[low]]));
        }
        int from = low, to = low;
        double eMin = allEnergies[order[low]];
        while (from > 0 && allEnergies[order[from - 1]] - eMin <= WINDOW) from--;
        while (to < all - 1 && allEnergies[order[to + 1]] - eMin <= WINDOW) to++;
        while (to - from + 1 < 5) {
            if (from > 0 && (to == all - 1 || allEnergies[order[from - 1]] <= allEnergies[order[to + 1]])) from--;
            else to++;
        }
        int n = to - from + 1;
        double[] volume = new double[n], energy = new double[n];
        for (int k = 0; k < n; k++) {
            volume[k] = allVolumes[order[from + k]];
            energy[k] = allEnergies[order[from + k]];
        }
        double vMin = Double.POSITIVE_INFINITY, vMax = Double.NEGATIVE_INFINITY;
        WeightedObservedPoints points = new WeightedObservedPoints();
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(energy[k]) || !(volume[k] > 0)) throw new IllegalArgumentException("energy not finite at V = " + volume[k] + " Å³");
            points.add(volume[k], energy[k]);
            vMin = Math.min(vMin, volume[k]);
            vMax = Math.max(vMax, volume[k]);
        }
        double[] c = PolynomialCurveFitter.create(2).fit(points.toList());
        if (!(c[2] > 0)) throw new IllegalArgumentException("the energy is not convex over the scanned volumes: no minimum");
        double v0 = -c[1] / (2 * c[2]);
        if (!(v0 > vMin && v0 < vMax)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "no minimum inside the scanned volumes (%.3f–%.3f Å³; the parabola's is at %.3f Å³)", vMin, vMax, v0));
        }
        double e0 = c[0] + c[1] * v0 + c[2] * v0 * v0;
        double b0 = 2 * c[2] * v0; // B = V d²E/dV²
        double[] start = {e0, v0, b0, 4.0};
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start)
                    .model(p -> model(p, volume))
                    .target(energy)
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the Birch–Murnaghan fit did not converge: " + e.getMessage(), e);
        }
        double[] p = opt.getPoint().toArray();
        if (!(p[2] > 0) || !(p[1] > vMin && p[1] < vMax)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the Birch–Murnaghan fit puts the minimum at V = %.3f Å³ with B = %.3g eV/Å³, outside the scanned %.3f–%.3f Å³",
                    p[1], p[2], vMin, vMax));
        }
        return new Fit(p[0], p[1], p[2], p[3], opt.getRMS(), volume[0], volume[n - 1]);
    }

    /** Values and Jacobian of E(V; E₀, V₀, B₀, B₀′) at every volume. */
    private static Pair<RealVector, RealMatrix> model(RealVector point, double[] volume) {
        double e0 = point.getEntry(0), v0 = point.getEntry(1), b0 = point.getEntry(2), bp = point.getEntry(3);
        int n = volume.length;
        double[] value = new double[n];
        double[][] jacobian = new double[n][4];
        for (int k = 0; k < n; k++) {
            double v = volume[k];
            double r = Math.pow(v0 / v, 2.0 / 3.0), x = r - 1;
            double shape = x * x * x * bp + x * x * (6 - 4 * r);
            double pre = 9 * b0 / 16;
            value[k] = e0 + pre * v0 * shape;
            // d x / d V0 = (2/3) r / V0
            double dxdv0 = 2.0 / 3.0 * r / v0;
            double dShapeDx = 3 * x * x * bp + 2 * x * (6 - 4 * r) - 4 * x * x; // r = x + 1
            jacobian[k][0] = 1;
            jacobian[k][1] = pre * (shape + v0 * dShapeDx * dxdv0);
            jacobian[k][2] = 9.0 / 16 * v0 * shape;
            jacobian[k][3] = pre * v0 * x * x * x;
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
