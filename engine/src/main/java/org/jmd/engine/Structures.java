package org.jmd.engine;

import org.jmd.neighbor.Cell;

/** Operations that make one structure from another: supercells, rigid motions, reordering. */
public final class Structures {
    private Structures() {}

    /** Bytes a repeated structure takes while it is built: the copies' positions, velocities, masses, charges and types, twice. */
    private static final long BYTES_PER_ATOM = 2 * (6 * 8 + 2 * 8 + 4);

    /**
     * The atom count of n atoms repeated nx×ny×nz times; an error, before anything is allocated,
     * when it would not fit in one structure or in this JVM's memory (a typo such as
     * {@code repeat=1000,1000,1000} should fail at once, not after minutes of swapping).
     */
    static int atoms(int n, int nx, int ny, int nz) {
        long m = (long) n * nx * ny * nz;
        if (m > AtomicSystem.MAX_ATOMS) {
            throw new InputException("repeating " + n + " atoms " + nx + "×" + ny + "×" + nz + " times gives " + m
                    + " atoms, more than one structure can hold (" + AtomicSystem.MAX_ATOMS + ")");
        }
        long need = m * BYTES_PER_ATOM, have = Runtime.getRuntime().maxMemory();
        if (need > have) {
            throw new InputException(String.format(java.util.Locale.ROOT, "repeating %d atoms %d×%d×%d times gives %d atoms, which need "
                    + "%.1f GB; this JVM may use %.1f GB (set JMD_JAVA_OPTS=-Xmx...)", n, nx, ny, nz, m, need / 1e9, have / 1e9));
        }
        return (int) m;
    }

    /** The nx×ny×nz supercell; atoms of image (a,b,c) follow those of the original, image by image. */
    public static AtomicSystem repeat(AtomicSystem s, int nx, int ny, int nz) {
        int n = s.size(), m = atoms(n, nx, ny, nz);
        Cell c = s.cell();
        double[] x = new double[3 * m], v = new double[3 * m], mass = new double[m], q = new double[m];
        int[] type = new int[m];
        int k = 0;
        for (int a = 0; a < nx; a++)
            for (int b = 0; b < ny; b++)
                for (int cc = 0; cc < nz; cc++)
                    for (int i = 0; i < n; i++, k++) {
                        for (int d = 0; d < 3; d++) {
                            x[3 * k + d] = s.x[3 * i + d] + a * c.h(0, d) + b * c.h(1, d) + cc * c.h(2, d);
                            v[3 * k + d] = s.v[3 * i + d];
                        }
                        type[k] = s.type[i];
                        mass[k] = s.mass[i];
                        q[k] = s.charge[i];
                    }
        double[] h = c.matrix();
        int[] f = {nx, ny, nz};
        for (int r = 0; r < 3; r++) for (int d = 0; d < 3; d++) h[3 * r + d] *= f[r];
        AtomicSystem out = new AtomicSystem(new Cell(h, c.pbc()), s.speciesTable(), type, x);
        System.arraycopy(v, 0, out.v, 0, 3 * m);
        System.arraycopy(mass, 0, out.mass, 0, m);
        System.arraycopy(q, 0, out.charge, 0, m);
        return out;
    }

    /** Applies x → R x to positions, velocities and the cell vectors (R row-major 3×3). */
    public static AtomicSystem rotate(AtomicSystem s, double[] r) {
        AtomicSystem out = s.copy();
        applyLinear(r, s.x, out.x);
        applyLinear(r, s.v, out.v);
        double[] h = s.cell().matrix(), h2 = new double[9];
        applyLinear(r, h, h2);
        out.setCell(new Cell(h2, s.cell().pbc()));
        return out;
    }

    /** Moves every atom by t (Å). */
    public static AtomicSystem translate(AtomicSystem s, double tx, double ty, double tz) {
        AtomicSystem out = s.copy();
        for (int i = 0; i < s.size(); i++) {
            out.x[3 * i] += tx;
            out.x[3 * i + 1] += ty;
            out.x[3 * i + 2] += tz;
        }
        return out;
    }

    /** Atom k of the result is atom order[k] of s. */
    public static AtomicSystem permute(AtomicSystem s, int[] order) {
        if (order.length != s.size()) throw new IllegalArgumentException("a permutation of " + s.size() + " atoms needs " + s.size() + " indices");
        return subset(s, order);
    }

    /** The atoms {@code keep} (indices, in that order) of s, with their velocities, masses and charges, in the same cell. */
    public static AtomicSystem subset(AtomicSystem s, int[] keep) {
        int m = keep.length;
        double[] x = new double[3 * m];
        int[] type = new int[m];
        for (int k = 0; k < m; k++) {
            System.arraycopy(s.x, 3 * keep[k], x, 3 * k, 3);
            type[k] = s.type[keep[k]];
        }
        AtomicSystem out = new AtomicSystem(s.cell(), s.speciesTable(), type, x);
        for (int k = 0; k < m; k++) {
            System.arraycopy(s.v, 3 * keep[k], out.v, 3 * k, 3);
            out.mass[k] = s.mass[keep[k]];
            out.charge[k] = s.charge[keep[k]];
        }
        return out;
    }

    /** A rotation matrix from an axis (need not be unit) and an angle in radians. */
    public static double[] rotation(double ax, double ay, double az, double angle) {
        double norm = Math.sqrt(ax * ax + ay * ay + az * az);
        ax /= norm; ay /= norm; az /= norm;
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {
            t * ax * ax + c, t * ax * ay - s * az, t * ax * az + s * ay,
            t * ax * ay + s * az, t * ay * ay + c, t * ay * az - s * ax,
            t * ax * az - s * ay, t * ay * az + s * ax, t * az * az + c,
        };
    }

    private static void applyLinear(double[] r, double[] in, double[] out) {
        for (int i = 0; i < in.length; i += 3) {
            double a = in[i], b = in[i + 1], c = in[i + 2];
            out[i] = r[0] * a + r[1] * b + r[2] * c;
            out[i + 1] = r[3] * a + r[4] * b + r[5] * c;
            out[i + 2] = r[6] * a + r[7] * b + r[8] * c;
        }
    }
}
