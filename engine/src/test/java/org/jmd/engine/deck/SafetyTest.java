package org.jmd.engine.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.NeighborList;
import org.jmd.neighbor.VerletList;
import org.junit.jupiter.api.Test;

/**
 * The close-contact check skips the pass over the pairs while moves since its last pass cannot
 * have brought a pair within the limit: at every step of random walks (the Verlet list rebuilt as
 * in MD, atoms pushed together until they touch) it reports exactly what a check without memory
 * (a full pass every step) reports, and it does skip most passes.
 */
class SafetyTest {
    @Test void remembersOnlyWhatItCanProve() {
        Random rnd = new Random(7);
        int skipped = 0, steps = 0;
        for (int trial = 0; trial < 20; trial++) {
            int n = 30;
            double[] x = new double[3 * n];
            for (int k = 0; k < 3 * n; k++) x[k] = 9 * rnd.nextDouble();
            AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(9, 9, 9), symbols(n), x);
            VerletList verlet = new VerletList(3.0, 1.0, NeighborList.Kind.HALF);
            ForceResult f = new ForceResult();
            f.reset(n);
            f.setComputed(ForceResult.FORCES);
            Safety remembering = new Safety();
            remembering.minDistance = 0.5 + 0.5 * rnd.nextDouble();
            String seen = null;
            for (int step = 0; step < 400 && seen == null; step++) {
                // a random walk with a drift of atom 0 towards atom 1, so that the run ends in a contact
                for (int k = 0; k < 3 * n; k++) s.x[k] += 0.03 * rnd.nextGaussian();
                for (int d = 0; d < 3; d++) s.x[d] += 0.01 * (s.x[3 + d] - s.x[d]);
                if (rnd.nextInt(50) == 0) for (int d = 0; d < 3; d++) s.x[3 * 5 + d] += 9; // an unwrapped jump by a cell vector
                boolean rebuilt = verlet.update(s.x, n, s.cell());
                Safety fresh = new Safety();
                fresh.minDistance = remembering.minDistance;
                String expected = fresh.check(s, f, verlet.list(), verlet.builds(), null);
                long before = remembering.fullPasses;
                seen = remembering.check(s, f, verlet.list(), verlet.builds(), null);
                assertEquals(expected, seen, "trial " + trial + " step " + step + (rebuilt ? " (rebuilt)" : ""));
                if (remembering.fullPasses == before) skipped++;
                steps++;
            }
            assertNotNull(seen, "trial " + trial + ": the atoms never touched");
            assertTrue(seen.contains("Å apart"), seen);
        }
        assertTrue(skipped > steps / 3, "skipped " + skipped + " passes of " + steps);
    }

    private static String[] symbols(int n) {
        String[] s = new String[n];
        java.util.Arrays.fill(s, "Ar");
        return s;
    }
}
