package org.jmd.neighbor;

import java.util.Arrays;

/**
 * Builds neighbor lists by cell-list binning in time linear in the number of atoms.
 *
 * <p>Periodic images are made explicit: every atom is replicated as a ghost wherever its image
 * lies within the cutoff of the central cell (measured perpendicular to each face, so any tilt
 * works, and as many image shells as a cell smaller than the cutoff needs). Local atoms and
 * ghosts are binned on a grid in fractional coordinates whose bins are at least one cutoff wide
 * perpendicular to every face, so each atom's neighbors lie in the 27 surrounding bins.
 *
 * <p>Positions need not be wrapped; the images recorded in the list refer to the positions as
 * given. Buffers are kept between calls, so rebuilding a list of the same size allocates nothing.
 */
public final class CellListSearch {
    private double[] frac = new double[0];   // wrapped fractional coordinates of local atoms
    private int[] wrapShift = new int[0];    // lattice translation that wrapped each atom
    // points = local atoms followed by ghosts
    private double[] pointX = new double[0];
    private int[] pointAtom = new int[0];
    private int[] pointImage = new int[0];
    private int[] pointBin = new int[0];
    private int pointCount;
    private int[] binStart = new int[0];
    private int[] binPoints = new int[0];
    private int[] binFill = new int[0];

    /** How far (in cell lengths) an atom may lie from the cell: image numbers must stay well inside an int. */
    static final double MAX_CELLS_AWAY = 1 << 30;

    public void build(double[] x, int n, Cell cell, double cutoff, NeighborList.Kind kind, NeighborList out) {
        if (!(cutoff > 0)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        ensureAtoms(n);
        double[] basis = cell.binningBasis();
        double[] lo = new double[3], hi = new double[3], margin = new double[3], width = new double[3];
        wrapAndMeasure(x, n, cell, cutoff, lo, hi, margin, width);
        makePoints(n, basis, cell, margin);

        // Grid over the extended region; bins at least a cutoff wide perpendicular to each face.
        int[] nb = new int[3];
        double[] binSize = new double[3];
        long maxBins = Math.max(27L, 4L * pointCount);
        for (int d = 0; d < 3; d++) {
            double extent = Math.max(hi[d] - lo[d], 1e-12);
            double minBin = cutoff / width[d];
            nb[d] = (int) Math.max(1, Math.min(Math.floor(extent / minBin), 1 << 20));
        }
        while ((long) nb[0] * nb[1] * nb[2] > maxBins) { // sparse system: coarser bins stay correct
            int d = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : nb[1] >= nb[2] ? 1 : 2;
            nb[d] = Math.max(1, nb[d] / 2);
        }
        for (int d = 0; d < 3; d++) binSize[d] = Math.max(hi[d] - lo[d], 1e-12) / nb[d];
        binPoints(n, cell, lo, nb, binSize);

        double rc2 = cutoff * cutoff;
        boolean half = kind == NeighborList.Kind.HALF;
        out.begin(kind, cutoff, n);
        for (int i = 0; i < n; i++) {
            int b = pointBin[i];
            int bx = b / (nb[1] * nb[2]), by = (b / nb[2]) % nb[1], bz = b % nb[2];
            double xi = pointX[3 * i], yi = pointX[3 * i + 1], zi = pointX[3 * i + 2];
            for (int ix = Math.max(0, bx - 1); ix <= Math.min(nb[0] - 1, bx + 1); ix++) {
                for (int iy = Math.max(0, by - 1); iy <= Math.min(nb[1] - 1, by + 1); iy++) {
                    for (int iz = Math.max(0, bz - 1); iz <= Math.min(nb[2] - 1, bz + 1); iz++) {
                        int bin = (ix * nb[1] + iy) * nb[2] + iz;
                        for (int q = binStart[bin]; q < binStart[bin + 1]; q++) {
                            int p = binPoints[q];
                            if (p == i) continue;
                            int j = pointAtom[p];
                            if (half && j < i) continue; // the other side keeps it: no image or distance needed
                            // image relative to the positions as given, not as wrapped
                            int n0 = pointImage[3 * p] - wrapShift[3 * j] + wrapShift[3 * i];
                            int n1 = pointImage[3 * p + 1] - wrapShift[3 * j + 1] + wrapShift[3 * i + 1];
                            int n2 = pointImage[3 * p + 2] - wrapShift[3 * j + 2] + wrapShift[3 * i + 2];
                            if (half && !firstOfPair(i, j, n0, n1, n2)) continue; // before the distance: halves the work
                            double dx = pointX[3 * p] - xi, dy = pointX[3 * p + 1] - yi, dz = pointX[3 * p + 2] - zi;
                            if (dx * dx + dy * dy + dz * dz >= rc2) continue;
                            out.add(j, n0, n1, n2);
                        }
                    }
                }
            }
            out.endAtom(i);
        }
        out.refresh(cell);
    }

    /** The side of a pair a half list keeps: j after i, or an image of i itself in the positive half-space. */
    static boolean firstOfPair(int i, int j, int n0, int n1, int n2) {
        if (j != i) return j > i;
        return n0 > 0 || (n0 == 0 && (n1 > 0 || (n1 == 0 && n2 > 0)));
    }

    private void ensureAtoms(int n) {
        if (frac.length < 3 * n) {
            frac = new double[3 * n];
            wrapShift = new int[3 * n];
        }
    }

    private void wrapAndMeasure(double[] x, int n, Cell cell, double cutoff,
                                double[] lo, double[] hi, double[] margin, double[] width) {
        for (int d = 0; d < 3; d++) {
            width[d] = cell.perpendicularWidth(d);
            lo[d] = Double.POSITIVE_INFINITY;
            hi[d] = Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < n; i++) {
            cell.toFractional(x, i, frac, i);
            for (int d = 0; d < 3; d++) {
                double s = frac[3 * i + d];
                if (!Double.isFinite(s)) throw new IllegalArgumentException("atom " + (i + 1) + " has a non-finite position");
                // beyond this the periodic image count overflows an int, and no digit of the position within the cell is left
                if (cell.periodic(d) && Math.abs(s) > MAX_CELLS_AWAY) {
                    throw new IllegalArgumentException("atom " + (i + 1) + " is " + String.format(java.util.Locale.ROOT, "%.3g", Math.abs(s))
                            + " cells away from the cell: its position has blown up");
                }
                int w = 0;
                if (cell.periodic(d)) {
                    w = (int) Math.floor(s);
                    s -= w;
                    if (s >= 1.0) { s -= 1.0; w += 1; } // s = 1 - ulp rounds to 1.0
                    frac[3 * i + d] = s;
                }
                wrapShift[3 * i + d] = w;
                lo[d] = Math.min(lo[d], s);
                hi[d] = Math.max(hi[d], s);
            }
        }
        for (int d = 0; d < 3; d++) {
            if (cell.periodic(d)) {
                margin[d] = cutoff / width[d];
                lo[d] = -margin[d];
                hi[d] = 1.0 + margin[d];
            } else {
                margin[d] = 0;
                if (n == 0) { lo[d] = 0; hi[d] = 1; }
            }
        }
    }

    private void makePoints(int n, double[] basis, Cell cell, double[] margin) {
        pointCount = 0;
        int[] nlo = new int[3], nhi = new int[3];
        double[] t = new double[3];
        for (int i = 0; i < n; i++) addPoint(i, 0, 0, 0, basis);   // locals first: point i is atom i
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                if (cell.periodic(d)) {
                    double s = frac[3 * i + d];
                    nlo[d] = (int) Math.ceil(-margin[d] - s);
                    nhi[d] = (int) Math.ceil(1.0 + margin[d] - s) - 1;
                } else {
                    nlo[d] = nhi[d] = 0;
                }
            }
            for (int a = nlo[0]; a <= nhi[0]; a++)
                for (int b = nlo[1]; b <= nhi[1]; b++)
                    for (int c = nlo[2]; c <= nhi[2]; c++)
                        if (a != 0 || b != 0 || c != 0) addPoint(i, a, b, c, basis);
        }
    }

    private void addPoint(int i, int a, int b, int c, double[] basis) {
        if (pointCount == pointAtom.length) {
            int cap = Math.max(1024, pointAtom.length * 2);
            pointX = Arrays.copyOf(pointX, 3 * cap);
            pointAtom = Arrays.copyOf(pointAtom, cap);
            pointImage = Arrays.copyOf(pointImage, 3 * cap);
            pointBin = Arrays.copyOf(pointBin, cap);
        }
        double s0 = frac[3 * i] + a, s1 = frac[3 * i + 1] + b, s2 = frac[3 * i + 2] + c;
        int p = pointCount++;
        for (int d = 0; d < 3; d++) {
            pointX[3 * p + d] = s0 * basis[d] + s1 * basis[3 + d] + s2 * basis[6 + d];
        }
        pointAtom[p] = i;
        pointImage[3 * p] = a;
        pointImage[3 * p + 1] = b;
        pointImage[3 * p + 2] = c;
    }

    private void binPoints(int n, Cell cell, double[] lo, int[] nb, double[] binSize) {
        int bins = nb[0] * nb[1] * nb[2];
        if (binStart.length < bins + 1) binStart = new int[bins + 1];
        Arrays.fill(binStart, 0, bins + 1, 0);
        if (binPoints.length < pointCount) binPoints = new int[pointAtom.length];
        for (int p = 0; p < pointCount; p++) {
            int i = pointAtom[p];
            int bin = 0;
            for (int d = 0; d < 3; d++) {
                double s = frac[3 * i + d] + pointImage[3 * p + d];
                int k = (int) Math.floor((s - lo[d]) / binSize[d]);
                k = Math.max(0, Math.min(nb[d] - 1, k));
                bin = bin * nb[d] + k;
            }
            pointBin[p] = bin;
            binStart[bin + 1]++;
        }
        for (int b = 0; b < bins; b++) binStart[b + 1] += binStart[b];
        if (binFill.length < bins) binFill = new int[bins];
        Arrays.fill(binFill, 0, bins, 0);
        for (int p = 0; p < pointCount; p++) {
            int b = pointBin[p];
            binPoints[binStart[b] + binFill[b]++] = p;
        }
    }
}
