package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.List;

/**
 * Gaussian angular functions (types 3, 9, 13) of one group: radial parts (η, r_s) with
 * u(r) = exp(−η(r − r_s)²) f_c(r), the same factor of r_jk for the narrow types, and angular parts
 * (λ, ζ) with A = 2^(1−ζ) (1 + λ cos θ)^ζ, zero where 1 + λ cos θ ≤ 0 (as n2p2). Since
 * exp(−η Σ(r − r_s)²) is the product of one exponential per distance, each distinct (η, r_s) costs
 * one exponential per neighbour and, for narrow types, one per pair, whatever the number of
 * (λ, ζ) combined with it; f_c(r_jk) is evaluated once per pair for the whole group.
 */
final class GaussianAngularGroup extends AngularGroup {
    private final CutoffFunction fc;
    private final double[] eta, rs;
    private final double[] lambda, zeta, norm;
    /** ζ − 1 as a whole number, or −1 when ζ is not whole (then Math.pow). */
    private final int[] zetaWhole;

    private GaussianAngularGroup(GaussianAngular first, List<Object> radial, List<Object> angular,
                                 int[] radialOf, int[] angularOf, int[] function, int cutoffSlot) {
        super(first, first.fc.radius(), radial.size(), angular.size(), radialOf, angularOf, function, cutoffSlot, false);
        this.fc = first.fc;
        eta = new double[radial.size()];
        rs = new double[radial.size()];
        for (int r = 0; r < eta.length; r++) {
            List<?> k = (List<?>) radial.get(r);
            eta[r] = (Double) k.get(0);
            rs[r] = (Double) k.get(1);
        }
        lambda = new double[angular.size()];
        zeta = new double[angular.size()];
        norm = new double[angular.size()];
        zetaWhole = new int[angular.size()];
        for (int a = 0; a < lambda.length; a++) {
            List<?> k = (List<?>) angular.get(a);
            lambda[a] = (Double) k.get(0);
            zeta[a] = (Double) k.get(1);
            norm[a] = Math.pow(2.0, 1.0 - zeta[a]);
            zetaWhole[a] = zeta[a] == Math.rint(zeta[a]) && zeta[a] < 64 ? (int) zeta[a] - 1 : -1;
        }
    }

    /** The group of functions[index[..]], all Gaussian angular with the same group key. */
    static GaussianAngularGroup of(SymmetryFunction[] functions, int[] index, int cutoffSlot) {
        List<Object> radial = new ArrayList<>(), angular = new ArrayList<>();
        int[] radialOf = new int[index.length], angularOf = new int[index.length];
        for (int m = 0; m < index.length; m++) {
            GaussianAngular f = (GaussianAngular) functions[index[m]];
            radialOf[m] = part(radial, List.of(f.eta, f.rs));
            angularOf[m] = part(angular, List.of(f.lambda, f.zeta));
        }
        return new GaussianAngularGroup((GaussianAngular) functions[index[0]], radial, angular, radialOf, angularOf, index, cutoffSlot);
    }

    @Override void neighbourFactors(double r, double f, double df, double[] u, double[] du, int at) {
        for (int k = 0; k < eta.length; k++) {
            double dr = r - rs[k], e = eta[k] == 0.0 ? 1.0 : Math.exp(-eta[k] * dr * dr);
            u[at + k] = e * f;
            du[at + k] = e * (df - 2.0 * eta[k] * dr * f);
        }
    }

    @Override void jkFactors(double rjk, DescriptorWorkspace w, double[] out, int at) {
        double[] fjk = w.pair;
        fc.evaluate(rjk, fjk, 0);
        double f = fjk[0], df = fjk[1], inverse = 1.0 / rjk;
        int parts = eta.length;
        for (int k = 0; k < parts; k++) {
            double dr = rjk - rs[k], e = eta[k] == 0.0 ? 1.0 : Math.exp(-eta[k] * dr * dr);
            out[at + k] = e * f;
            out[at + parts + k] = e * (df - 2.0 * eta[k] * dr * f) * inverse;
        }
    }

    @Override int angularFactors(double cos, DescriptorWorkspace w, boolean slopes) {
        double[] a = w.angular, da = w.angularSlope;
        // where 1 + λ cos θ ≤ 0 the term is zero (as n2p2), written as a factor 0 rather than a
        // branch, since the sign of cos θ flips from pair to pair
        for (int k = 0; k < lambda.length; k++) {
            double p = 1.0 + lambda[k] * cos;
            double on = p > 0.0 ? norm[k] : 0.0;
            double pw = power(Math.max(p, 0.0), k);
            a[k] = on * pw * p;
            if (slopes) da[k] = on * zeta[k] * lambda[k] * pw;
        }
        return lambda.length;
    }

    /** (1 + λ cos θ)^(ζ−1), by repeated squaring for whole ζ (Math.pow is slow; ζ = 16 takes 4 squarings and 3 products). */
    private double power(double x, int k) {
        int n = zetaWhole[k];
        // the common small ζ written out: the same products, in the same order, as the loop below
        switch (n) {
            case 0: return 1.0;
            case 1: return x;
            case 2: return x * x;
            case 3: return x * (x * x);
            default: break;
        }
        if (n < 0) return Math.pow(x, zeta[k] - 1.0);
        double p = 1.0, base = x;
        while (n > 0) {
            if ((n & 1) != 0) p *= base;
            n >>= 1;
            if (n > 0) base *= base;
        }
        return p;
    }
}
