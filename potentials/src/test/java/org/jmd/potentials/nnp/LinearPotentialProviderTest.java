package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code potential linear DIR} without the training module: an n2p2 directory with one linear
 * hidden node evaluates exactly as {@code potential nnp} on the same directory, and a neural
 * network (tanh) is refused with the file named.
 */
class LinearPotentialProviderTest {
    private static final List<String> FUNCTIONS = List.of(
            "H 2 H 0.5 0.0 4.0", "H 2 O 0.8 1.0 4.0", "O 2 H 0.3 0.9 4.0", "O 2 O 1.0 0.0 4.0",
            "H 3 O H 0.1 1.0 2.0 4.0", "O 3 H H 0.05 1.0 4.0 4.0");

    @TempDir Path tmp;

    /** A model of two H–O element networks with the given hidden width and activations, small random-looking weights. */
    private Path model(String name, int hidden, String activations) {
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of("H", "O"), "6 0.0", FUNCTIONS);
        N2p2Writer writer = new N2p2Writer(bp).scaling(Scaling.NONE, 0, 1).network(new int[] {hidden}, activations);
        for (String el : bp.elements()) {
            int n = bp.size(bp.elementIndex(el));
            double[] z = new double[n], w1 = new double[hidden * n], w2 = new double[hidden];
            for (int k = 0; k < w1.length; k++) w1[k] = 0.1 * Math.sin(3 * k + el.length());
            for (int k = 0; k < hidden; k++) w2[k] = 1.0 - 0.1 * k;
            writer.statistics(el, z, z, z, z).weights(el, new double[][] {w1, w2}, new double[][] {new double[hidden], {-0.5}});
        }
        Path dir = tmp.resolve(name);
        writer.write(dir);
        return dir;
    }

    @Test void aLinearModelIsTheNetworkCodeOnItsDirectory() {
        Path dir = model("linear", 1, "l l");
        PotentialRegistry registry = PotentialRegistry.load();
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 24, 12.0, 0.9, 3);
        ForceResult linear = Consistency.evaluate(registry.create("linear \"" + dir + "\"", null), s);
        ForceResult nnp = Consistency.evaluate(registry.create("nnp \"" + dir + "\"", null), s);
        assertTrue(linear.energy != 0 && Double.isFinite(linear.energy), "energy " + linear.energy);
        assertEquals(nnp.energy, linear.energy, 0.0);
        assertArrayEquals(nnp.forces, linear.forces, 0.0);
    }

    @Test void aNeuralNetworkIsRefusedNamingItsFile() {
        Path dir = model("nn", 2, "t l");
        InputException e = assertThrows(InputException.class, () -> PotentialRegistry.load().create("linear \"" + dir + "\"", null));
        assertTrue(e.getMessage().contains("not a linear model"), e.getMessage());
        assertEquals(dir.resolve("input.nn").toString(), e.source());
    }
}
