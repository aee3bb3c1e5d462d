package org.jmd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/** What the non-finite check reports: which numbers, and the closest pair against a brute-force search over periodic images. */
class FiniteResultsTest {
    private static final Pattern PAIR = Pattern.compile("closest pair: atoms (\\d+) \\((\\w+)\\) and (\\d+) \\((\\w+)\\), ([0-9.]+) Å apart");

    private static ForceResult result(int n) {
        ForceResult r = new ForceResult();
        r.reset(n);
        r.setComputed(ForceResult.ALL);
        return r;
    }

    @Test void finiteResultsPass() {
        AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(5, 5, 5), new String[] {"Si", "Si"}, new double[] {0, 0, 0, 1, 1, 1});
        assertNull(FiniteResults.problem(s, result(2)));
    }

    @Test void namesWhatIsNotFiniteAndOnlyWhatWasComputed() {
        AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(5, 5, 5), new String[] {"Si", "O", "O"}, new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2});
        ForceResult r = result(3);
        r.energy = Double.NaN;
        r.forces[4] = Double.POSITIVE_INFINITY;
        r.forces[8] = Double.NaN;
        r.virial[0] = Double.NaN;
        String p = FiniteResults.problem(s, r);
        assertTrue(p.startsWith("the potential gave a non-finite energy (NaN), forces on 2 atoms (the first: atom 2, O), virial; "), p);
        // an MD step that asked for forces only: the stale energy and virial are not looked at
        r.setComputed(ForceResult.FORCES);
        r.forces[8] = 0;
        assertTrue(FiniteResults.problem(s, r).startsWith("the potential gave a non-finite force on atom 2 (O); "));
        InputException e = assertThrows(InputException.class, () -> FiniteResults.require(s, r, "x.extxyz", 7, "structure 3"));
        assertTrue(e.getMessage().startsWith("x.extxyz:7: structure 3: the potential gave a non-finite force"), e.getMessage());
    }

    /** Random atoms in random triclinic cells: the pair and distance reported are the brute-force minimum over images −3..3. */
    @Test void closestPairMatchesBruteForceOverPeriodicImages() {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 40; trial++) {
            double[] h = {4 + 4 * rnd.nextDouble(), 0, 0, rnd.nextDouble() - 0.5, 4 + 4 * rnd.nextDouble(), 0,
                rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, 4 + 4 * rnd.nextDouble()};
            boolean[] pbc = {rnd.nextBoolean(), rnd.nextBoolean(), rnd.nextBoolean()};
            int n = 1 + rnd.nextInt(12);
            if (n == 1) pbc[0] = true;
            double[] x = new double[3 * n];
            for (int k = 0; k < 3 * n; k++) x[k] = 10 * rnd.nextDouble() - 2;
            String[] symbols = new String[n];
            java.util.Arrays.fill(symbols, "Si");
            AtomicSystem s = AtomicSystem.of(new Cell(h, pbc), symbols, x);

            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++)
                for (int j = i; j < n; j++)
                    for (int a = -3; a <= 3; a++) for (int b = -3; b <= 3; b++) for (int c = -3; c <= 3; c++) {
                        if ((a != 0 && !pbc[0]) || (b != 0 && !pbc[1]) || (c != 0 && !pbc[2])) continue;
                        if (i == j && a == 0 && b == 0 && c == 0) continue;
                        double r2 = 0;
                        for (int d = 0; d < 3; d++) {
                            double dx = x[3 * j + d] + a * h[d] + b * h[3 + d] + c * h[6 + d] - x[3 * i + d];
                            r2 += dx * dx;
                        }
                        best = Math.min(best, Math.sqrt(r2));
                    }
            String text = FiniteResults.closestPair(s);
            Matcher m = PAIR.matcher(text);
            assertTrue(m.find(), text);
            assertEquals(String.format(Locale.ROOT, "%.4f", best), m.group(5), "trial " + trial + ": " + text);
        }
    }

    @Test void aNonFinitePositionIsNamedInsteadOfAPair() {
        AtomicSystem s = AtomicSystem.of(Cell.open(), new String[] {"Si", "O"}, new double[] {0, 0, 0, Double.NaN, 1, 1});
        assertEquals("atom 2 (O) has a non-finite position", FiniteResults.closestPair(s));
        assertEquals("the structure has no pair of atoms", FiniteResults.closestPair(AtomicSystem.of(Cell.open(), new String[] {"Si"}, new double[3])));
    }
}
