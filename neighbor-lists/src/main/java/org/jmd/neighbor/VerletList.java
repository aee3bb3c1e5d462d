package org.jmd.neighbor;

/**
 * A neighbor list built with a skin and reused until some atom has moved more than half the skin
 * since the last build (then no pair can have crossed into the cutoff unseen). Between rebuilds
 * only the pair displacements are refreshed.
 *
 * <p>A change of cell or of atom count forces a rebuild. Positions must not be re-wrapped between
 * rebuilds without calling {@link #invalidate()}: the recorded images refer to the positions as
 * they were at the build.
 */
public final class VerletList {
    private final double cutoff;
    private final double skin;
    private final NeighborList.Kind kind;
    private final CellListSearch search = new CellListSearch();
    private final NeighborList list = new NeighborList();
    private double[] reference = new double[0];
    private double[] builtCell;
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
        // displacements always come from refresh, also right after a build, so that a list
        // rebuilt from saved reference positions (restore) gives them to the last bit
        list.refresh(x, cell);
        return rebuild;
    }

    /** Positions at the last build, 3N (null before the first): saved in checkpoints for {@link #restore}. */
    public double[] reference() {
        return builtAtoms < 0 ? null : java.util.Arrays.copyOf(reference, 3 * builtAtoms);
    }

    /**
     * Builds the list from positions saved with {@link #reference()} (the cell must be the one
     * of the current positions). The pairs come out in the same order as in the run that saved
     * them and the rebuild schedule continues unchanged, so a restarted run sums forces in the
     * same order and continues bit for bit.
     */
    public void restore(double[] referencePositions, int n, Cell cell) {
        if (referencePositions.length != 3 * n) throw new IllegalArgumentException("need 3 reference coordinates per atom");
        build(referencePositions, n, cell);
    }

    private void build(double[] x, int n, Cell cell) {
        search.build(x, n, cell, cutoff + skin, kind, list);
        if (reference.length < 3 * n) reference = new double[3 * n];
        System.arraycopy(x, 0, reference, 0, 3 * n);
        builtCell = cell.matrix();
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
        for (int k = 0; k < 3; k++)
            for (int d = 0; d < 3; d++)
                if (cell.h(k, d) != builtCell[3 * k + d]) return true;
        double limit = 0.25 * skin * skin;
        for (int i = 0; i < 3 * n; i += 3) {
            double dx = x[i] - reference[i], dy = x[i + 1] - reference[i + 1], dz = x[i + 2] - reference[i + 2];
            if (dx * dx + dy * dy + dz * dz > limit) return true;
        }
        return false;
    }
}
