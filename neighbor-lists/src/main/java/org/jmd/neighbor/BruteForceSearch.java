package org.jmd.neighbor;

/**
 * The reference neighbor search: every pair of atoms over every periodic image that could be
 * within the cutoff. Quadratic in N and in the number of images; used to check
 * {@link CellListSearch} and as a fallback nowhere else.
 */
public final class BruteForceSearch {
    private BruteForceSearch() {}

    public static void build(double[] x, int n, Cell cell, double cutoff, NeighborList.Kind kind, NeighborList out) {
        int[] reach = new int[3];
        for (int d = 0; d < 3; d++) {
            // images beyond ceil(rc/width)+1 shells cannot be within rc of any atom, wrapped or not,
            // as long as positions lie within one cell of the origin cell; add slack for unwrapped input
            reach[d] = cell.periodic(d) ? (int) Math.ceil(cutoff / cell.perpendicularWidth(d)) + 1 + maxOffset(x, n, cell, d) : 0;
        }
        double rc2 = cutoff * cutoff;
        out.begin(kind, cutoff, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -reach[0]; a <= reach[0]; a++)
                    for (int b = -reach[1]; b <= reach[1]; b++)
                        for (int c = -reach[2]; c <= reach[2]; c++) {
                            if (i == j && a == 0 && b == 0 && c == 0) continue;
                            if (kind == NeighborList.Kind.HALF && !CellListSearch.firstOfPair(i, j, a, b, c)) continue;
                            double dx = x[3 * j] - x[3 * i] + a * cell.h(0, 0) + b * cell.h(1, 0) + c * cell.h(2, 0);
                            double dy = x[3 * j + 1] - x[3 * i + 1] + a * cell.h(0, 1) + b * cell.h(1, 1) + c * cell.h(2, 1);
                            double dz = x[3 * j + 2] - x[3 * i + 2] + a * cell.h(0, 2) + b * cell.h(1, 2) + c * cell.h(2, 2);
                            if (dx * dx + dy * dy + dz * dz < rc2) out.add(j, a, b, c);
                        }
            }
            out.endAtom(i);
        }
        out.refresh(cell);
    }

    private static int maxOffset(double[] x, int n, Cell cell, int d) {
        double[] s = new double[3];
        double m = 0;
        for (int i = 0; i < n; i++) {
            cell.toFractional(x, i, s, 0);
            m = Math.max(m, Math.abs(Math.floor(s[d])));
        }
        return (int) (2 * m);
    }
}
