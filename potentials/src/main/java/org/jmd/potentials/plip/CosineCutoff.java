package org.jmd.potentials.plip;

/**
 * The cosine cutoff f_c(r) = ½[cos(πr/r_c) + 1] for r &lt; r_c (0 beyond) and its derivative, with
 * sine and cosine from their Taylor series instead of {@link Math#cos} and {@link Math#sin}: the
 * kernel needs both for every neighbour and cutoff radius, and two library calls cost more than
 * all the Gaussians of a neighbour together.
 *
 * <p>With x = π(r/r_c − ½) ∈ [−π/2, π/2): cos(πr/r_c) = −sin x and sin(πr/r_c) = cos x. The series
 * are cut after x²¹ and x²², where the remainder is below 2·10⁻¹⁸ on that interval, so the results
 * agree with the library functions to about 10⁻¹⁵ (tested), the rounding of the argument.
 */
final class CosineCutoff {
    private CosineCutoff() {}

    // 1/(2k+1)! (sine) and 1/(2k)! (cosine), alternating in sign, highest order first for Horner
    private static final double[] SIN = new double[11], COS = new double[12];

    static {
        double f = 1;
        for (int n = 1; n <= 23; n++) {
            f /= n;
            int k = n / 2;
            if (n % 2 == 1 && k < SIN.length) SIN[SIN.length - 1 - k] = (k % 2 == 0 ? 1 : -1) * f;
            if (n % 2 == 0 && k < COS.length) COS[COS.length - 1 - k] = (k % 2 == 0 ? 1 : -1) * f;
        }
        COS[COS.length - 1] = 1;
    }

    /**
     * Writes f_c(r) to out[off] and df_c/dr to out[off+1]; both are 0 for r ≥ rc.
     *
     * @param inverse 1/rc
     */
    static void evaluate(double r, double rc, double inverse, double[] out, int off) {
        if (r >= rc) {
            out[off] = 0;
            out[off + 1] = 0;
            return;
        }
        double x = Math.PI * (r * inverse - 0.5), x2 = x * x;
        double s = SIN[0], c = COS[0];
        for (int k = 1; k < SIN.length; k++) s = s * x2 + SIN[k];
        for (int k = 1; k < COS.length; k++) c = c * x2 + COS[k];
        out[off] = 0.5 * (1 - s * x);
        out[off + 1] = -0.5 * Math.PI * inverse * c;
    }
}
