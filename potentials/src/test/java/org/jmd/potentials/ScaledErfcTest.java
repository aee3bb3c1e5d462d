package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScaledErfcTest {
    /** erfc at a few points, from published tables (Abramowitz & Stegun table 7.1 extended, 19+ digits). */
    @Test void matchesTabulatedValues() {
        double[][] table = {
            {0.5, 0.4795001221869534623},
            {1.0, 0.1572992070502851307},
            {2.0, 0.004677734981047265838},
            {3.0, 2.209049699858544137e-5},
            {5.0, 1.537459794428034850e-12},
            {10.0, 2.088487583762544757e-45},
        };
        for (double[] row : table) {
            double got = ScaledErfc.erfc(row[0]);
            assertEquals(row[1], got, 2e-15 * row[1], "erfc(" + row[0] + ")");
        }
        assertEquals(1.0, ScaledErfc.erfc(0.0), 1e-15);
    }

    /** The table against the series/continued fraction it was fitted to, between the nodes. */
    @Test void tableMatchesExactEverywhere() {
        Random rnd = new Random(7);
        double worst = 0;
        for (int k = 0; k < 20000; k++) {
            double x = ScaledErfc.X_MAX * rnd.nextDouble();
            worst = Math.max(worst, Math.abs(ScaledErfc.of(x) / ScaledErfc.exact(x) - 1));
        }
        assertTrue(worst < 5e-15, "worst relative error " + worst);
    }

    /** The two exact representations agree where they meet (x = 0.5), so neither is off. */
    @Test void seriesAndContinuedFractionAgreeAtTheSeam() {
        double below = ScaledErfc.exact(Math.nextDown(0.5)), above = ScaledErfc.exact(0.5);
        assertEquals(above, below, 1e-15 * above);
    }

    @Test void largeArgumentsFollowTheAsymptoticSeries() {
        for (double x : new double[] {ScaledErfc.X_MAX - 1e-9, ScaledErfc.X_MAX, 40, 1e3}) {
            // erfcx(x) ~ 1/(x√π) Σ (−1)ⁿ (2n−1)!! / (2x²)ⁿ; eight terms reach 1e-17 at x = 27
            double u = 1 / (2 * x * x), term = 1, sum = 1;
            for (int n = 1; n <= 8; n++) {
                term *= -(2 * n - 1) * u;
                sum += term;
            }
            double asym = sum / (x * Math.sqrt(Math.PI));
            assertEquals(asym, ScaledErfc.of(x), 5e-15 * asym, "x = " + x);
        }
        assertEquals(0.0, ScaledErfc.erfc(30));
        assertTrue(Double.isNaN(ScaledErfc.of(-1)));
    }
}
