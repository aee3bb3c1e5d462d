package org.jmd.potentials.plip;

/**
 * Dot products with four partial sums. The JIT keeps floating-point additions in source order,
 * so a plain {@code s += a[i] * b[i]} is one chain of dependent additions, each waiting for the
 * last (about four cycles apiece); four independent chains let them overlap. The kernels' sums
 * are short (tens of terms) and many, which is where that latency dominated.
 */
final class Dot {
    private Dot() {}

    /** Σ a[i] b[i] for i in [from, to). */
    static double of(double[] a, double[] b, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ w[i] a[i] b[i] for i in [from, to). */
    static double of(double[] w, double[] a, double[] b, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += w[i] * a[i] * b[i];
            s1 += w[i + 1] * a[i + 1] * b[i + 1];
            s2 += w[i + 2] * a[i + 2] * b[i + 2];
            s3 += w[i + 3] * a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) s0 += w[i] * a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }
}
