package org.jmd.neighbor;

/**
 * A neighbor list built with a skin and reused while no pair can have crossed into the cutoff
 * unseen. Between rebuilds only the images' shift vectors are refreshed (for a changed cell).
 *
 * <p>The cell may change between rebuilds (barostats, cell relaxation), as LAMMPS allows: with
 * the build cell H₀, the current cell H = H₀(1 + E) and u_i = (x_i − x₀ᵢ) − x₀ᵢE the motion of
 * atom i relative to its build position carried along by the deformation, a pair that was
 * farther apart than cutoff + skin at the build is now farther than
 * (cutoff + skin)(1 − ‖E‖) − |u_i| − |u_j|. So the list stays valid while
 * 2 max|u| + ‖E‖(cutoff + skin) ≤ skin; with an unchanged cell this is the usual half-skin rule.
 *
 * <p>A change of atom count forces a rebuild. Positions must not be re-wrapped between rebuilds
 * without calling {@link #invalidate()}: the recorded images refer to the positions as they were
 * at the build.
 */
public final class VerletList {
    private final double cutoff;
    private final double skin;
    private final NeighborList.Kind kind;
    private final CellListSearch search = new CellListSearch();
    private final NeighborList list = new NeighborList();
    private double[] reference = new double[0];
    private double[] builtCell;
    private double[] builtInverse;
    private final double[] strain = new double[9];
    private int builtAtoms = -1;
    private long builds;

    public VerletList(double cutoff, double skin, NeighborList.Kind kind) {
        if (!(cutoff > 0)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        if (!(skin >= 0)) throw new IllegalArgumentException("skin must be non-negative, got " + skin);
        this.cutoff = cutoff;
        this.skin = skin;
        this.kind = kind;
    }

    /** Brings the list up to date with the positions, rebuilding if needed. Returns true if it rebuilt. */
    public boolean update(double[] x, int n, Cell cell) {
        boolean rebuild = needsRebuild(x, n, cell);
        if (rebuild) build(x, n, cell);
        // shifts always come from the current cell, also right after a build from saved reference
        // positions and cell (restore), so displacements are the same to the last bit
        list.refresh(cell);
        return rebuild;
    }

    /**
     * Positions (3N) and cell (9, rows a, b, c) of the last build: what a checkpoint saves so
     * that {@link #restore} can rebuild the same list.
     */
    public record Reference(double[] positions, double[] cell) {}

    /** The state of the last build, or null before the first. */
    public Reference reference() {
        return builtAtoms < 0 ? null : new Reference(java.util.Arrays.copyOf(reference, 3 * builtAtoms), builtCell.clone());
    }

    /**
     * Builds the list as it was built when {@link #reference()} was saved (with the positions
     * and cell of that build, keeping the periodicity of {@code current}). The pairs come out in
     * the same order and the rebuild schedule continues unchanged, so a restarted run sums forces
     * in the same order and continues bit for bit.
     */
    public void restore(Reference saved, int n, Cell current) {
        if (saved.positions().length != 3 * n) throw new IllegalArgumentException("need 3 reference coordinates per atom");
        build(saved.positions(), n, current.withMatrix(saved.cell()));
    }

    private void build(double[] x, int n, Cell cell) {
        search.build(x, n, cell, cutoff + skin, kind, list);
        if (reference.length < 3 * n) reference = new double[3 * n];
        System.arraycopy(x, 0, reference, 0, 3 * n);
        builtCell = cell.matrix();
        builtInverse = Cell.invert(builtCell); // null for a slab or cluster with zero non-periodic vectors
        builtAtoms = n;
        builds++;
    }

    public NeighborList list() { return list; }

    /** Forces a rebuild at the next update, e.g. after positions were wrapped or atoms reordered. */
    public void invalidate() { builtAtoms = -1; }

    /** Number of builds so far (for diagnostics and tests). */
    public long builds() { return builds; }

    public double cutoff() { return cutoff; }

    public double skin() { return skin; }

    private boolean needsRebuild(double[] x, int n, Cell cell) {
        if (n != builtAtoms) return true;
        // E = H₀⁻¹ (H − H₀), the strain of the cell since the build (rows are lattice vectors)
        double norm2 = 0;
        boolean changed = false;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++) {
                double e = 0;
                for (int k = 0; k < 3; k++) {
                    double dh = cell.h(k, c) - builtCell[3 * k + c];
                    if (dh != 0) changed = true;
                    if (builtInverse != null) e += builtInverse[3 * r + k] * dh;
                }
                strain[3 * r + c] = e;
                norm2 += e * e;
            }
        if (changed && builtInverse == null) return true; // singular build cell: no strain to measure
        double allowance = skin - Math.sqrt(norm2) * (cutoff + skin); // what the deformation leaves of the skin
        if (!(allowance > 0)) return true;
        double limit = 0.25 * allowance * allowance;
        double[] e = strain;
        for (int i = 0; i < 3 * n; i += 3) {
            double dx = x[i] - reference[i], dy = x[i + 1] - reference[i + 1], dz = x[i + 2] - reference[i + 2];
            if (changed) { // subtract the affine part x₀E, carried by the deformation
                double x0 = reference[i], y0 = reference[i + 1], z0 = reference[i + 2];
                dx -= x0 * e[0] + y0 * e[3] + z0 * e[6];
                dy -= x0 * e[1] + y0 * e[4] + z0 * e[7];
                dz -= x0 * e[2] + y0 * e[5] + z0 * e[8];
            }
            if (dx * dx + dy * dy + dz * dz > limit) return true;
        }
        return false;
    }
}
