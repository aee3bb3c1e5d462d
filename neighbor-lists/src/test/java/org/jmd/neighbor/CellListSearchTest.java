package org.jmd.neighbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cell-list search against brute force over periodic images, on random triclinic cells. */
class CellListSearchTest {

    /** Sorted "i j n0 n1 n2" keys of a list, so two lists compare as sets of pairs with images. */
    static List<String> keys(NeighborList l) {
        List<String> k = new ArrayList<>();
        for (int i = 0; i < l.atomCount(); i++)
            for (int p = l.start(i); p < l.end(i); p++)
                k.add(i + " " + l.neighbor(p) + " " + l.image(p, 0) + " " + l.image(p, 1) + " " + l.image(p, 2));
        Collections.sort(k);
        return k;
    }

    static Cell randomCell(Random r, boolean[] pbc) {
        double[] h = new double[9];
        for (int k = 0; k < 3; k++) {
            double len = 1.5 + 8 * r.nextDouble();
            h[4 * k] = len;
            for (int d = 0; d < k; d++) h[3 * k + d] = (r.nextDouble() - 0.5) * 1.6 * len; // strong tilt
        }
        return new Cell(h, pbc);
    }

    @Test void matchesBruteForceOnThousandsOfRandomTriclinicCells() {
        Random r = new Random(42);
        CellListSearch search = new CellListSearch();
        NeighborList fast = new NeighborList(), slow = new NeighborList();
        int cases = 0, withFaceAtoms = 0, cutoffBeyondCell = 0, farImages = 0;
        for (int t = 0; t < 2000; t++) {
            boolean[] pbc = {r.nextDouble() < 0.85, r.nextDouble() < 0.85, r.nextDouble() < 0.85};
            Cell cell = randomCell(r, pbc);
            int n = 1 + r.nextInt(12);
            double[] s = new double[3 * n], x = new double[3 * n];
            boolean face = false;
            for (int i = 0; i < 3 * n; i++) {
                double u = r.nextDouble();
                if (u < 0.15) { s[i] = r.nextBoolean() ? 0.0 : 1.0; face = true; }      // exactly on a face
                else if (u < 0.2) s[i] = -1.3 + 3.6 * r.nextDouble();                  // unwrapped
                else s[i] = r.nextDouble();
            }
            for (int i = 0; i < n; i++) cell.toCartesian(s, i, x, i);
            double rc = 0.5 + 6 * r.nextDouble();
            for (int d = 0; d < 3; d++) if (pbc[d] && rc > cell.perpendicularWidth(d)) { cutoffBeyondCell++; break; }
            NeighborList.Kind kind = r.nextBoolean() ? NeighborList.Kind.HALF : NeighborList.Kind.FULL;
            search.build(x, n, cell, rc, kind, fast);
            BruteForceSearch.build(x, n, cell, rc, kind, slow);
            assertEquals(keys(slow), keys(fast), "case " + t + " " + cell + " rc=" + rc + " " + kind);
            // displacements agree with the images
            double[] d = new double[3];
            for (int i = 0; i < n; i++) {
                for (int p = fast.start(i); p < fast.end(i); p++) {
                    fast.displacement(x, i, p, d);
                    assertTrue(Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) < rc * (1 + 1e-12));
                }
            }
            cases++;
            if (face) withFaceAtoms++;
            // images beyond ±2 cells take the list's hash lookup, nearer ones its dense table: both are covered, mixed in one list
            boolean far = false;
            for (int p = 0; p < fast.pairCount(); p++)
                for (int k = 0; k < 3; k++) if (Math.abs(fast.image(p, k)) > 2) far = true;
            if (far) farImages++;
        }
        assertEquals(2000, cases);
        assertTrue(withFaceAtoms > 500 && cutoffBeyondCell > 200 && farImages > 100,
                "coverage: faces " + withFaceAtoms + " big cutoff " + cutoffBeyondCell + " images beyond ±2 cells " + farImages);
    }

    @Test void fullListHoldsEveryHalfPairFromBothSides() {
        Random r = new Random(7);
        Cell cell = randomCell(r, new boolean[] {true, true, true});
        int n = 40;
        double[] s = new double[3 * n], x = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) s[i] = r.nextDouble();
        for (int i = 0; i < n; i++) cell.toCartesian(s, i, x, i);
        NeighborList half = new NeighborList(), full = new NeighborList();
        CellListSearch search = new CellListSearch();
        search.build(x, n, cell, 4.0, NeighborList.Kind.HALF, half);
        search.build(x, n, cell, 4.0, NeighborList.Kind.FULL, full);
        assertEquals(2 * half.pairCount(), full.pairCount());
    }

    @Test void verletListRebuildsOnlyAfterHalfSkin() {
        Random r = new Random(3);
        Cell cell = Cell.orthorhombic(10, 10, 10);
        int n = 50;
        double[] x = new double[3 * n];
        for (int i = 0; i < 3 * n; i++) x[i] = 10 * r.nextDouble();
        VerletList v = new VerletList(3.0, 1.0, NeighborList.Kind.FULL);
        assertTrue(v.update(x, n, cell));
        x[0] += 0.49;
        assertTrue(!v.update(x, n, cell), "moved less than half the skin");
        x[0] += 0.02;
        assertTrue(v.update(x, n, cell), "moved more than half the skin");
        // between rebuilds, every pair within the true cutoff is still present
        for (int step = 0; step < 200; step++) {
            for (int i = 0; i < 3 * n; i++) x[i] += 0.02 * (r.nextDouble() - 0.5);
            v.update(x, n, cell);
            NeighborList exact = new NeighborList();
            BruteForceSearch.build(x, n, cell, 3.0, NeighborList.Kind.FULL, exact);
            List<String> have = keys(v.list());
            for (String k : keys(exact)) assertTrue(Collections.binarySearch(have, k) >= 0, "pair " + k + " lost at step " + step);
        }
        assertTrue(v.builds() < 30, "rebuilt " + v.builds() + " times");
    }
}
