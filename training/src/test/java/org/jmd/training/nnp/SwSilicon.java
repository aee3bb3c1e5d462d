package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.build.Lattices;
import org.jmd.io.Frame;
import org.jmd.neighbor.Cell;
import org.jmd.training.LabelledStructure;

/**
 * Synthetic silicon data labelled with Stillinger–Weber (the repository's inputs/potentials/Si.sw),
 * whose ground truth is known everywhere: crystals strained and rattled, labelled with SW energies
 * and forces.
 */
final class SwSilicon {
    private SwSilicon() {}

    static Path root() {
        String root = System.getProperty("jmd.root");
        return Path.of(root == null ? ".." : root);
    }

    static Potential potential() {
        Path file = root().resolve("inputs/potentials/Si.sw");
        if (!Files.isRegularFile(file)) fail("Stillinger-Weber file missing: " + file.toAbsolutePath());
        return PotentialRegistry.load().create("sw " + file.toAbsolutePath(), null);
    }

    /**
     * {@code count} cells of {@code lattice} (conventional cell repeated r times per axis), lattice
     * constant a₀ scaled by a random factor in [1 − strain, 1 + strain], atoms displaced by a
     * Gaussian of standard deviation {@code rattle} Å, labelled by the potential.
     */
    static List<LabelledStructure> rattled(Potential sw, String lattice, double a0, int r, int count, double strain,
                                           double rattle, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LabelledStructure> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double a = a0 * (1 + strain * (2 * rng.nextDouble() - 1));
            AtomicSystem s = Lattices.build(lattice, a, Double.NaN, Double.NaN, new String[] {"Si"}, r, r, r);
            for (int q = 0; q < s.x.length; q++) s.x[q] += rattle * rng.nextGaussian();
            out.add(label(sw, s, lattice));
        }
        return out;
    }

    /** {@code count} clusters of a few atoms in vacuum (low coordination, down to free atoms). */
    static List<LabelledStructure> clusters(Potential sw, int atoms, int count, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LabelledStructure> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] x = new double[3 * atoms];
            for (int i = 0; i < atoms; i++) {
                boolean ok;
                do {
                    for (int d = 0; d < 3; d++) x[3 * i + d] = spread * rng.nextDouble();
                    ok = true;
                    for (int j = 0; j < i && ok; j++) {
                        double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
                        ok = dx * dx + dy * dy + dz * dz > 2.1 * 2.1;
                    }
                } while (!ok);
            }
            String[] sym = new String[atoms];
            java.util.Arrays.fill(sym, "Si");
            out.add(label(sw, AtomicSystem.of(Cell.open(), sym, x), "cluster"));
        }
        return out;
    }

    static LabelledStructure label(Potential p, AtomicSystem s, String type) {
        ForceResult r = new ForceResult();
        new ForceCalculator(p, 0.0).compute(s, r);
        Frame f = new Frame(s);
        f.energy = r.energy;
        f.forces = r.forces.clone();
        return new LabelledStructure(f, type);
    }
}
