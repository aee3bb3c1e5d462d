package org.jmd.studies.structure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;

/**
 * Starting structures for liquids: N atoms at a given density in a cubic box, on the sites of a
 * simple cubic grid (so no two start closer than the grid spacing), melted from there by the test.
 * One species fills randomly chosen sites; two species of equal numbers take sites of the two
 * parities of the grid (ix + iy + iz even or odd, a rocksalt-like order that puts unlike atoms
 * next to each other); more species are spread at random.
 */
public final class Liquids {
    /** 1 amu/Å³ in g/cm³. */
    static final double AMU_PER_A3_IN_G_PER_CM3 = 1.66053906660;

    private Liquids() {}

    /**
     * @param species the species, in equal numbers (N must be a multiple of their count)
     * @param density g/cm³
     */
    public static AtomicSystem start(String[] species, int atoms, double density, long seed) {
        int kinds = species.length;
        if (atoms < 2 || atoms % kinds != 0) throw new InputException("atoms=" + atoms + " must be a multiple of the " + kinds + " species");
        double mass = 0;
        for (String s : species) mass += Elements.mass(s) * (atoms / kinds);
        double volume = mass * AMU_PER_A3_IN_G_PER_CM3 / density;
        double box = Math.cbrt(volume);
        int m = (int) Math.ceil(Math.cbrt(atoms));
        if (kinds == 2 && m * m * m / 2 < atoms / 2) m++;
        if (kinds == 2 && m % 2 == 1) m++; // both parities as many sites
        double spacing = box / m;
        Random random = new Random(seed);
        List<int[]> even = new ArrayList<>(), odd = new ArrayList<>();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) ((i + j + k) % 2 == 0 ? even : odd).add(new int[] {i, j, k});
        List<int[]> sites = new ArrayList<>();
        int[] type = new int[atoms];
        if (kinds == 2) {
            Collections.shuffle(even, random);
            Collections.shuffle(odd, random);
            for (int a = 0; a < atoms / 2; a++) {
                sites.add(even.get(a));
                type[2 * a] = 0;
                sites.add(odd.get(a));
                type[2 * a + 1] = 1;
            }
        } else {
            List<int[]> all = new ArrayList<>(even);
            all.addAll(odd);
            Collections.shuffle(all, random);
            for (int a = 0; a < atoms; a++) {
                sites.add(all.get(a));
                type[a] = a % kinds;
            }
        }
        double[] x = new double[3 * atoms];
        for (int a = 0; a < atoms; a++) for (int d = 0; d < 3; d++) x[3 * a + d] = (sites.get(a)[d] + 0.5) * spacing;
        return new AtomicSystem(Cell.orthorhombic(box, box, box), species, type, x);
    }
}
