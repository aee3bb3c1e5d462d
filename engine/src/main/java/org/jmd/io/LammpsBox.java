package org.jmd.io;

import org.jmd.neighbor.Cell;

/**
 * A cell in LAMMPS's restricted triclinic form: a = (lx, 0, 0), b = (xy, ly, 0),
 * c = (xz, yz, lz) with lx, ly, lz &gt; 0. LAMMPS can only represent such cells, so a general
 * cell is rigidly rotated into it: a along +x, b in the xy plane with positive y, c with
 * positive z. The same rotation must then be applied to positions, velocities and forces;
 * distances, angles and fractional coordinates are unchanged. A left-handed cell (negative
 * determinant) has no such form, since a rotation cannot change handedness.
 */
final class LammpsBox {
    final double lx, ly, lz, xy, xz, yz;
    /** Row-major rotation R with x_lammps = R·x, or null when the cell is already in LAMMPS form. */
    final double[] rotation;

    private LammpsBox(double lx, double ly, double lz, double xy, double xz, double yz, double[] rotation) {
        this.lx = lx; this.ly = ly; this.lz = lz;
        this.xy = xy; this.xz = xz; this.yz = yz;
        this.rotation = rotation;
    }

    /** The LAMMPS form of a cell; null when the cell is left-handed. */
    static LammpsBox of(Cell cell) {
        double[] h = cell.matrix();
        if (h[1] == 0 && h[2] == 0 && h[5] == 0 && h[0] > 0 && h[4] > 0 && h[8] > 0) {
            // already lower triangular: no rotation, so the numbers are kept bit for bit
            return new LammpsBox(h[0], h[4], h[8], h[3], h[6], h[7], null);
        }
        double[] a = {h[0], h[1], h[2]}, b = {h[3], h[4], h[5]}, c = {h[6], h[7], h[8]};
        double la = norm(a);
        double[] ex = {a[0] / la, a[1] / la, a[2] / la};
        double bx = dot(b, ex);
        double[] bPerp = {b[0] - bx * ex[0], b[1] - bx * ex[1], b[2] - bx * ex[2]};
        double lb = norm(bPerp);
        double[] ey = {bPerp[0] / lb, bPerp[1] / lb, bPerp[2] / lb};
        double[] ez = {ex[1] * ey[2] - ex[2] * ey[1], ex[2] * ey[0] - ex[0] * ey[2], ex[0] * ey[1] - ex[1] * ey[0]};
        double lz = dot(c, ez);
        if (!(lz > 0)) return null;
        double[] r = {ex[0], ex[1], ex[2], ey[0], ey[1], ey[2], ez[0], ez[1], ez[2]};
        return new LammpsBox(la, lb, lz, bx, dot(c, ex), dot(c, ey), r);
    }

    /** The box as a jmd cell matrix (rows a, b, c). */
    double[] matrix() { return new double[] {lx, 0, 0, xy, ly, 0, xz, yz, lz}; }

    boolean tilted() { return xy != 0 || xz != 0 || yz != 0; }

    /** R·v for the 3-vector at v[3i..3i+2], into out[0..2]. */
    void rotate(double[] v, int i, double[] out) {
        double x = v[3 * i], y = v[3 * i + 1], z = v[3 * i + 2];
        if (rotation == null) {
            out[0] = x; out[1] = y; out[2] = z;
            return;
        }
        double[] r = rotation;
        out[0] = r[0] * x + r[1] * y + r[2] * z;
        out[1] = r[3] * x + r[4] * y + r[5] * z;
        out[2] = r[6] * x + r[7] * y + r[8] * z;
    }

    private static double dot(double[] u, double[] v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }

    private static double norm(double[] u) { return Math.sqrt(dot(u, u)); }
}
