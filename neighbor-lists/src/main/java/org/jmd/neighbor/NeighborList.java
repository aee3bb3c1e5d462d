package org.jmd.neighbor;

/**
 * Pairs of atoms closer than a cutoff, in compressed sparse row form: the neighbors of atom i are
 * {@code neighbor[start[i] .. start[i+1]-1]}. Each pair carries the periodic image of its neighbor
 * ({@code image[3p..3p+2]}, in units of the lattice vectors), so one atom may appear several times
 * as a neighbor of another when the cell is smaller than the cutoff.
 *
 * <p>The displacement of pair p is {@code delta[3p..3p+2] = x[j] + image·h − x[i]}, for the
 * positions as given (they need not be wrapped). {@link #refresh} recomputes it after atoms move,
 * so a list built with a skin is reused between rebuilds.
 *
 * <p>A {@link Kind#HALF} list holds each pair once (j &gt; i, or j == i with a positive image);
 * a {@link Kind#FULL} list holds it from both sides.
 */
public final class NeighborList {
    public enum Kind { HALF, FULL }

    private Kind kind = Kind.FULL;
    private double cutoff;
    private int atoms;
    private int pairs;
    int[] start = new int[1];
    int[] neighbor = new int[0];
    int[] image = new int[0];
    double[] delta = new double[0];
    // transpose: the pairs whose neighbor is atom j, built on first use after each build
    private int[] incomingStart = new int[1];
    private int[] incomingPair = new int[0];
    private boolean transposed;

    public Kind kind() { return kind; }

    /** Cutoff the list was built with (including any skin). */
    public double cutoff() { return cutoff; }

    public int atomCount() { return atoms; }

    public int pairCount() { return pairs; }

    /** Index of the first pair of atom i; the pairs of i end before {@code start(i + 1)}. */
    public int start(int i) { return start[i]; }

    public int end(int i) { return start[i + 1]; }

    public int neighbor(int p) { return neighbor[p]; }

    /** Image of the neighbor of pair p along lattice vector k. */
    public int image(int p, int k) { return image[3 * p + k]; }

    /** Direct access for kernels: CSR offsets (length atoms+1). Do not modify. */
    public int[] startArray() { return start; }

    /** Direct access for kernels: neighbor index per pair. Do not modify. */
    public int[] neighborArray() { return neighbor; }

    /** Direct access for kernels: displacement x_j + image·h − x_i per pair, 3 per pair. Do not modify. */
    public double[] deltaArray() { return delta; }

    /**
     * CSR offsets of the transpose: the pairs whose neighbor is atom j are
     * {@code incomingPairs()[incomingStart()[j] .. incomingStart()[j+1]-1]}, in increasing pair
     * order. Kernels that store one gradient per pair gather each atom's force from its own pairs
     * and these, in a fixed order, so the sum does not depend on how atoms were split over threads.
     */
    public int[] incomingStart() {
        transpose();
        return incomingStart;
    }

    /** Pair indices of the transpose, see {@link #incomingStart()}. */
    public int[] incomingPairs() {
        transpose();
        return incomingPair;
    }

    /** Counting sort of the pairs by neighbor; O(pairs), once per build. */
    private void transpose() {
        if (transposed) return;
        if (incomingStart.length < atoms + 1) incomingStart = new int[atoms + 1];
        if (incomingPair.length < pairs) incomingPair = new int[neighbor.length];
        int[] c = incomingStart;
        java.util.Arrays.fill(c, 0, atoms + 1, 0);
        for (int p = 0; p < pairs; p++) c[neighbor[p] + 1]++;
        for (int j = 0; j < atoms; j++) c[j + 1] += c[j];
        for (int p = 0; p < pairs; p++) incomingPair[c[neighbor[p]]++] = p;
        for (int j = atoms; j > 0; j--) c[j] = c[j - 1];
        c[0] = 0;
        transposed = true;
    }

    /** Recompute every pair displacement from current positions and cell. Allocates nothing. */
    public void refresh(double[] x, Cell cell) {
        double ax = cell.h(0, 0), ay = cell.h(0, 1), az = cell.h(0, 2);
        double bx = cell.h(1, 0), by = cell.h(1, 1), bz = cell.h(1, 2);
        double cx = cell.h(2, 0), cy = cell.h(2, 1), cz = cell.h(2, 2);
        for (int i = 0; i < atoms; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int p = start[i], e = start[i + 1]; p < e; p++) {
                int j = neighbor[p];
                int n0 = image[3 * p], n1 = image[3 * p + 1], n2 = image[3 * p + 2];
                delta[3 * p] = x[3 * j] - xi + n0 * ax + n1 * bx + n2 * cx;
                delta[3 * p + 1] = x[3 * j + 1] - yi + n0 * ay + n1 * by + n2 * cy;
                delta[3 * p + 2] = x[3 * j + 2] - zi + n0 * az + n1 * bz + n2 * cz;
            }
        }
    }

    // ---- filled by the builders in this package ----

    void begin(Kind kind, double cutoff, int atoms) {
        this.kind = kind;
        this.cutoff = cutoff;
        this.atoms = atoms;
        this.pairs = 0;
        this.transposed = false;
        if (start.length < atoms + 1) start = new int[atoms + 1];
        start[0] = 0;
    }

    void add(int j, int n0, int n1, int n2, double dx, double dy, double dz) {
        if (pairs == neighbor.length) grow();
        neighbor[pairs] = j;
        image[3 * pairs] = n0;
        image[3 * pairs + 1] = n1;
        image[3 * pairs + 2] = n2;
        delta[3 * pairs] = dx;
        delta[3 * pairs + 1] = dy;
        delta[3 * pairs + 2] = dz;
        pairs++;
    }

    void endAtom(int i) { start[i + 1] = pairs; }

    private void grow() {
        int cap = Math.max(1024, neighbor.length * 3 / 2 + 1);
        neighbor = java.util.Arrays.copyOf(neighbor, cap);
        image = java.util.Arrays.copyOf(image, 3 * cap);
        delta = java.util.Arrays.copyOf(delta, 3 * cap);
    }
}
