package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Energy and forces of the shared n2p2 examples against n2p2's own predictions (reference.txt). */
class N2p2ReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"H2O_RPBE-D3", "Anisole_SCAN"})
    void reproducesN2p2Prediction(String name) throws Exception {
        Path dir = ReferenceData.dir(name);
        double[] ref = ReferenceData.reference(dir);
        AtomicSystem s = ReferenceData.structure(dir);
        assertEquals(1 + 3 * s.size(), ref.length, "reference.txt has one energy and 3 forces per atom");
        var p = PotentialRegistry.load().create("nnp \"" + dir + "\"", null);
        ForceResult r = Consistency.evaluate(p, s);
        double maxRef = 0, worst = 0;
        for (int k = 0; k < 3 * s.size(); k++) maxRef = Math.max(maxRef, Math.abs(ref[1 + k]));
        for (int k = 0; k < 3 * s.size(); k++) worst = Math.max(worst, Math.abs(r.forces[k] - ref[1 + k]));
        double energyError = Math.abs(r.energy - ref[0]) / Math.abs(ref[0]);
        System.out.printf("%s: energy %.16e ref %.16e rel err %.3e; worst force err %.3e (rel to max %.3e)%n",
                name, r.energy, ref[0], energyError, worst, worst / maxRef);
        assertTrue(energyError < 1e-9, "relative energy error " + energyError);
        assertTrue(worst / maxRef < 1e-7, "worst force error relative to the largest force " + worst / maxRef);
    }
}
