package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LAMMPS's erfc polynomial against the accurate erfc and the error bound Abramowitz & Stegun state for it. */
class PolynomialErfcTest {
    static double erfc(double x) { return PolynomialErfc.scaled(x) * Math.exp(-x * x); }

    /** A&S 7.1.26: |ε(x)| ≤ 1.5e-7 for x ≥ 0. */
    @Test void withinTheStatedErrorBound() {
        double worst = 0;
        for (double x = 0; x <= 6; x += 1e-4) worst = Math.max(worst, Math.abs(erfc(x) - ScaledErfc.erfc(x)));
        System.out.printf("A&S 7.1.26: max |erfc error| %.3e on [0, 6]%n", worst);
        assertTrue(worst <= 1.5e-7, "max error " + worst);
        assertTrue(worst > 1e-8, "the polynomial is an approximation; an error of " + worst + " means the exact erfc is in use");
        assertEquals(1.0, erfc(0), 1e-9, "t(0) = 1 and a1+...+a5 = 1 to 9 digits");
    }

    /**
     * The slope of its error, which is what separates LAMMPS's force from −dE/dr (see
     * {@link CoulombConvention}): |ε'(x)| ≤ 7.2e-6, largest at x = 0.
     */
    @Test void slopeOfTheError() {
        double worst = 0, h = 1e-6;
        for (double x = h; x <= 6; x += 1e-4) {
            double slope = (erfc(x + h) - erfc(x - h)) / (2 * h) + 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
            worst = Math.max(worst, Math.abs(slope));
        }
        System.out.printf("A&S 7.1.26: max |d/dx erfc error| %.3e on [0, 6]%n", worst);
        assertTrue(worst < 7.3e-6, "max slope error " + worst);
    }
}
