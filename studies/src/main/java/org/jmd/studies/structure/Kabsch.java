package org.jmd.studies.structure;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.joml.Matrix3d;
import org.joml.Vector3d;

/**
 * Root-mean-square deviation of two structures of the same atoms (same order) after the rigid
 * motion that best superposes them: both centred on their centroids, then the rotation of the
 * Kabsch algorithm (SVD of the 3×3 covariance, with the sign fixed so it is a proper rotation).
 */
public final class Kabsch {
    private Kabsch() {}

    /** RMSD in Å between positions a and b (3N each) after optimal superposition. */
    public static double rmsd(double[] a, double[] b) {
        int n = a.length / 3;
        if (b.length != a.length || n == 0) throw new IllegalArgumentException("two structures of the same atoms needed");
        Vector3d ca = centroid(a), cb = centroid(b);
        double[][] h = new double[3][3];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                double p = a[3 * i + r] - ca.get(r);
                for (int c = 0; c < 3; c++) h[r][c] += p * (b[3 * i + c] - cb.get(c));
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false));
        RealMatrix u = svd.getU(), v = svd.getV();
        // R = V diag(1, 1, d) Uᵀ maps centred a onto centred b; d = sign(det(V Uᵀ)) forbids a reflection
        Matrix3d vm = joml(v), um = joml(u);
        double d = Math.signum(new Matrix3d(vm).mul(new Matrix3d(um).transpose()).determinant());
        Matrix3d rotation = new Matrix3d(vm).mul(new Matrix3d().scaling(1, 1, d == 0 ? 1 : d)).mul(new Matrix3d(um).transpose());
        double sum = 0;
        Vector3d p = new Vector3d();
        for (int i = 0; i < n; i++) {
            p.set(a[3 * i] - ca.x, a[3 * i + 1] - ca.y, a[3 * i + 2] - ca.z);
            rotation.transform(p);
            double dx = p.x - (b[3 * i] - cb.x), dy = p.y - (b[3 * i + 1] - cb.y), dz = p.z - (b[3 * i + 2] - cb.z);
            sum += dx * dx + dy * dy + dz * dz;
        }
        return Math.sqrt(sum / n);
    }

    private static Vector3d centroid(double[] x) {
        int n = x.length / 3;
        Vector3d c = new Vector3d();
        for (int i = 0; i < n; i++) c.add(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        return c.div(n);
    }

    /** A Commons Math 3×3 matrix as JOML's (JOML's setters take column-major order). */
    private static Matrix3d joml(RealMatrix m) {
        return new Matrix3d(m.getEntry(0, 0), m.getEntry(1, 0), m.getEntry(2, 0),
                m.getEntry(0, 1), m.getEntry(1, 1), m.getEntry(2, 1),
                m.getEntry(0, 2), m.getEntry(1, 2), m.getEntry(2, 2));
    }
}
