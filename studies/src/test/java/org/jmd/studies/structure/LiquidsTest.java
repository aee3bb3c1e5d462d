package org.jmd.studies.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.junit.jupiter.api.Test;

class LiquidsTest {
    /** The density asked for, the composition asked for, and no two atoms closer than the grid spacing. */
    @Test void gridStartHasTheDensityAndComposition() {
        AtomicSystem s = Liquids.start(new String[] {"Zn", "O"}, 64, 4.6, 3);
        double mass = 0;
        int zn = 0;
        for (int i = 0; i < s.size(); i++) {
            mass += s.mass[i];
            if (s.symbol(i).equals("Zn")) zn++;
        }
        assertEquals(32, zn);
        assertEquals(4.6, mass * 1.66053906660 / s.cell().volume(), 1e-9);
        double spacing = s.cell().h(0, 0) / 4;
        assertTrue(new Contacts().shortest(s, 3 * spacing) >= spacing - 1e-9);
        // unlike atoms on the two parities of the grid (4³ sites, all taken): the nearest neighbours of a Zn are O
        for (int i = 0; i < s.size(); i++) {
            for (int j = 0; j < s.size(); j++) {
                double r2 = 0;
                for (int d = 0; d < 3; d++) {
                    double x = s.x[3 * i + d] - s.x[3 * j + d];
                    x -= s.cell().h(0, 0) * Math.rint(x / s.cell().h(0, 0));
                    r2 += x * x;
                }
                if (i != j && Math.abs(Math.sqrt(r2) - spacing) < 1e-9) assertTrue(s.type[i] != s.type[j], "atoms " + i + " and " + j);
            }
        }
        assertThrows(InputException.class, () -> Liquids.start(new String[] {"Zn", "O"}, 63, 4.6, 3));
    }
}
