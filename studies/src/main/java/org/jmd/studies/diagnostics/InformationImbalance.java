package org.jmd.studies.diagnostics;

/**
 * The information imbalance of Glielmo et al. (PNAS Nexus 1, pgac039, 2022) between two
 * representations A and B of the same N points:
 * Δ(A→B) = (2/N) ⟨ r^B_ij | r^A_ij = 1 ⟩, the mean rank, among the distances from i in B, of i's
 * nearest neighbour in A. Δ ≈ 0 when A's neighbourhoods are B's (A predicts B), Δ ≈ 1 when they are
 * unrelated. Distances are Euclidean; a nearest neighbour tied with others is the first in order,
 * and a rank counts the points strictly closer plus one. O(N²) per pair of spaces.
 */
public final class InformationImbalance {
    private InformationImbalance() {}

    /** Δ(A→B); a and b hold the same N points (rows), of any dimensions. */
    public static double delta(double[][] a, double[][] b) {
        int n = a.length;
        if (b.length != n) throw new IllegalArgumentException("two representations of the same points needed");
        if (n < 2) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double d = distance2(a[i], a[j]);
                if (d < best) { best = d; nearest = j; }
            }
            double target = distance2(b[i], b[nearest]);
            int rank = 1;
            for (int j = 0; j < n; j++) if (j != i && distance2(b[i], b[j]) < target) rank++;
            sum += rank;
        }
        return 2.0 / n * (sum / n);
    }

    static double distance2(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double d = x[k] - y[k];
            s += d * d;
        }
        return s;
    }
}
