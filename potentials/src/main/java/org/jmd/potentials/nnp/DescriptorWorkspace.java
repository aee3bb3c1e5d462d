package org.jmd.potentials.nnp;

import java.util.Arrays;
import org.jmd.neighbor.NeighborList;

/**
 * One thread's scratch for the Behler–Parrinello descriptor kernel, made cheaply by
 * {@link BehlerParrinelloDescriptors#workspace()} (arrays only; the definitions stay in the shared,
 * immutable descriptor set). Per atom:
 * <ul>
 * <li>{@link #describe}: raw G in n2p2 order into {@link #values()};</li>
 * <li>then {@link #pairGradients}: for coefficients c_s (e.g. ∂E_i/∂G_s), g_p = Σ_s c_s ∂G_s/∂δ_p for
 *     every pair p of the atom in the neighbor list, computed on the fly with nothing stored per
 *     function (the inference path);</li>
 * <li>or {@link #describeWithDerivatives}: G and ∂G_s/∂δ_p in the compact rows of
 *     {@link DerivativeLayout} (the training path, which caches them).</li>
 * </ul>
 * The neighbor list must be a full list holding every pair closer than the descriptors' cutoff
 * (it may hold more: lists carry a skin). Results stay valid until the next call; buffers grow as
 * needed and nothing is allocated per call afterwards.
 */
public final class DescriptorWorkspace {
    private final BehlerParrinelloDescriptors set;
    final AtomEnvironment env = new AtomEnvironment();
    private final double[] g;
    private NeighborList list;
    private int element = -1;
    private int rowsLength = -1;

    // kernel scratch, used by ElementDescriptor and AngularGroup
    final double[] term = new double[5], pair = new double[2];
    double[] cutoffValue = new double[0], cutoffSlope = new double[0];
    int[] cand1 = new int[0], cand2 = new int[0], active1 = new int[0], active2 = new int[0];
    double[] u1 = new double[0], du1 = new double[0], u2 = new double[0], du2 = new double[0];
    final double[] angular, angularSlope, accumulator, coefficient;
    /**
     * v_r(r_jk) and slopes of the narrow groups' pairs, kept by describe() for the contraction of
     * the same atom (see {@link AngularGroup#values}); group k's pairs start at pairCacheStart[k].
     */
    double[] pairCache = new double[0];
    /** dg/dr of each radial term of the last values pass, in visiting order (same reuse). */
    double[] radialSlope = new double[0];
    /** Value and slope of the radial functions of one neighbour (RadialTerms). */
    double[] radialValue = new double[0], radialScratch = new double[0];
    int[] pairCacheStart = new int[0];
    private boolean pairCacheValid;
    final int[] activeAngular;
    double[] gradient = new double[0];
    double[] rows = new double[0];
    int[] rowStart = new int[0], rowLength = new int[0];

    DescriptorWorkspace(BehlerParrinelloDescriptors set, int functions, int cells, int radialParts, int angularParts) {
        this.set = set;
        g = new double[functions];
        angular = new double[angularParts];
        angularSlope = new double[angularParts];
        activeAngular = new int[angularParts];
        accumulator = new double[cells];
        coefficient = new double[cells];
    }

    /** The descriptor set this workspace computes. */
    public BehlerParrinelloDescriptors descriptors() { return set; }

    /** Raw symmetry functions of atom i into {@link #values()}; returns their number. */
    public int describe(NeighborList list, AtomElements atoms, int i) {
        ElementDescriptor d = begin(list, atoms, i);
        d.values(env, this, g);
        pairCacheValid = true;
        rowsLength = -1;
        return d.size();
    }

    /**
     * Raw symmetry functions of atom i into {@link #values()} and ∂G_s/∂δ_p into
     * {@link #derivativeRows()} (layout: {@link BehlerParrinelloDescriptors#layout()}); returns the
     * number of functions.
     */
    public int describeWithDerivatives(NeighborList list, AtomElements atoms, int i) {
        ElementDescriptor d = begin(list, atoms, i);
        pairCacheValid = false;
        rowsLength = d.derivatives(env, this, g);
        return d.size();
    }

    private ElementDescriptor begin(NeighborList list, AtomElements atoms, int i) {
        this.list = list;
        element = atoms.array()[i];
        ElementDescriptor d = set.descriptors[element];
        env.build(i, atoms.positions(), list, atoms.array(), d.cutoff());
        return d;
    }

    /**
     * For the atom of the last {@code describe}: g_p = Σ_s c_s ∂G_s/∂δ_p into
     * pairGradient[3p .. 3p+2] for every pair p of the atom in the neighbor list
     * (p in [list.start(i), list.end(i)), zero for pairs beyond the cutoff). c is indexed like G.
     */
    public void pairGradients(double[] c, double[] pairGradient) {
        int i = env.centre;
        Arrays.fill(pairGradient, 3 * list.start(i), 3 * list.end(i), 0.0);
        neighborGradients(c);
        int[] pairs = env.pair;
        double[] gr = gradient;
        for (int p = 0; p < env.size; p++) {
            int o = 3 * pairs[p];
            pairGradient[o] = gr[3 * p];
            pairGradient[o + 1] = gr[3 * p + 1];
            pairGradient[o + 2] = gr[3 * p + 2];
        }
    }

    /**
     * For the atom of the last {@code describe}: g_p = Σ_s c_s ∂G_s/∂δ_p for its
     * {@link #neighborCount()} neighbours inside the cutoff, in environment order; the returned
     * array (3 per neighbour) is reused by the next call.
     */
    public double[] neighborGradients(double[] c) {
        if (gradient.length < 3 * env.size) gradient = new double[Math.max(3 * env.size, 2 * gradient.length)];
        set.descriptors[element].contract(env, this, c, gradient, pairCacheValid);
        return gradient;
    }

    /** Element index of the atom of the last call. */
    public int element() { return element; }

    /** G_s of the last atom, s in [0, descriptors().size(element())); overwritten by the next call. */
    public double[] values() { return g; }

    /** Neighbours of the last atom inside its element's cutoff (one entry per periodic image). */
    public int neighborCount() { return env.size; }

    /** Atom index of each neighbour p of the last atom, p in [0, neighborCount()). */
    public int[] neighborAtoms() { return env.atom; }

    /** Element index of each neighbour. */
    public int[] neighborElements() { return env.element; }

    /** Pair index of each neighbour in the neighbor list. */
    public int[] neighborPairs() { return env.pair; }

    /** δ_p = x_j + image·h − x_i of each neighbour, 3 per neighbour. */
    public double[] neighborDeltas() { return env.delta; }

    /** ∂G_s/∂δ_p of the last {@link #describeWithDerivatives}, in {@link DerivativeLayout}'s rows. */
    public double[] derivativeRows() {
        if (rowsLength < 0) throw new IllegalStateException("the last atom was described without derivatives");
        return rows;
    }

    /** Number of entries of {@link #derivativeRows()} in use. */
    public int derivativeRowsLength() { return rowsLength; }

    void ensureCandidates(int n, int parts) {
        if (cand1.length < n) {
            cand1 = new int[n];
            cand2 = new int[n];
        }
        if (active1.length < n * (parts + 1)) {
            active1 = new int[Math.max(n * (parts + 1), 2 * active1.length)];
            active2 = new int[active1.length];
        }
        if (u1.length < n * parts) {
            int size = Math.max(n * parts, 2 * u1.length);
            u1 = new double[size];
            du1 = new double[size];
            u2 = new double[size];
            du2 = new double[size];
        }
    }

    /** pairCache with room for at least size entries (contents kept). */
    double[] growPairCache(int size) {
        if (pairCache.length < size) pairCache = Arrays.copyOf(pairCache, Math.max(size, 2 * pairCache.length));
        return pairCache;
    }

    double[] radialSlopes(int size) {
        if (radialSlope.length < size) radialSlope = new double[Math.max(size, 2 * radialSlope.length)];
        return radialSlope;
    }

    double[] radialValues(int size) {
        if (radialValue.length < size) {
            radialValue = new double[size];
            radialScratch = new double[size];
        }
        return radialValue;
    }

    void ensureGroups(int groups) {
        if (pairCacheStart.length < groups) pairCacheStart = new int[groups];
    }

    void ensureCutoffs(int size) {
        if (cutoffValue.length < size) {
            cutoffValue = new double[Math.max(size, 2 * cutoffValue.length)];
            cutoffSlope = new double[cutoffValue.length];
        }
    }

    void ensureRows(int n) {
        if (rowStart.length < n) {
            rowStart = new int[Math.max(n, 2 * rowStart.length)];
            rowLength = new int[rowStart.length];
        }
    }

    void ensureRowData(int size) {
        if (rows.length < size) rows = new double[Math.max(size, rows.length + rows.length / 2)];
    }
}
