package org.jmd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.neighbor.Cell;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.api.Test;

/**
 * A potential that exists only on the test classpath, listed in this module's test
 * META-INF/services: the registry finds it by name exactly as it would a third-party jar's.
 */
class PluginTest {
    /** Harmonic tether of every atom to the origin: E = ½ k |x|². */
    public static final class Tether implements Potential {
        final double k;
        Tether(double k) { this.k = k; }
        @Override public double cutoff() { return 0; }
        @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.HALF; }
        @Override public ForceWorkspace workspace(ThreadTeam team) { return this::compute; }
        private void compute(AtomicSystem s, NeighborList list, int want, ForceResult r) {
            for (int i = 0; i < s.size(); i++) {
                double e = 0;
                for (int d = 0; d < 3; d++) {
                    double x = s.x[3 * i + d];
                    e += 0.5 * k * x * x;
                    r.forces[3 * i + d] = -k * x;
                    r.virial[4 * d] += -k * x * x;
                }
                r.atomEnergies[i] = e;
                r.energy += e;
            }
        }
    }

    public static final class TetherProvider implements PotentialProvider {
        @Override public String name() { return "test-tether"; }
        @Override public String usage() { return "test-tether k=K"; }
        @Override public Potential create(Arguments a) { return new Tether(a.real("k")); }
    }

    @Test void registryFindsAProviderFromTheClasspathByName() {
        PotentialRegistry reg = PotentialRegistry.load();
        assertTrue(reg.providers().containsKey("test-tether"), "known: " + reg.providers().keySet());
        Potential p = reg.create("test-tether k=2.0", null);
        AtomicSystem s = new AtomicSystem(Cell.open(), new String[] {"H"}, new int[] {0}, new double[] {1, 2, 3});
        ForceResult r = new ForceResult();
        new ForceCalculator(p).compute(s, r);
        assertEquals(14.0, r.energy, 1e-15);
        assertEquals(-6.0, r.forces[2], 1e-15);
    }

    @Test void unknownOptionOfAPluginIsReported() {
        InputException e = assertThrows(InputException.class, () -> PotentialRegistry.load().create("test-tether k=1 q=2", null));
        assertTrue(e.getMessage().contains("unknown option 'q'"), e.getMessage());
    }
}
