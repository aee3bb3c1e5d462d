package org.jmd.neighbor;

import java.util.Arrays;

/**
 * A simulation cell: three lattice vectors a, b, c (rows of {@code h}, Å) and a periodicity flag
 * per direction. Any tilt is allowed. A direction that is not periodic may have a zero or
 * arbitrary vector; geometry that needs a basis ({@link #binningBasis()}) completes it.
 *
 * <p>Immutable: a barostat or a cell relaxation makes a new cell rather than editing this one, so
 * anything derived from a cell (inverse, widths) can be cached without invalidation.
 */
public final class Cell {
    private final double[] h = new double[9];
    private final boolean[] pbc = new boolean[3];
    private final double[] basis;     // h with degenerate non-periodic rows replaced
    private final double[] inverse;   // inverse of basis, so that s = x · inverse

    public Cell(double[] h9, boolean[] periodic) {
        if (h9.length != 9 || periodic.length != 3) throw new IllegalArgumentException("cell needs 9 numbers and 3 flags");
        System.arraycopy(h9, 0, h, 0, 9);
        System.arraycopy(periodic, 0, pbc, 0, 3);
        this.basis = completeBasis(h, pbc);
        this.inverse = invert(basis);
        if (inverse == null) {
            throw new IllegalArgumentException("periodic cell vectors are linearly dependent: " + Arrays.toString(h9));
        }
    }

    /** An orthorhombic cell with edges lx, ly, lz, periodic in all directions. */
    public static Cell orthorhombic(double lx, double ly, double lz) {
        return new Cell(new double[] {lx, 0, 0, 0, ly, 0, 0, 0, lz}, new boolean[] {true, true, true});
    }

    /** No lattice and no periodicity: a cluster or molecule in vacuum. */
    public static Cell open() {
        return new Cell(new double[9], new boolean[3]);
    }

    /** Lattice vector {@code k} (0 = a, 1 = b, 2 = c), component {@code d}. */
    public double h(int k, int d) { return h[3 * k + d]; }

    /** Copy of the lattice matrix, row-major, rows a, b, c. */
    public double[] matrix() { return h.clone(); }

    public boolean periodic(int k) { return pbc[k]; }

    public boolean[] pbc() { return pbc.clone(); }

    public boolean anyPeriodic() { return pbc[0] || pbc[1] || pbc[2]; }

    public boolean fullyPeriodic() { return pbc[0] && pbc[1] && pbc[2]; }

    /** True when every lattice vector is zero (ASE's convention for "no cell"). */
    public boolean hasLattice() {
        for (double v : h) if (v != 0) return true;
        return false;
    }

    /** Volume |a·(b×c)| in Å³; zero when a vector is missing. */
    public double volume() { return Math.abs(Matrix3.determinant(h)); }

    /**
     * The lattice matrix with degenerate non-periodic rows replaced by unit vectors perpendicular
     * to the others. Fractional coordinates along a non-periodic direction then stay finite and
     * meaningful for binning, while periodic directions keep their exact vectors.
     */
    public double[] binningBasis() { return basis.clone(); }

    /** Fractional coordinates of the Cartesian point {@code x[3i..3i+2]} into {@code s[3j..]}. */
    public void toFractional(double[] x, int i, double[] s, int j) {
        double x0 = x[3 * i], x1 = x[3 * i + 1], x2 = x[3 * i + 2];
        for (int d = 0; d < 3; d++) {
            s[3 * j + d] = x0 * inverse[d] + x1 * inverse[3 + d] + x2 * inverse[6 + d];
        }
    }

    /** Cartesian point of fractional coordinates {@code s[3j..]} into {@code x[3i..]}. */
    public void toCartesian(double[] s, int j, double[] x, int i) {
        double s0 = s[3 * j], s1 = s[3 * j + 1], s2 = s[3 * j + 2];
        for (int d = 0; d < 3; d++) {
            x[3 * i + d] = s0 * basis[d] + s1 * basis[3 + d] + s2 * basis[6 + d];
        }
    }

    /**
     * Width of the cell perpendicular to the plane of the other two vectors: V / |b × c| for a.
     * A sphere of radius r fits between two opposite faces when r ≤ width/2; the neighbor search
     * uses these to know how many periodic images it needs.
     */
    public double perpendicularWidth(int k) {
        int p = (k + 1) % 3, q = (k + 2) % 3;
        double cx = basis[3 * p + 1] * basis[3 * q + 2] - basis[3 * p + 2] * basis[3 * q + 1];
        double cy = basis[3 * p + 2] * basis[3 * q] - basis[3 * p] * basis[3 * q + 2];
        double cz = basis[3 * p] * basis[3 * q + 1] - basis[3 * p + 1] * basis[3 * q];
        return Math.abs(Matrix3.determinant(basis)) / Math.sqrt(cx * cx + cy * cy + cz * cz);
    }

    /** Wraps every atom into the cell along periodic directions (fractional coordinate in [0,1)). */
    public void wrap(double[] x, int n) {
        double[] s = new double[3];
        for (int i = 0; i < n; i++) {
            toFractional(x, i, s, 0);
            boolean moved = false;
            for (int d = 0; d < 3; d++) {
                if (!pbc[d]) continue;
                double f = s[d] - Math.floor(s[d]);
                if (f >= 1.0) f = 0.0; // floor of -1e-17 gives 1.0 - tiny = 1.0 after rounding
                if (f != s[d]) { s[d] = f; moved = true; }
            }
            if (moved) toCartesian(s, 0, x, i);
        }
    }

    /** The same periodicity with new lattice vectors (e.g. after a barostat step). */
    public Cell withMatrix(double[] h9) { return new Cell(h9, pbc); }

    /** The inverse, or null when the vectors are (nearly) linearly dependent. */
    static double[] invert(double[] m) {
        return Math.abs(Matrix3.determinant(m)) > 1e-12 ? Matrix3.inverse(m) : null;
    }

    /** Replace non-periodic rows that are zero or dependent by unit vectors orthogonal to the rest. */
    private static double[] completeBasis(double[] h, boolean[] pbc) {
        double[] b = h.clone();
        if (invert(b) != null) return b;
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) continue;
            b[3 * k] = b[3 * k + 1] = b[3 * k + 2] = 0;
        }
        // Fill the missing rows one at a time with a unit vector perpendicular to the filled ones.
        for (int k = 0; k < 3; k++) {
            if (pbc[k]) continue;
            double[] v = perpendicularToRows(b, k);
            b[3 * k] = v[0]; b[3 * k + 1] = v[1]; b[3 * k + 2] = v[2];
        }
        return b;
    }

    private static double[] perpendicularToRows(double[] b, int skip) {
        double[][] rows = new double[2][];
        int m = 0;
        for (int k = 0; k < 3; k++) {
            if (k == skip) continue;
            double[] r = {b[3 * k], b[3 * k + 1], b[3 * k + 2]};
            if (r[0] * r[0] + r[1] * r[1] + r[2] * r[2] > 0) rows[m++] = r;
        }
        double[] v;
        if (m == 2) {
            v = Matrix3.cross(rows[0], rows[1]);
        } else if (m == 1) {
            double[] r = rows[0];
            // any axis not parallel to r, then project r out
            double[] axis = Math.abs(r[0]) <= Math.abs(r[1]) && Math.abs(r[0]) <= Math.abs(r[2]) ? new double[] {1, 0, 0}
                    : Math.abs(r[1]) <= Math.abs(r[2]) ? new double[] {0, 1, 0} : new double[] {0, 0, 1};
            v = Matrix3.cross(r, axis);
        } else {
            v = new double[] {skip == 0 ? 1 : 0, skip == 1 ? 1 : 0, skip == 2 ? 1 : 0};
        }
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }

    @Override public String toString() {
        return "Cell" + Arrays.toString(h) + " pbc=" + Arrays.toString(pbc);
    }
}
