package org.jmd.potentials;

/**
 * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x) for x ≥ 0, as a piecewise
 * Chebyshev interpolant accurate to a few units in the last place.
 *
 * <p>Why scaled: the Ewald and damped-shifted-force kernels need both erfc(αr) and exp(−α²r²);
 * computing exp(−x²) once and erfc = erfcx·exp(−x²) saves an exponential per pair, and erfcx is
 * smooth and slowly varying (≈ 1/(x√π) for large x), so a short polynomial per interval fits it
 * to full double precision. Java has no erfc, and the polynomial approximation LAMMPS uses
 * (Abramowitz–Stegun 7.1.26) is only good to about 1e-7, too coarse for an Ewald sum converged to
 * 1e-10.
 *
 * <p>The table is built once from two exact representations: the everywhere-positive series
 * erf(x) = 2/√π·exp(−x²)·Σ 2ⁿx^(2n+1)/(2n+1)!! below x = 0.5 (where 1 − erf loses under one
 * digit), and Laplace's continued fraction erfcx(x) = 1/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))
 * above (evaluated backwards with enough terms to converge at each x).
 */
public final class ScaledErfc {
    private ScaledErfc() {}

    /** Beyond this erfc(x) underflows (erfc(27) ≈ 9e-319); erfcx is then computed directly. */
    static final double X_MAX = 27.0;
    private static final double WIDTH = 0.125;
    private static final int DEGREE = 10;
    private static final int INTERVALS = (int) Math.round(X_MAX / WIDTH);
    /** Monomial coefficients in t = (x − mid)/half per interval, highest degree first for Horner. */
    private static final double[] COEFFS = new double[INTERVALS * (DEGREE + 1)];
    private static final double INV_SQRT_PI = 1.0 / Math.sqrt(Math.PI);

    static {
        for (int k = 0; k < INTERVALS; k++) fit(k);
    }

    /** exp(x²)·erfc(x) for x ≥ 0 (NaN for negative or NaN x). */
    public static double of(double x) {
        if (!(x >= 0)) return Double.NaN;
        if (x >= X_MAX) return exact(x); // rare: erfc itself has underflowed
        int k = (int) (x * (1.0 / WIDTH));
        double t = (x - (k + 0.5) * WIDTH) * (2.0 / WIDTH);
        int o = k * (DEGREE + 1);
        double p = COEFFS[o];
        // plain Horner, not Math.fma: fma is ~20% faster where the CPU has it but falls back to BigDecimal where not
        for (int j = 1; j <= DEGREE; j++) p = p * t + COEFFS[o + j];
        return p;
    }

    /** erfc(x) for x ≥ 0. */
    public static double erfc(double x) { return x >= X_MAX ? 0.0 : of(x) * Math.exp(-x * x); }

    /** The exact value by series or continued fraction: slow, for building the table and for tests. */
    static double exact(double x) {
        if (x < 0.5) {
            // erfcx = exp(x²) − 2x/√π · Σ (2x²)ⁿ/(2n+1)!!, all terms positive
            double term = x, sum = x;
            for (int n = 1; n < 200 && term > 1e-18 * sum; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            return Math.exp(x * x) - 2 * INV_SQRT_PI * sum;
        }
        // the continued fraction converges faster the larger x; 4000/x² terms converge at x ≥ 0.5
        int terms = (int) (4000 / (x * x)) + 200;
        double t = x;
        for (int k = terms; k >= 1; k--) t = x + 0.5 * k / t;
        return INV_SQRT_PI / t;
    }


    /** Chebyshev interpolation at DEGREE+1 nodes of interval k, converted to powers of t. */
    private static void fit(int k) {
        int n = DEGREE + 1;
        double mid = (k + 0.5) * WIDTH, half = 0.5 * WIDTH;
        double[] f = new double[n], c = new double[n];
        for (int i = 0; i < n; i++) f[i] = exact(mid + half * Math.cos(Math.PI * (i + 0.5) / n));
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += f[i] * Math.cos(Math.PI * j * (i + 0.5) / n);
            c[j] = (j == 0 ? 1.0 : 2.0) * s / n;
        }
        // power-basis coefficients of T_j via T_{j+1} = 2t·T_j − T_{j−1}
        double[] power = new double[n], tPrev = new double[n], tCur = new double[n], tNext = new double[n];
        tPrev[0] = 1;
        tCur[1] = 1;
        for (int m = 0; m < n; m++) power[m] += c[0] * tPrev[m];
        if (n > 1) for (int m = 0; m < n; m++) power[m] += c[1] * tCur[m];
        for (int j = 2; j < n; j++) {
            for (int m = 0; m < n; m++) tNext[m] = (m > 0 ? 2 * tCur[m - 1] : 0) - tPrev[m];
            for (int m = 0; m < n; m++) power[m] += c[j] * tNext[m];
            double[] tmp = tPrev; tPrev = tCur; tCur = tNext; tNext = tmp;
        }
        for (int m = 0; m < n; m++) COEFFS[k * n + (DEGREE - m)] = power[m];
    }
}
