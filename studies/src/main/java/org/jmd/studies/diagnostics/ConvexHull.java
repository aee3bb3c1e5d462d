package org.jmd.studies.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Membership of a point in the convex hull of a set of points, as the feasibility of a linear
 * program: q is inside exactly when there are weights λ_j ≥ 0 with Σ λ_j = 1 and Σ λ_j p_j = q.
 * Solved with Commons Math's {@link SimplexSolver} (Bland's rule, so degenerate problems — every
 * hull test is one — cannot cycle).
 *
 * <p>Two exact shortcuts keep it fast. For twenty thousand random directions u the support value
 * h(u) = max_j p_j·u is precomputed: q·u &gt; h(u) for any of them proves q outside (a separating
 * plane). The points that attain those maxima are vertices of the hull; q inside their hull is
 * inside the whole hull, a small LP. Only a point that neither settles gets the LP over all points.
 */
public final class ConvexHull {
    /** Random directions for the support values and the vertex set. */
    static final int DIRECTIONS = 20000;

    private final double[][] points;
    private final double[][] vertices;
    private final int dimension;
    private final double[] lo, hi;
    private final double[][] directions;
    private final double[] support;

    public ConvexHull(List<double[]> points) { this(points, 1); }

    /** @param seed of the random directions (the answers do not depend on it, only the time taken) */
    public ConvexHull(List<double[]> points, long seed) {
        if (points.isEmpty()) throw new IllegalArgumentException("a hull needs points");
        this.points = points.toArray(new double[0][]);
        this.dimension = this.points[0].length;
        lo = new double[dimension];
        hi = new double[dimension];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : this.points) {
            for (int d = 0; d < dimension; d++) {
                lo[d] = Math.min(lo[d], p[d]);
                hi[d] = Math.max(hi[d], p[d]);
            }
        }
        java.util.Random random = new java.util.Random(seed);
        directions = new double[DIRECTIONS][dimension];
        support = new double[DIRECTIONS];
        java.util.Set<Integer> vertexSet = new java.util.TreeSet<>();
        for (int k = 0; k < DIRECTIONS; k++) {
            double norm = 0;
            for (int d = 0; d < dimension; d++) {
                directions[k][d] = random.nextGaussian();
                norm += directions[k][d] * directions[k][d];
            }
            for (int d = 0; d < dimension; d++) directions[k][d] /= Math.sqrt(norm);
            int best = 0;
            support[k] = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < this.points.length; j++) {
                double h = dot(this.points[j], directions[k]);
                if (h > support[k]) { support[k] = h; best = j; }
            }
            vertexSet.add(best);
        }
        vertices = new double[vertexSet.size()][];
        int v = 0;
        for (int j : vertexSet) vertices[v++] = this.points[j];
    }

    /** Hull vertices found along the random directions (a subset of all vertices). */
    public int knownVertices() { return vertices.length; }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) s += a[d] * b[d];
        return s;
    }

    public int dimension() { return dimension; }

    /** Whether q lies in the hull (boundary included, to the solver's tolerance). */
    public boolean contains(double[] q) {
        for (int d = 0; d < dimension; d++) {
            double pad = 1e-9 * Math.max(1, hi[d] - lo[d]);
            if (q[d] < lo[d] - pad || q[d] > hi[d] + pad) return false;
        }
        double scale = 0;
        for (int d = 0; d < dimension; d++) scale = Math.max(scale, hi[d] - lo[d]);
        for (int k = 0; k < DIRECTIONS; k++) if (dot(q, directions[k]) > support[k] + 1e-9 * Math.max(1, scale)) return false;
        return feasible(vertices, q) || (vertices.length < points.length && feasible(points, q));
    }

    /** Whether q is a convex combination of the given points (the LP). */
    static boolean feasible(double[][] points, double[] q) {
        int dimension = q.length;
        int m = points.length;
        List<LinearConstraint> constraints = new ArrayList<>(dimension + 1);
        double[] ones = new double[m];
        Arrays.fill(ones, 1.0);
        constraints.add(new LinearConstraint(ones, Relationship.EQ, 1.0));
        for (int d = 0; d < dimension; d++) {
            double[] row = new double[m];
            for (int j = 0; j < m; j++) row[j] = points[j][d];
            constraints.add(new LinearConstraint(row, Relationship.EQ, q[d]));
        }
        try {
            new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100 * (m + dimension)),
                    new LinearObjectiveFunction(new double[m], 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
            return true;
        } catch (NoFeasibleSolutionException e) {
            return false;
        } catch (TooManyIterationsException e) {
            throw new IllegalStateException("hull membership: the simplex did not finish in " + 100 * (m + dimension) + " iterations", e);
        }
    }
}
