package org.jmd.neighbor;

/**
 * The 3×3 algebra of cells, written once for every module: row-major {@code double[9]} matrices
 * (a cell's rows are its lattice vectors a, b, c, as {@link Cell#matrix()} gives them) and
 * 3-vectors. The inverse is the adjugate over the determinant, so code that inverted a cell its
 * own way before gets the same bits.
 */
public final class Matrix3 {
    private Matrix3() {}

    public static double[] identity() { return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}; }

    /** a · b. */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return c;
    }

    public static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    /** det m = a · (b × c) for the rows a, b, c. */
    public static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /**
     * m⁻¹; an {@link ArithmeticException} if det m = 0 (callers with a tolerance test
     * {@link #determinant} first). Non-finite entries, or a determinant that overflows, give what
     * IEEE division gives (zeros, infinities, NaN) rather than an exception, as the code this
     * replaced did: a cell reader reports an overflowing volume itself, and a line search backs
     * off from a NaN.
     */
    public static double[] inverse(double[] m) {
        double[] r = new double[9];
        inverse(m, r);
        return r;
    }

    /** m⁻¹ into r (no allocation, for once-per-step callers). */
    public static void inverse(double[] m, double[] r) {
        double d = determinant(m);
        if (d == 0) throw new ArithmeticException("singular 3x3 matrix");
        double r0 = (m[4] * m[8] - m[5] * m[7]) / d, r1 = (m[2] * m[7] - m[1] * m[8]) / d, r2 = (m[1] * m[5] - m[2] * m[4]) / d;
        double r3 = (m[5] * m[6] - m[3] * m[8]) / d, r4 = (m[0] * m[8] - m[2] * m[6]) / d, r5 = (m[2] * m[3] - m[0] * m[5]) / d;
        double r6 = (m[3] * m[7] - m[4] * m[6]) / d, r7 = (m[1] * m[6] - m[0] * m[7]) / d, r8 = (m[0] * m[4] - m[1] * m[3]) / d;
        r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3; r[4] = r4; r[5] = r5; r[6] = r6; r[7] = r7; r[8] = r8;
    }

    /** a × b of 3-vectors. */
    public static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** Matrix exponential by scaling and squaring with a Taylor series (accurate to round-off for the small strains a barostat makes). */
    public static double[] exp(double[] a) {
        double norm = 0;
        for (double v : a) norm = Math.max(norm, Math.abs(v));
        int squarings = 0;
        while (norm * 3 > 0.25 && squarings < 60) { norm /= 2; squarings++; }
        double scale = Math.pow(0.5, squarings);
        double[] x = new double[9];
        for (int k = 0; k < 9; k++) x[k] = a[k] * scale;
        double[] result = identity(), term = identity();
        for (int n = 1; n <= 14; n++) {
            term = multiply(term, x);
            for (int k = 0; k < 9; k++) term[k] /= n;
            for (int k = 0; k < 9; k++) result[k] += term[k];
        }
        for (int s = 0; s < squarings; s++) result = multiply(result, result);
        return result;
    }

    /** y_i = m x_i for every 3-vector of x (in place). */
    public static void applyToVectors(double[] m, double[] x, int count) {
        for (int i = 0; i < count; i++) {
            double a = x[3 * i], b = x[3 * i + 1], c = x[3 * i + 2];
            x[3 * i] = m[0] * a + m[1] * b + m[2] * c;
            x[3 * i + 1] = m[3] * a + m[4] * b + m[5] * c;
            x[3 * i + 2] = m[6] * a + m[7] * b + m[8] * c;
        }
    }
}
