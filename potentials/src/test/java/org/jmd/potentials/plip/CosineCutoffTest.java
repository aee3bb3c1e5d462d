package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The polynomial cutoff against the library's cosine and sine. */
class CosineCutoffTest {
    @Test void agreesWithTheLibraryFunctions() {
        double[] out = new double[2];
        double worstF = 0, worstD = 0;
        for (double rc : new double[] {0.7, 3.6, 4.2, 5.5, 12.0}) {
            for (int k = 0; k <= 200_000; k++) {
                double r = rc * k / 200_000.0;
                CosineCutoff.evaluate(r, rc, 1 / rc, out, 0);
                if (r >= rc) {
                    assertEquals(0, out[0], 0);
                    assertEquals(0, out[1], 0);
                    continue;
                }
                double arg = Math.PI * r / rc;
                worstF = Math.max(worstF, Math.abs(out[0] - 0.5 * (Math.cos(arg) + 1)));
                worstD = Math.max(worstD, Math.abs(out[1] + 0.5 * Math.PI / rc * Math.sin(arg)) * rc);
            }
        }
        // within a few units in the last place of numbers of order 1 (f_c' rc is at most π/2)
        assertTrue(worstF < 1e-15, "f_c error " + worstF);
        assertTrue(worstD < 3e-15, "f_c' error (times rc) " + worstD);
    }
}
