package org.jmd.studies.structure;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;

/**
 * Spherical clusters cut from a crystal and rattled, in vacuum: the starting structures of the
 * nanoparticle test. The sphere is centred on an atom of the crystal, so that the cluster keeps
 * the crystal's point symmetry there before the rattle.
 */
public final class Nanoparticles {
    private Nanoparticles() {}

    /** The atoms of the crystal within {@code radius} Å of an atom near the centre of a large enough supercell, in vacuum. */
    public static AtomicSystem sphere(Crystal crystal, double radius) {
        AtomicSystem unit = crystal.cell(1.0);
        int[] repeat = new int[3];
        for (int k = 0; k < 3; k++) {
            double width = unit.cell().perpendicularWidth(k);
            repeat[k] = 2 * (int) Math.ceil(radius / width) + 1;
        }
        AtomicSystem s = Structures.repeat(unit, repeat[0], repeat[1], repeat[2]);
        double[] middle = new double[3];
        s.cell().toCartesian(new double[] {0.5, 0.5, 0.5}, 0, middle, 0);
        int centre = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            double d = distance2(s.x, i, middle);
            if (d < best) { best = d; centre = i; }
        }
        double[] c = {s.x[3 * centre], s.x[3 * centre + 1], s.x[3 * centre + 2]};
        int[] keep = new int[s.size()];
        int m = 0;
        // a hair beyond the radius, so that a shell lying exactly on it is kept whatever the rounding
        double r2 = radius * radius * (1 + 1e-9);
        for (int i = 0; i < s.size(); i++) if (distance2(s.x, i, c) <= r2) keep[m++] = i;
        AtomicSystem cluster = Structures.subset(s, Arrays.copyOf(keep, m));
        for (int i = 0; i < m; i++) for (int d = 0; d < 3; d++) cluster.x[3 * i + d] -= c[d];
        cluster.setCell(Cell.open());
        return cluster;
    }

    /** A copy with every coordinate displaced by a Gaussian of standard deviation {@code sigma} Å (same seed, same displacements everywhere). */
    public static AtomicSystem rattle(AtomicSystem s, double sigma, long seed) {
        AtomicSystem out = s.copy();
        if (sigma == 0) return out;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int k = 0; k < out.x.length; k++) out.x[k] += sigma * gauss.sample();
        return out;
    }

    private static double distance2(double[] x, int i, double[] c) {
        double dx = x[3 * i] - c[0], dy = x[3 * i + 1] - c[1], dz = x[3 * i + 2] - c[2];
        return dx * dx + dy * dy + dz * dz;
    }
}
