package org.jmd.studies.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The information imbalance and the k-NN distance on spaces whose relation is known. */
class InformationImbalanceTest {
    private static final int N = 800;

    /** Identical spaces: every nearest neighbour keeps rank 1, so Δ = 2/N, its least possible value. */
    @Test void identicalSpacesHaveNoImbalance() {
        double[][] a = random(N, 3, 1);
        assertEquals(2.0 / N, InformationImbalance.delta(a, a), 1e-15);
    }

    /** Independent spaces: the neighbour's rank is uniform on 1..N−1, so Δ = (2/N)·N/2 ≈ 1. */
    @Test void independentSpacesHaveImbalanceNearOne() {
        double d = InformationImbalance.delta(random(N, 3, 2), random(N, 3, 3));
        assertEquals(1.0, d, 0.08);
    }

    /** B = the first coordinate of A: A predicts B (Δ small), B does not predict A (Δ large). */
    @Test void aSpaceAndItsProjectionAreAsymmetric() {
        double[][] a = random(N, 2, 4), b = new double[N][1];
        for (int i = 0; i < N; i++) b[i][0] = a[i][0];
        double forward = InformationImbalance.delta(a, b), backward = InformationImbalance.delta(b, a);
        assertTrue(forward < 0.1, "A → B " + forward);
        assertTrue(backward > 0.3, "B → A " + backward);
    }

    @Test void nearestEnvironmentDistanceIsTheMeanOfTheKClosest() {
        List<double[]> training = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 2}, new double[] {5, 5});
        NearestEnvironments knn = new NearestEnvironments(training, 2);
        assertEquals(1.0, knn.distance(new double[] {0, 1}), 1e-12, "(0,0) and (0,2) at 1, (1,0) at √2 left out");
        assertEquals(0.5, knn.distance(new double[] {0.2, 0}), 1e-12, "0.2 and 0.8");
        assertEquals(0.5, new NearestEnvironments(training, 1).distance(new double[] {0.5, 0}), 1e-12);
    }

    private static double[][] random(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int k = 0; k < d; k++) row[k] = r.nextGaussian();
        return x;
    }
}
