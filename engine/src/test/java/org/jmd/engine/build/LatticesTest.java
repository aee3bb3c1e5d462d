package org.jmd.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.BruteForceSearch;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LatticesTest {
    /** Textbook values: atoms per conventional cell, nearest-neighbour distance / a, coordination. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sc,         Cu,    1, 1.0,                 6",
        "bcc,        Fe,    2, 0.8660254037844386, 8",
        "fcc,        Cu,    4, 0.7071067811865476, 12",
        "diamond,    Si,    8, 0.4330127018922193, 4",
        "zincblende, Zn:S,  8, 0.4330127018922193, 4",
        "rocksalt,   Na:Cl, 8, 0.5,                6",
        "hcp,        Mg,    2, 1.0,                12",
        "wurtzite,   Zn:O,  4, 0.6123724356957945, 4",   // √(3/8): ideal c/a and u = 3/8
        "beta-tin,   Si,    4, 0.5186679188074003, 4",   // √(1/4 + (c/a)²/16) at c/a = 0.5516
    })
    void countsNearestNeighbourDistanceAndCoordination(String name, String species, int perCell, double nnOverA, int coordination) {
        double a = 3.7;
        AtomicSystem s = Lattices.build(name, a, Double.NaN, Double.NaN, species.split(":"), 2, 3, 2);
        assertEquals(perCell * 12, s.size());
        checkShell(s, nnOverA * a, coordination, 1e-9);
        if (species.contains(":")) {
            // in every binary lattice here the nearest neighbours of a cation are anions
            NeighborList list = neighbours(s, nnOverA * a * 1.01);
            for (int i = 0; i < s.size(); i++)
                for (int p = list.start(i); p < list.end(i); p++) assertTrue(s.type[i] != s.type[list.neighbor(p)]);
        }
    }

    @Test void nonIdealWurtziteHasOneAxialAndThreeBasalBonds() {
        double a = 3.25, c = 5.2, u = 0.382;
        AtomicSystem s = Lattices.build("wurtzite", a, c, u, new String[] {"Zn", "O"}, 3, 3, 2);
        double axial = u * c, basal = Math.sqrt(a * a / 3 + Math.pow((0.5 - u) * c, 2));
        NeighborList list = neighbours(s, 1.01 * Math.max(axial, basal));
        for (int i = 0; i < s.size(); i++) {
            int nAxial = 0, nBasal = 0;
            for (int p = list.start(i); p < list.end(i); p++) {
                double r = distance(list, s, i, p);
                if (Math.abs(r - axial) < 1e-9) nAxial++;
                else if (Math.abs(r - basal) < 1e-9) nBasal++;
            }
            assertEquals(1, nAxial, "axial bonds of atom " + i);
            assertEquals(3, nBasal, "basal bonds of atom " + i);
        }
        assertEquals(9 * 2 * (a * a * Math.sqrt(3) / 2) * c, s.cell().volume(), 1e-9);
    }

    @Test void betaTinHasFourBondsAndTwoMoreAlongC() {
        double a = 4.686, c = 2.585;
        AtomicSystem s = Lattices.build("beta-tin", a, c, Double.NaN, new String[] {"Si"}, 2, 2, 3);
        double bond = Math.sqrt(a * a / 4 + c * c / 16);
        checkShell(s, bond, 4, 1e-9);
        NeighborList list = neighbours(s, 1.01 * c);
        for (int i = 0; i < s.size(); i++) {
            int atC = 0;
            for (int p = list.start(i); p < list.end(i); p++) if (Math.abs(distance(list, s, i, p) - c) < 1e-9) atC++;
            assertEquals(2, atC, "neighbours of atom " + i + " at c");
        }
    }

    @Test void hcpDefaultsToTheIdealAxialRatio() {
        AtomicSystem s = Lattices.build("hcp", 3.0, Double.NaN, Double.NaN, new String[] {"Mg"}, 1, 1, 1);
        assertEquals(Math.sqrt(8.0 / 3.0) * 3.0, s.cell().h(2, 2), 1e-12);
    }

    @Test void badRequestsAreInputErrors() {
        assertTrue(assertThrows(InputException.class, () -> Lattices.build("diamnd", 5.43, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1))
                .getMessage().contains("did you mean 'diamond'"));
        assertThrows(InputException.class, () -> Lattices.build("rocksalt", 5.6, Double.NaN, Double.NaN, new String[] {"Na"}, 1, 1, 1));
        assertThrows(InputException.class, () -> Lattices.build("fcc", 3.6, 4.0, Double.NaN, new String[] {"Cu"}, 1, 1, 1));
        assertThrows(InputException.class, () -> Lattices.build("fcc", -1, Double.NaN, Double.NaN, new String[] {"Cu"}, 1, 1, 1));
        assertThrows(InputException.class, () -> Lattices.build("fcc", 3.6, Double.NaN, Double.NaN, new String[] {"Cu"}, 0, 1, 1));
    }

    /** Every atom has exactly {@code coordination} neighbours at {@code nn} and none closer. */
    private static void checkShell(AtomicSystem s, double nn, int coordination, double tol) {
        NeighborList list = neighbours(s, nn * 1.05);
        for (int i = 0; i < s.size(); i++) {
            int count = 0;
            for (int p = list.start(i); p < list.end(i); p++) {
                double r = distance(list, s, i, p);
                assertTrue(r > nn - tol, "atom " + i + " has a neighbour at " + r + " < " + nn);
                if (r < nn + tol) count++;
            }
            assertEquals(coordination, count, "coordination of atom " + i);
        }
    }

    private static NeighborList neighbours(AtomicSystem s, double cutoff) {
        NeighborList list = new NeighborList();
        BruteForceSearch.build(s.x, s.size(), s.cell(), cutoff, NeighborList.Kind.FULL, list);
        return list;
    }

    private static double distance(NeighborList list, AtomicSystem s, int i, int p) {
        double[] d = new double[3];
        list.displacement(s.x, i, p, d);
        return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    }
}
