package org.jmd.training.lasso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LassoLars against the Lasso optimality (KKT) conditions and against coordinate descent on the
 * same standardised problem: random, more columns than rows, strongly correlated and
 * ill-conditioned designs, at several α along the path.
 */
class LassoLarsTest {
    static final double KKT_TOL = 1e-8;
    static final double[] FRACTIONS = {0.7, 0.3, 0.1, 0.03, 0.01, 0.002};

    @Test void randomProblems() {
        for (long seed = 1; seed <= 4; seed++) {
            Random rnd = new Random(seed);
            double[][] x = gaussian(rnd, 120, 25);
            checkAlongPath(standardise(x), response(rnd, x, 6, 0.1), 1e-9);
        }
    }

    @Test void moreColumnsThanRows() {
        Random rnd = new Random(7);
        double[][] x = gaussian(rnd, 30, 60);
        // stop above the point where the active set would fill up (at most n columns can be active)
        checkAlongPath(standardise(x), response(rnd, x, 5, 0.05), 1e-9, 0.7, 0.3, 0.1, 0.05);
    }

    @Test void correlatedColumnsExerciseTheLassoDrop() {
        // groups of nearly equal columns: LARS lets one in, then the Lasso path swaps them, dropping some
        Random rnd = new Random(3);
        int n = 80, groups = 5, per = 4;
        double[][] x = new double[n][groups * per];
        for (int i = 0; i < n; i++)
            for (int g = 0; g < groups; g++) {
                double z = rnd.nextGaussian();
                for (int m = 0; m < per; m++) x[i][g * per + m] = z + 0.2 * rnd.nextGaussian();
            }
        double[][] xs = standardise(x);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 2 * xs[i][0] - 1.5 * xs[i][1] + xs[i][5] + 0.7 * xs[i][11] - 0.5 * xs[i][18] + 0.3 * rnd.nextGaussian();
        LassoPath path = LassoLars.fromData(xs, y).path(1e-4);
        assertTrue(drops(path) > 0, "expected the path to drop a variable at least once");
        checkAlongPath(xs, y, 1e-8);
    }

    @Test void illConditionedProblems() {
        // X = U diag(σ) Vᵀ with singular values from 1 down to 1e-3 (condition number 1e3, Gram 1e6)
        for (long seed = 1; seed <= 3; seed++) {
            Random rnd = new Random(seed);
            int n = 60, p = 15;
            double[][] u = orthonormalColumns(rnd, n, p), v = orthonormalColumns(rnd, p, p);
            double[][] x = new double[n][p];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < p; j++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) s += u[i][k] * Math.pow(1e-3, k / (double) (p - 1)) * v[j][k];
                    x[i][j] = s;
                }
            double[][] xs = standardise(x);
            checkAlongPath(xs, response(rnd, xs, 8, 0.01), 1e-7, 0.5, 0.1, 0.02, 0.005);
        }
    }

    @Test void rawColumnsAreStandardisedAndUnstandardised() {
        Random rnd = new Random(11);
        double[][] x = gaussian(rnd, 90, 12);
        double[] colScale = new double[12];
        for (int j = 0; j < 12; j++) colScale[j] = Math.pow(10, rnd.nextInt(7) - 3);
        for (double[] row : x) for (int j = 0; j < 12; j++) row[j] *= colScale[j];
        double[] y = response(rnd, x, 4, 0.1);
        LassoLars lars = LassoLars.fromData(x, y);
        double alpha = 0.05 * lars.alphaMax();
        double[] w = lars.path(alpha).coefficients(alpha);
        // on the standardised problem, β_j = w_j · rms_j satisfies the KKT conditions
        double[][] xs = standardise(x);
        double[] beta = new double[12];
        for (int j = 0; j < 12; j++) beta[j] = w[j] * lars.scale(j);
        assertTrue(kktViolation(xs, y, beta, alpha) < KKT_TOL);
        // and the unstandardised w predicts the same as β on the standardised columns
        for (int i = 0; i < 90; i++) {
            double a = 0, b = 0;
            for (int j = 0; j < 12; j++) { a += x[i][j] * w[j]; b += xs[i][j] * beta[j]; }
            assertEquals(b, a, 1e-10 * Math.max(1, Math.abs(b)));
        }
    }

    @Test void zeroAboveAlphaMaxAndZeroColumnsStayZero() {
        Random rnd = new Random(5);
        double[][] x = gaussian(rnd, 50, 8);
        for (double[] row : x) row[3] = 0;
        double[][] xs = standardise(x);
        double[] y = response(rnd, xs, 3, 0.1);
        LassoLars lars = LassoLars.fromData(xs, y);
        double amax = 0;
        for (int j = 0; j < 8; j++) {
            double c = 0;
            for (int i = 0; i < 50; i++) c += xs[i][j] * y[i];
            amax = Math.max(amax, Math.abs(c) / 50);
        }
        assertEquals(amax, lars.alphaMax(), 1e-12 * amax);
        LassoPath path = lars.path(0);
        assertEquals(0, path.nonZero(amax * 1.0001));
        double[] ls = path.standardised(0);
        assertEquals(0, ls[3], 0);
        assertTrue(kktViolation(xs, y, ls, 0) < 1e-9, "α = 0 is least squares");
    }

    // ------------------------------------------------------------------------------------------

    private static void checkAlongPath(double[][] xs, double[] y, double cdAgreement) {
        checkAlongPath(xs, y, cdAgreement, FRACTIONS);
    }

    private static void checkAlongPath(double[][] xs, double[] y, double cdAgreement, double... fractions) {
        LassoLars lars = LassoLars.fromData(xs, y);
        double amax = lars.alphaMax();
        LassoPath path = lars.path(fractions[fractions.length - 1] * amax * 0.999);
        for (double f : fractions) {
            double alpha = f * amax;
            double[] beta = path.standardised(alpha);
            double kkt = kktViolation(xs, y, beta, alpha);
            assertTrue(kkt < KKT_TOL, "KKT violated by " + kkt + " at α = " + f + " α_max");
            double[] cd = CoordinateDescentLasso.solve(xs, y, alpha, 1e-14, 2_000_000);
            double diff = 0;
            for (int j = 0; j < beta.length; j++) diff = Math.max(diff, Math.abs(beta[j] - cd[j]));
            assertTrue(diff < cdAgreement, "LARS and coordinate descent differ by " + diff + " at α = " + f + " α_max");
        }
    }

    /**
     * Largest violation of the Lasso KKT conditions on standardised columns, with r = y − Xβ and
     * c_j = X_jᵀr/n: |c_j − α sign β_j| for β_j ≠ 0, max(0, |c_j| − α) otherwise.
     */
    static double kktViolation(double[][] xs, double[] y, double[] beta, double alpha) {
        int n = xs.length, p = beta.length;
        double[] r = y.clone();
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) r[i] -= xs[i][j] * beta[j];
        double worst = 0;
        for (int j = 0; j < p; j++) {
            double c = 0, norm = 0;
            for (int i = 0; i < n; i++) { c += xs[i][j] * r[i]; norm += xs[i][j] * xs[i][j]; }
            if (norm == 0) continue;
            c /= n;
            worst = Math.max(worst, beta[j] != 0 ? Math.abs(c - alpha * Math.signum(beta[j])) : Math.max(0, Math.abs(c) - alpha));
        }
        return worst;
    }

    private static int drops(LassoPath path) {
        int drops = 0;
        for (int k = 1; k < path.breakpoints(); k++) {
            double[] a = path.breakpointCoefficients(k - 1), b = path.breakpointCoefficients(k);
            for (int j = 0; j < a.length; j++) if (a[j] != 0 && b[j] == 0) drops++;
        }
        return drops;
    }

    static double[][] gaussian(Random rnd, int n, int p) {
        double[][] x = new double[n][p];
        for (double[] row : x) for (int j = 0; j < p; j++) row[j] = rnd.nextGaussian();
        return x;
    }

    /** Columns scaled to unit root mean square, the form LassoLars works in. */
    static double[][] standardise(double[][] x) {
        int n = x.length, p = x[0].length;
        double[] s = new double[p];
        for (double[] row : x) for (int j = 0; j < p; j++) s[j] += row[j] * row[j];
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) out[i][j] = s[j] == 0 ? 0 : x[i][j] / Math.sqrt(s[j] / n);
        return out;
    }

    /** y = X w with `nonzero` random non-zero weights, plus Gaussian noise. */
    static double[] response(Random rnd, double[][] x, int nonzero, double noise) {
        int n = x.length, p = x[0].length;
        double[] w = new double[p];
        for (int k = 0; k < nonzero; k++) w[rnd.nextInt(p)] = rnd.nextGaussian() * 2;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) y[i] += x[i][j] * w[j];
            y[i] += noise * rnd.nextGaussian();
        }
        return y;
    }

    private static double[][] orthonormalColumns(Random rnd, int n, int p) {
        double[][] q = gaussian(rnd, n, p);
        for (int k = 0; k < p; k++) {
            for (int m = 0; m < k; m++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += q[i][k] * q[i][m];
                for (int i = 0; i < n; i++) q[i][k] -= dot * q[i][m];
            }
            double norm = 0;
            for (int i = 0; i < n; i++) norm += q[i][k] * q[i][k];
            for (int i = 0; i < n; i++) q[i][k] /= Math.sqrt(norm);
        }
        return q;
    }
}
