package org.jmd.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one 3×3 algebra against its definitions on random triclinic cells: m m⁻¹ = m⁻¹ m = 1 and
 * det m = a · (b × c) to round-off, det of a product the product of dets, exp(A) exp(−A) = 1 and
 * exp of a diagonal the exponentials, and a singular matrix refused.
 */
class Matrix3Test {
    private static double[] random(Random rnd) {
        double[] m = new double[9];
        for (int k = 0; k < 9; k++) m[k] = (k % 4 == 0 ? 5 : 0) + 2 * (rnd.nextDouble() - 0.5);
        return m;
    }

    @Test void inverseAndDeterminantOfRandomCells() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            double[] m = random(rnd), p = random(rnd);
            double[] inv = Matrix3.inverse(m);
            assertArrayEquals(Matrix3.identity(), Matrix3.multiply(m, inv), 1e-14);
            assertArrayEquals(Matrix3.identity(), Matrix3.multiply(inv, m), 1e-14);
            double[] a = {m[0], m[1], m[2]}, b = {m[3], m[4], m[5]}, c = {m[6], m[7], m[8]};
            double[] bc = Matrix3.cross(b, c);
            double det = Matrix3.determinant(m);
            assertEquals(a[0] * bc[0] + a[1] * bc[1] + a[2] * bc[2], det, 1e-13 * Math.abs(det));
            assertEquals(0, b[0] * bc[0] + b[1] * bc[1] + b[2] * bc[2], 1e-13, "b × c ⟂ b");
            assertEquals(det * Matrix3.determinant(p), Matrix3.determinant(Matrix3.multiply(m, p)), 1e-12 * Math.abs(det * Matrix3.determinant(p)));
            assertEquals(det, Matrix3.determinant(Matrix3.transpose(m)), 1e-13 * Math.abs(det));
            double[] into = new double[9];
            Matrix3.inverse(m, into);
            assertArrayEquals(inv, into, 0.0);
            assertEquals(Math.abs(det), new Cell(m, new boolean[] {true, true, true}).volume(), 0.0);
        }
    }

    @Test void applyToVectorsIsTheProductWithEachVector() {
        Random rnd = new Random(5);
        double[] m = random(rnd), x = {1, 2, 3, -4, 0.5, 6};
        Matrix3.applyToVectors(m, x, 2);
        assertArrayEquals(new double[] {m[0] + 2 * m[1] + 3 * m[2], m[3] + 2 * m[4] + 3 * m[5], m[6] + 2 * m[7] + 3 * m[8]},
                new double[] {x[0], x[1], x[2]}, 1e-14);
        assertEquals(-4 * m[3] + 0.5 * m[4] + 6 * m[5], x[4], 1e-14);
    }

    @Test void exponential() {
        Random rnd = new Random(7);
        for (double scale : new double[] {1e-4, 0.1, 2}) {
            double[] a = new double[9];
            for (int k = 0; k < 9; k++) a[k] = scale * (rnd.nextDouble() - 0.5);
            double[] minus = a.clone();
            for (int k = 0; k < 9; k++) minus[k] = -a[k];
            assertArrayEquals(Matrix3.identity(), Matrix3.multiply(Matrix3.exp(a), Matrix3.exp(minus)), 1e-13 * Math.max(1, scale));
        }
        double[] e = Matrix3.exp(new double[] {0.3, 0, 0, 0, -1.2, 0, 0, 0, 2.5});
        assertArrayEquals(new double[] {Math.exp(0.3), 0, 0, 0, Math.exp(-1.2), 0, 0, 0, Math.exp(2.5)}, e, 1e-13 * Math.exp(2.5));
    }

    @Test void aSingularMatrixIsRefused() {
        assertThrows(ArithmeticException.class, () -> Matrix3.inverse(new double[] {1, 2, 3, 2, 4, 6, 0, 0, 1}));
        assertThrows(ArithmeticException.class, () -> Matrix3.inverse(new double[9]));
    }

    /** A cell so large its volume overflows is still a Cell (the readers refuse it by its volume, with file and line). */
    @Test void anOverflowingDeterminantGivesIeeeResultsNotAnException() {
        double[] huge = {1e200, 0, 0, 0, 1e200, 0, 0, 0, 1e200};
        assertEquals(Double.POSITIVE_INFINITY, Matrix3.determinant(huge));
        for (double v : Matrix3.inverse(huge)) assertTrue(v == 0 || Double.isNaN(v), "entry " + v);
        assertEquals(Double.POSITIVE_INFINITY, new Cell(huge, new boolean[] {true, true, true}).volume());
    }
}
