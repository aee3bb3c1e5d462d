package org.jmd.studies.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hull membership on cases whose answer is known by construction. */
class ConvexHullTest {
    /** The unit cube's corners and random points inside it: its hull is the cube. */
    @Test void pointsInsideAndOutsideAKnownCube() {
        Random r = new Random(3);
        List<double[]> points = new ArrayList<>();
        for (int c = 0; c < 8; c++) points.add(new double[] {c & 1, (c >> 1) & 1, (c >> 2) & 1});
        for (int k = 0; k < 200; k++) points.add(new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()});
        ConvexHull hull = new ConvexHull(points, 7);
        assertTrue(hull.contains(new double[] {0.5, 0.5, 0.5}));
        assertTrue(hull.contains(new double[] {0.999, 0.001, 0.5}));
        assertTrue(hull.contains(new double[] {1, 1, 1}), "a vertex is in its hull");
        assertTrue(hull.contains(new double[] {1, 0.5, 0.5}), "a face point is in the hull");
        assertFalse(hull.contains(new double[] {1.001, 0.5, 0.5}));
        assertFalse(hull.contains(new double[] {0.5, -0.01, 0.5}));
        assertFalse(hull.contains(new double[] {2, 2, 2}));
    }

    /**
     * A point inside the bounding box but outside the hull: the corner region of a simplex, which
     * the bounding box cannot tell from the inside.
     */
    @Test void pointInTheBoundingBoxButOutsideASimplex() {
        List<double[]> simplex = List.of(new double[] {0, 0, 0, 0}, new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0},
                new double[] {0, 0, 1, 0}, new double[] {0, 0, 0, 1});
        ConvexHull hull = new ConvexHull(simplex, 1);
        assertTrue(hull.contains(new double[] {0.2, 0.2, 0.2, 0.2}), "coordinates summing to 0.8 < 1: inside");
        assertFalse(hull.contains(new double[] {0.3, 0.3, 0.3, 0.3}), "summing to 1.2 > 1: outside, though inside the box");
        assertTrue(hull.contains(new double[] {0.25, 0.25, 0.25, 0.25}), "on the far face");
    }

    /** The shortcuts agree with the plain LP over all points on random queries near a random cloud's boundary. */
    @Test void shortcutsAgreeWithTheFullLinearProgram() {
        Random r = new Random(11);
        List<double[]> cloud = new ArrayList<>();
        for (int k = 0; k < 400; k++) cloud.add(new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()});
        ConvexHull hull = new ConvexHull(cloud, 5);
        double[][] all = cloud.toArray(new double[0][]);
        int inside = 0;
        long start = System.nanoTime();
        for (int k = 0; k < 300; k++) {
            double s = 1.5 + r.nextDouble() * 1.5; // radii around the cloud's edge
            double[] q = new double[4];
            double norm = 0;
            for (int d = 0; d < 4; d++) {
                q[d] = r.nextGaussian();
                norm += q[d] * q[d];
            }
            for (int d = 0; d < 4; d++) q[d] *= s / Math.sqrt(norm);
            boolean expected = ConvexHull.feasible(all, q);
            assertEquals(expected, hull.contains(q), "query " + k);
            if (expected) inside++;
        }
        assertTrue(inside > 30 && inside < 270, "the queries straddle the boundary: " + inside + " of 300 inside");
        System.out.printf("hull: %d vertices found, %.1f ms per query (incl. the reference LP)%n", hull.knownVertices(), (System.nanoTime() - start) * 1e-6 / 300);
    }
}
