package org.jmd.engine.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Units;
import org.jmd.engine.build.Lattices;
import org.junit.jupiter.api.Test;

class MaxwellBoltzmannTest {
    private static AtomicSystem znO() {
        return Lattices.build("wurtzite", 3.25, 5.2, 0.38, new String[] {"Zn", "O"}, 8, 8, 8); // 2048 atoms, two masses
    }

    @Test void exactTemperatureAndZeroMomentum() {
        AtomicSystem s = znO();
        MaxwellBoltzmann.assign(s, 1234.5, 42);
        assertEquals(1234.5, Thermodynamics.temperature(s), 1e-9);
        double[] p = new double[3];
        double pScale = 0;
        for (int i = 0; i < s.size(); i++)
            for (int d = 0; d < 3; d++) {
                p[d] += s.mass[i] * s.v[3 * i + d];
                pScale += s.mass[i] * Math.abs(s.v[3 * i + d]);
            }
        for (int d = 0; d < 3; d++) assertEquals(0, p[d] / pScale, 1e-14, "relative total momentum " + d);
    }

    @Test void componentsFollowTheMaxwellBoltzmannVariancePerSpecies() {
        AtomicSystem s = znO();
        double t = 800;
        MaxwellBoltzmann.assign(s, t, 7);
        // m v_d² / kT is χ²₁ for each species separately (equipartition): mean 1, fourth moment of a Gaussian 3
        for (int type = 0; type < 2; type++) {
            double sum = 0, sum2 = 0;
            int count = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.type[i] != type) continue;
                for (int d = 0; d < 3; d++) {
                    double e = s.mass[i] * s.v[3 * i + d] * s.v[3 * i + d] * Units.AMU_A2_PER_FS2 / (Units.BOLTZMANN * t);
                    sum += e;
                    sum2 += e * e;
                    count++;
                }
            }
            // 3072 samples: the mean has σ ≈ 0.026, the second moment (true value 3) σ ≈ 0.2
            assertEquals(1.0, sum / count, 0.1, "mean of m v²/kT for species " + s.species(type));
            assertEquals(3.0, sum2 / count, 0.7, "E[(m v²/kT)²] (Gaussian shape) for species " + s.species(type));
        }
    }

    @Test void sameSeedSameVelocitiesOtherSeedOthers() {
        AtomicSystem a = znO(), b = znO(), c = znO();
        MaxwellBoltzmann.assign(a, 300, 1);
        MaxwellBoltzmann.assign(b, 300, 1);
        MaxwellBoltzmann.assign(c, 300, 2);
        assertArrayEquals(a.v, b.v);
        assertFalse(Arrays.equals(a.v, c.v));
    }

    @Test void zeroTemperatureStopsEverythingAndBadInputIsRejected() {
        AtomicSystem s = znO();
        MaxwellBoltzmann.assign(s, 300, 1);
        MaxwellBoltzmann.assign(s, 0, 1);
        assertTrue(Arrays.stream(s.v).allMatch(x -> x == 0));
        assertThrows(InputException.class, () -> MaxwellBoltzmann.assign(znO(), -5, 1));
        AtomicSystem one = Lattices.build("sc", 3, Double.NaN, Double.NaN, new String[] {"Cu"}, 1, 1, 1);
        assertThrows(InputException.class, () -> MaxwellBoltzmann.assign(one, 300, 1));
    }
}
