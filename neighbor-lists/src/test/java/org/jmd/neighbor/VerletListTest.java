package org.jmd.neighbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A list restored from saved reference positions is the list the original run had, to the last bit. */
class VerletListTest {
    @Test void restoredListMatchesTheOriginalPairForPairAndBitForBit() {
        Random r = new Random(3);
        Cell cell = new Cell(new double[] {9, 0, 0, 2, 8.5, 0, -1, 1.5, 10}, new boolean[] {true, true, true});
        int n = 60;
        double[] x = new double[3 * n], s = new double[3];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) s[d] = r.nextDouble();
            cell.toCartesian(s, 0, x, i);
        }
        VerletList original = new VerletList(3.0, 1.0, NeighborList.Kind.HALF);
        original.update(x, n, cell);
        VerletList.Reference saved = original.reference();
        // the atoms move a little (less than half the skin): the original only refreshes
        for (int k = 0; k < 3 * n; k++) x[k] += 0.2 * (r.nextDouble() - 0.5);
        assertFalse(original.update(x, n, cell));

        VerletList restored = new VerletList(3.0, 1.0, NeighborList.Kind.HALF);
        restored.restore(saved, n, cell);
        assertFalse(restored.update(x, n, cell), "no rebuild: the reference is the original's");
        NeighborList a = original.list(), b = restored.list();
        assertEquals(a.pairCount(), b.pairCount());
        assertArrayEquals(Arrays.copyOf(a.startArray(), n + 1), Arrays.copyOf(b.startArray(), n + 1));
        assertArrayEquals(Arrays.copyOf(a.neighborArray(), a.pairCount()), Arrays.copyOf(b.neighborArray(), b.pairCount()));
        assertArrayEquals(Arrays.copyOf(a.imageArray(), a.pairCount()), Arrays.copyOf(b.imageArray(), b.pairCount()));
        assertArrayEquals(Arrays.copyOf(a.shiftArray(), 3 * a.imageCount()), Arrays.copyOf(b.shiftArray(), 3 * b.imageCount()));

        // whereas a list built afresh at the moved positions may hold the same pairs in another order
        VerletList fresh = new VerletList(3.0, 1.0, NeighborList.Kind.HALF);
        fresh.update(x, n, cell);
        assertNotEquals(Arrays.toString(Arrays.copyOf(a.neighborArray(), a.pairCount())),
                Arrays.toString(Arrays.copyOf(fresh.list().neighborArray(), fresh.list().pairCount())),
                "this case should exercise a pair order that differs from a fresh build");
    }

    /**
     * A barostat-like run: the triclinic cell deforms a little every step (and atoms follow it
     * affinely plus thermal noise). At every step the list must hold every pair within the true
     * cutoff (brute force), while rebuilding far less often than every step.
     */
    @Test void staysCompleteUnderCellDeformationWithoutRebuildingEveryStep() {
        Random r = new Random(11);
        double[] h = {9, 0, 0, 2, 8.5, 0, -1, 1.5, 10};
        Cell cell = new Cell(h, new boolean[] {true, true, true});
        int n = 60;
        double[] x = new double[3 * n], s = new double[3];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) s[d] = r.nextDouble();
            cell.toCartesian(s, 0, x, i);
        }
        VerletList v = new VerletList(3.0, 1.0, NeighborList.Kind.FULL);
        int steps = 400;
        for (int step = 0; step < steps; step++) {
            // strain increment ε (≤ 1e-3 per component), applied to cell rows and positions: x → x(1 + ε)
            double[] e = new double[9];
            for (int k = 0; k < 9; k++) e[k] = 1e-3 * (r.nextDouble() - 0.5);
            double[] h2 = new double[9];
            for (int row = 0; row < 3; row++)
                for (int c = 0; c < 3; c++) {
                    h2[3 * row + c] = h[3 * row + c];
                    for (int k = 0; k < 3; k++) h2[3 * row + c] += h[3 * row + k] * e[3 * k + c];
                }
            h = h2;
            cell = cell.withMatrix(h);
            for (int i = 0; i < n; i++) {
                double x0 = x[3 * i], y0 = x[3 * i + 1], z0 = x[3 * i + 2];
                for (int c = 0; c < 3; c++) x[3 * i + c] += x0 * e[c] + y0 * e[3 + c] + z0 * e[6 + c] + 0.01 * (r.nextDouble() - 0.5);
            }
            v.update(x, n, cell);
            NeighborList exact = new NeighborList();
            BruteForceSearch.build(x, n, cell, 3.0, NeighborList.Kind.FULL, exact);
            java.util.List<String> have = CellListSearchTest.keys(v.list());
            for (String k : CellListSearchTest.keys(exact)) {
                org.junit.jupiter.api.Assertions.assertTrue(java.util.Collections.binarySearch(have, k) >= 0, "pair " + k + " lost at step " + step);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(v.builds() < steps / 4, "rebuilt " + v.builds() + " times in " + steps + " steps");
    }
}
