package org.jmd.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Structures;
import org.jmd.engine.build.Lattices;
import org.junit.jupiter.api.Test;

/** Coordination histograms of perfect and defective crystals, counted by hand. */
class CoordinationNumbersTest {
    @Test void diamondAt2point6IsAllFour() {
        AtomicSystem s = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 2, 2, 2);
        CoordinationNumbers c = new CoordinationNumbers(2.6);
        c.add(s);
        assertArrayEquals(new double[] {0, 0, 0, 0, 64}, c.histogram("Si"));
        assertEquals(4, c.mean("Si"), 0);
    }

    /** One atom taken out of diamond: its four neighbors have three; the rest keep four. */
    @Test void aVacancyLeavesFourAtomsThreeFold() {
        AtomicSystem perfect = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 3, 3, 3);
        AtomicSystem s = Structures.subset(perfect, IntStream.range(1, perfect.size()).toArray());
        CoordinationNumbers c = new CoordinationNumbers(2.6);
        c.add(s);
        assertArrayEquals(new double[] {0, 0, 0, 4, s.size() - 4}, c.histogram("Si"));
    }

    /** Rock salt at a/2 < RC < a/√2: six of the other species around every atom, per species. */
    @Test void rocksaltPerSpecies() {
        AtomicSystem s = Lattices.build("rocksalt", 5.64, Double.NaN, Double.NaN, new String[] {"Na", "Cl"}, 2, 2, 2);
        CoordinationNumbers c = new CoordinationNumbers(3.5);
        c.add(s);
        c.add(s);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 32}, c.histogram("Na"));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 32}, c.histogram("Cl"));
        assertEquals(2, c.frames());
    }
}
