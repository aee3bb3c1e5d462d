package org.jmd.integrators;

/** The few 3×3 matrix operations (row-major double[9]) that cell dynamics and cell relaxation need. */
final class Matrix3 {
    private Matrix3() {}

    static double[] identity() { return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}; }

    /** a · b. */
    static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
        return c;
    }

    static double[] transpose(double[] a) {
        return new double[] {a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]};
    }

    static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double[] inverse(double[] m) {
        double d = determinant(m);
        if (d == 0 || !Double.isFinite(d)) throw new ArithmeticException("singular 3x3 matrix");
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) / d, (m[2] * m[7] - m[1] * m[8]) / d, (m[1] * m[5] - m[2] * m[4]) / d,
            (m[5] * m[6] - m[3] * m[8]) / d, (m[0] * m[8] - m[2] * m[6]) / d, (m[2] * m[3] - m[0] * m[5]) / d,
            (m[3] * m[7] - m[4] * m[6]) / d, (m[1] * m[6] - m[0] * m[7]) / d, (m[0] * m[4] - m[1] * m[3]) / d,
        };
    }

    /** Matrix exponential by scaling and squaring with a Taylor series (accurate to round-off for the small strains a barostat makes). */
    static double[] exp(double[] a) {
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
    static void applyToVectors(double[] m, double[] x, int count) {
        for (int i = 0; i < count; i++) {
            double a = x[3 * i], b = x[3 * i + 1], c = x[3 * i + 2];
            x[3 * i] = m[0] * a + m[1] * b + m[2] * c;
            x[3 * i + 1] = m[3] * a + m[4] * b + m[5] * c;
            x[3 * i + 2] = m[6] * a + m[7] * b + m[8] * c;
        }
    }
}
