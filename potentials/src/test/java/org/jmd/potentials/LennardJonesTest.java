package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/** A dimer against the formula; forces, virial and invariances are checked by the conformance suite (cli). */
class LennardJonesTest {
    final LennardJones lj = (LennardJones) PotentialRegistry.load().create("lj epsilon=0.0104 sigma=3.4 cutoff=8.5", null);

    @Test void dimerMatchesFormulaWithShift() {
        AtomicSystem s = new AtomicSystem(Cell.open(), new String[] {"Ar"}, new int[] {0, 0}, new double[] {0, 0, 0, 3.8, 0, 0});
        double r = 3.8, eps = 0.0104, sig = 3.4, rc = 8.5;
        double expected = 4 * eps * (Math.pow(sig / r, 12) - Math.pow(sig / r, 6)) - 4 * eps * (Math.pow(sig / rc, 12) - Math.pow(sig / rc, 6));
        var res = Consistency.evaluate(lj, s);
        assertEquals(expected, res.energy, 1e-15);
        double dEdr = 4 * eps * (-12 * Math.pow(sig, 12) / Math.pow(r, 13) + 6 * Math.pow(sig, 6) / Math.pow(r, 7));
        assertEquals(dEdr, res.forces[0], 1e-15, "force on atom 0 along +x is dE/dr");
        assertEquals(-dEdr, res.forces[3], 1e-15);
    }
}
