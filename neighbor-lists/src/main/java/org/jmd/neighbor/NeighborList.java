package org.jmd.neighbor;

/**
 * Pairs of atoms closer than a cutoff, in compressed sparse row form: the neighbors of atom i are
 * {@code neighbor[start[i] .. start[i+1]-1]}. Each pair carries the periodic image of its neighbor,
 * as an index into a small table of the distinct images the list holds, so one atom may appear
 * several times as a neighbor of another when the cell is smaller than the cutoff.
 *
 * <p>The displacement of pair p of atom i is δ_p = x[j] − x[i] + shift[image[p]], with
 * shift = n₀a + n₁b + n₂c for the image's lattice integers and the cell of the last
 * {@link #refresh}, for the positions as given (they need not be wrapped). Kernels compute it on
 * the fly from the current positions: a list built with a skin is reused between rebuilds with
 * nothing per pair to update, and it costs 8 bytes per pair (LAMMPS's ghost atoms play the part
 * of the shift table there).
 *
 * <p>A {@link Kind#HALF} list holds each pair once (j &gt; i, or j == i with a positive image);
 * a {@link Kind#FULL} list holds it from both sides.
 */
public final class NeighborList {
    public enum Kind { HALF, FULL }

    /** Image integers are stored in 10 bits each. */
    private static final int IMAGE_RANGE = 511;

    private Kind kind = Kind.FULL;
    private double cutoff;
    private int atoms;
    private int pairs;
    int[] start = new int[1];
    int[] neighbor = new int[0];
    int[] imageIndex = new int[0];
    // the distinct images: lattice integers (3 each) and their shift vectors for the current cell
    private int images;
    private int[] imageVector = new int[0];
    private double[] shift = new double[0];
    // builder's lookup from image integers to index: a dense table (index + 1, 0 = not seen) for
    // images within ±DENSE_RANGE cells, which are all a cell larger than twice the cutoff has and
    // are looked up once per pair; open addressing (keys + 1, 0 = empty) for the rest
    private static final int DENSE_RANGE = 2, DENSE_SIDE = 2 * DENSE_RANGE + 1;
    private final int[] denseSlots = new int[DENSE_SIDE * DENSE_SIDE * DENSE_SIDE];
    private int[] imageKeys = new int[64], imageSlots = new int[64];
    private int lastKey = -1, lastIndex = -1;
    // transpose: the pairs whose neighbor is atom j, built on first use after each build
    private int[] incomingStart = new int[1];
    private int[] incomingPair = new int[0];
    private int[] incomingSlot = new int[0];
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
    public int image(int p, int k) { return imageVector[3 * imageIndex[p] + k]; }

    /** Direct access for kernels: CSR offsets (length atoms+1). Do not modify. */
    public int[] startArray() { return start; }

    /** Direct access for kernels: neighbor index per pair. Do not modify. */
    public int[] neighborArray() { return neighbor; }

    /** Direct access for kernels: image index per pair, into {@link #shiftArray()} (3 per image). Do not modify. */
    public int[] imageArray() { return imageIndex; }

    /** Direct access for kernels: shift vector (Å) of each image for the cell of the last refresh, 3 per image. Do not modify. */
    public double[] shiftArray() { return shift; }

    /** Number of distinct images in the list. */
    public int imageCount() { return images; }

    /** δ_p = x[j] − x[i] + shift of pair p of atom i, into out[0..2]; for code outside hot loops. */
    public void displacement(double[] x, int i, int p, double[] out) {
        int j = neighbor[p], k = 3 * imageIndex[p];
        out[0] = x[3 * j] - x[3 * i] + shift[k];
        out[1] = x[3 * j + 1] - x[3 * i + 1] + shift[k + 1];
        out[2] = x[3 * j + 2] - x[3 * i + 2] + shift[k + 2];
    }

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

    /**
     * The position of each pair in the transpose (the inverse of {@link #incomingPairs()}): a
     * kernel that stores what pair p gives its neighbor at slot incomingSlot[p] lets the gather
     * read each atom's incoming values contiguously.
     */
    public int[] incomingSlots() {
        transpose();
        return incomingSlot;
    }

    /** Counting sort of the pairs by neighbor; O(pairs), once per build. */
    private void transpose() {
        if (transposed) return;
        if (incomingStart.length < atoms + 1) incomingStart = new int[atoms + 1];
        if (incomingPair.length < pairs) {
            incomingPair = new int[neighbor.length];
            incomingSlot = new int[neighbor.length];
        }
        int[] c = incomingStart;
        java.util.Arrays.fill(c, 0, atoms + 1, 0);
        for (int p = 0; p < pairs; p++) c[neighbor[p] + 1]++;
        for (int j = 0; j < atoms; j++) c[j + 1] += c[j];
        for (int p = 0; p < pairs; p++) {
            int k = c[neighbor[p]]++;
            incomingPair[k] = p;
            incomingSlot[p] = k;
        }
        for (int j = atoms; j > 0; j--) c[j] = c[j - 1];
        c[0] = 0;
        transposed = true;
    }

    /** Recomputes the images' shift vectors for this cell (e.g. after the cell changed). O(images). */
    public void refresh(Cell cell) {
        for (int k = 0; k < images; k++) {
            int n0 = imageVector[3 * k], n1 = imageVector[3 * k + 1], n2 = imageVector[3 * k + 2];
            for (int d = 0; d < 3; d++) shift[3 * k + d] = n0 * cell.h(0, d) + n1 * cell.h(1, d) + n2 * cell.h(2, d);
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
        images = 0;
        java.util.Arrays.fill(denseSlots, 0);
        java.util.Arrays.fill(imageKeys, 0);
        lastKey = -1;
    }

    void add(int j, int n0, int n1, int n2) {
        if (pairs == neighbor.length) grow();
        neighbor[pairs] = j;
        imageIndex[pairs] = imageIndexOf(n0, n1, n2);
        pairs++;
    }

    void endAtom(int i) { start[i + 1] = pairs; }

    /** The index of an image, added to the table when first seen; consecutive pairs mostly share one. */
    private int imageIndexOf(int n0, int n1, int n2) {
        int a = n0 + DENSE_RANGE, b = n1 + DENSE_RANGE, c = n2 + DENSE_RANGE;
        if ((a | b | c) >= 0 && a < DENSE_SIDE && b < DENSE_SIDE && c < DENSE_SIDE) {
            int d = (a * DENSE_SIDE + b) * DENSE_SIDE + c, slot = denseSlots[d];
            if (slot != 0) return slot - 1;
            int index = newImage(n0, n1, n2);
            denseSlots[d] = index + 1;
            return index;
        }
        if (Math.abs(n0) > IMAGE_RANGE || Math.abs(n1) > IMAGE_RANGE || Math.abs(n2) > IMAGE_RANGE) {
            throw new IllegalArgumentException("periodic image (" + n0 + ", " + n1 + ", " + n2 + ") beyond ±" + IMAGE_RANGE
                    + " cells: the cell is far too small for the cutoff");
        }
        int key = ((n0 + IMAGE_RANGE) << 20 | (n1 + IMAGE_RANGE) << 10 | (n2 + IMAGE_RANGE)) + 1;
        if (key == lastKey) return lastIndex;
        int mask = imageKeys.length - 1, h = (key * 0x9E3779B1) >>> 7 & mask;
        while (imageKeys[h] != 0 && imageKeys[h] != key) h = (h + 1) & mask;
        int index;
        if (imageKeys[h] == key) {
            index = imageSlots[h];
        } else {
            index = newImage(n0, n1, n2);
            imageKeys[h] = key;
            imageSlots[h] = index;
            if (2 * images > imageKeys.length) rehash();
        }
        lastKey = key;
        lastIndex = index;
        return index;
    }

    /** Appends an image to the table; indices follow the order images are first met, whichever lookup found them. */
    private int newImage(int n0, int n1, int n2) {
        int index = images++;
        if (3 * images > imageVector.length) {
            imageVector = java.util.Arrays.copyOf(imageVector, Math.max(48, 2 * imageVector.length));
            shift = new double[imageVector.length];
        }
        imageVector[3 * index] = n0;
        imageVector[3 * index + 1] = n1;
        imageVector[3 * index + 2] = n2;
        return index;
    }

    private void rehash() {
        int[] keys = new int[2 * imageKeys.length], slots = new int[keys.length];
        int mask = keys.length - 1;
        for (int k = 0; k < imageKeys.length; k++) {
            if (imageKeys[k] == 0) continue;
            int h = (imageKeys[k] * 0x9E3779B1) >>> 7 & mask;
            while (keys[h] != 0) h = (h + 1) & mask;
            keys[h] = imageKeys[k];
            slots[h] = imageSlots[k];
        }
        imageKeys = keys;
        imageSlots = slots;
    }

    private void grow() {
        int cap = Math.max(1024, neighbor.length * 3 / 2 + 1);
        neighbor = java.util.Arrays.copyOf(neighbor, cap);
        imageIndex = java.util.Arrays.copyOf(imageIndex, cap);
    }
}
