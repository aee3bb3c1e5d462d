package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The identities the three-body sums rest on. */
class MonomialsTest {
    @Test void multinomialSumIsThePowerOfTheDotProduct() {
        Monomials m = new Monomials(8);
        Random rnd = new Random(3);
        double[] mu = new double[m.count], mv = new double[m.count];
        for (int trial = 0; trial < 50; trial++) {
            double[] u = unit(rnd), v = unit(rnd);
            m.evaluate(u[0], u[1], u[2], mu, 0);
            m.evaluate(v[0], v[1], v[2], mv, 0);
            double cos = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
            for (int l = 0; l <= 8; l++) {
                double sum = 0;
                for (int a = Monomials.start(l); a < Monomials.start(l + 1); a++) sum += m.multinomial[a] * mu[a] * mv[a];
                assertEquals(Math.pow(cos, l), sum, 1e-14, "l = " + l);
            }
        }
    }

    @Test void lowerDegreesAreContractionsForUnitVectors() {
        Monomials m = new Monomials(6);
        double[] u = unit(new Random(5)), mu = new double[m.count];
        m.evaluate(u[0], u[1], u[2], mu, 0);
        for (int a = 0; a < Monomials.start(5); a++) {
            double up = mu[m.raise[3 * a]] + mu[m.raise[3 * a + 1]] + mu[m.raise[3 * a + 2]];
            assertEquals(mu[a], up, 1e-15);
        }
    }

    private static double[] unit(Random rnd) {
        double x = rnd.nextGaussian(), y = rnd.nextGaussian(), z = rnd.nextGaussian(), r = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / r, y / r, z / r};
    }
}
