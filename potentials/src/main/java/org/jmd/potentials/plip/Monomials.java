package org.jmd.potentials.plip;

import java.util.HashMap;
import java.util.Map;

/**
 * The monomials u_x^a u_y^b u_z^c of degree a+b+c = 0…D, in a fixed order: by degree, then a
 * descending, then b descending. They turn a sum over pairs of neighbours into sums over single
 * neighbours: for unit vectors, (û·v̂)^l = Σ_{|α|=l} C_α û^α v̂^α with the multinomial
 * C_α = l!/(a! b! c!), so Σ_{j,k} g_j g_k cos^l θ_jk = Σ_α C_α (Σ_j g_j û_j^α)².
 *
 * <p>Because |û| = 1, the moments of degree d−2 are contractions of those of degree d
 * (Σ_j g_j û_j^β = Σ_j g_j û_j^β (u_x² + u_y² + u_z²)), so only the two highest degrees need to be
 * summed over neighbours; {@link #raise} gives the three monomials of degree d+2 to add up.
 */
final class Monomials {
    final int maxDegree;
    final int count;
    /** Each monomial (index ≥ 1) is its parent times u[axis]; the derivative pass walks this tree backwards. */
    final int[] parent, axis;
    /** l!/(a! b! c!) for a monomial of degree l. */
    final double[] multinomial;
    /** raise[3α + k]: index of α + 2e_k (for degree(α) ≤ D − 2), else −1. */
    final int[] raise;
    /** ∂û^α/∂u_k = exponent[3α + k] · û^lower[3α + k] (lower is 0 where the exponent is 0). */
    final int[] lower;
    final double[] exponent;

    Monomials(int maxDegree) {
        this.maxDegree = maxDegree;
        this.count = start(maxDegree + 1);
        parent = new int[count];
        axis = new int[count];
        multinomial = new double[count];
        raise = new int[3 * count];
        lower = new int[3 * count];
        exponent = new double[3 * count];
        int[][] exps = new int[count][];
        Map<Long, Integer> index = new HashMap<>();
        int n = 0;
        for (int d = 0; d <= maxDegree; d++)
            for (int a = d; a >= 0; a--)
                for (int b = d - a; b >= 0; b--) {
                    exps[n] = new int[] {a, b, d - a - b};
                    index.put(key(a, b, d - a - b), n++);
                }
        for (int m = 0; m < count; m++) {
            int a = exps[m][0], b = exps[m][1], c = exps[m][2];
            multinomial[m] = binomial(a + b + c, a) * binomial(b + c, b); // exact in long for degrees ≤ 32
            if (m > 0) {
                int k = a > 0 ? 0 : b > 0 ? 1 : 2;
                axis[m] = k;
                parent[m] = index.get(key(a - (k == 0 ? 1 : 0), b - (k == 1 ? 1 : 0), c - (k == 2 ? 1 : 0)));
            }
            for (int k = 0; k < 3; k++) {
                int e = exps[m][k];
                exponent[3 * m + k] = e;
                lower[3 * m + k] = e == 0 ? 0 : index.get(key(a - (k == 0 ? 1 : 0), b - (k == 1 ? 1 : 0), c - (k == 2 ? 1 : 0)));
                Integer up = index.get(key(a + (k == 0 ? 2 : 0), b + (k == 1 ? 2 : 0), c + (k == 2 ? 2 : 0)));
                raise[3 * m + k] = up == null ? -1 : up;
            }
        }
    }

    /** Index of the first monomial of degree d (the number of monomials of degree below d). */
    static int start(int d) { return d * (d + 1) * (d + 2) / 6; }

    /** All monomials of (x, y, z) into out[off .. off+count). */
    void evaluate(double x, double y, double z, double[] out, int off) {
        out[off] = 1;
        for (int m = 1; m < count; m++) {
            int k = axis[m];
            out[off + m] = out[off + parent[m]] * (k == 0 ? x : k == 1 ? y : z);
        }
    }

    /**
     * The gradient Σ_α λ_α ∂û^α/∂u over α in [from, to) into out[0..2], for monomials mono of û.
     * Two partial sums per component, so no long chain of dependent additions.
     */
    void gradient(double[] lambda, int from, int to, double[] mono, double[] out) {
        double x0 = 0, y0 = 0, z0 = 0, x1 = 0, y1 = 0, z1 = 0;
        int a = from;
        for (; a + 1 < to; a += 2) {
            double l = lambda[a], k = lambda[a + 1];
            x0 += l * exponent[3 * a] * mono[lower[3 * a]];
            y0 += l * exponent[3 * a + 1] * mono[lower[3 * a + 1]];
            z0 += l * exponent[3 * a + 2] * mono[lower[3 * a + 2]];
            x1 += k * exponent[3 * a + 3] * mono[lower[3 * a + 3]];
            y1 += k * exponent[3 * a + 4] * mono[lower[3 * a + 4]];
            z1 += k * exponent[3 * a + 5] * mono[lower[3 * a + 5]];
        }
        if (a < to) {
            double l = lambda[a];
            x0 += l * exponent[3 * a] * mono[lower[3 * a]];
            y0 += l * exponent[3 * a + 1] * mono[lower[3 * a + 1]];
            z0 += l * exponent[3 * a + 2] * mono[lower[3 * a + 2]];
        }
        out[0] = x0 + x1;
        out[1] = y0 + y1;
        out[2] = z0 + z1;
    }

    private static long key(int a, int b, int c) { return ((long) a << 40) | ((long) b << 20) | c; }

    private static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i; // exact: each partial product is a binomial
        return r;
    }
}
