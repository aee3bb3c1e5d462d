package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.build.Lattices;
import org.junit.jupiter.api.Test;

/** Bond angles of perfect crystals, counted by hand. */
class BondAngleDistributionTest {
    /** ∫ p dθ over the bins whose centre is within {@code window} degrees of θ0. */
    static double weightNear(BondAngleDistribution adf, double theta0, double window) {
        double[] t = adf.angles(), p = adf.p();
        double width = t[1] - t[0], w = 0;
        for (int b = 0; b < t.length; b++) if (Math.abs(t[b] - theta0) <= window) w += p[b] * width;
        return w;
    }

    /** Diamond within its first shell: 4 neighbors, 6 angles per atom, all the tetrahedral arccos(−1/3) = 109.47°. */
    @Test void diamondFirstShellIsTetrahedral() {
        AtomicSystem s = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 2, 2, 2);
        BondAngleDistribution adf = new BondAngleDistribution(2.6, 180);
        adf.add(s);
        adf.add(s);
        assertEquals(2L * 6 * s.size(), adf.triplets());
        double tetrahedral = Math.toDegrees(Math.acos(-1.0 / 3));
        double[] t = adf.angles(), p = adf.p();
        int bin = (int) (tetrahedral / (t[1] - t[0]));
        assertEquals(1.0, p[bin] * (t[1] - t[0]), 1e-12, "all the weight in the bin of 109.47°");
        double total = 0;
        for (double v : p) total += v * (t[1] - t[0]);
        assertEquals(1.0, total, 1e-12);
    }

    /** fcc within its first shell: 12 neighbors, 66 angles per atom: 24 at 60°, 12 at 90°, 24 at 120°, 6 at 180°. */
    @Test void fccFirstShellAngles() {
        AtomicSystem s = Lattices.build("fcc", 4.0, Double.NaN, Double.NaN, new String[] {"Cu"}, 3, 3, 3);
        BondAngleDistribution adf = new BondAngleDistribution(3.2, 180);
        adf.add(s);
        assertEquals(66L * s.size(), adf.triplets());
        assertEquals(24 / 66.0, weightNear(adf, 60, 1.5), 1e-12);
        assertEquals(12 / 66.0, weightNear(adf, 90, 1.5), 1e-12);
        assertEquals(24 / 66.0, weightNear(adf, 120, 1.5), 1e-12);
        assertEquals(6 / 66.0, weightNear(adf, 180, 1.5), 1e-12);
    }
}
