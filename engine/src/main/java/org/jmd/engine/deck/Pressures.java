package org.jmd.engine.deck;

import org.jmd.engine.Arguments;
import org.jmd.engine.Units;

/** Pressures in decks: bar by default (LAMMPS metal units), or with a unit suffix, {@code 1.5GPa} or {@code 300bar}. */
final class Pressures {
    private Pressures() {}

    static double bar(Arguments a, String key, double fallback) {
        if (!a.has(key)) return fallback;
        String text = a.string(key).trim();
        double scale = 1;
        if (text.endsWith("GPa")) {
            scale = Units.EV_PER_A3_IN_BAR / Units.EV_PER_A3_IN_GPA; // 1 GPa = 1e4 bar
            text = text.substring(0, text.length() - 3);
        } else if (text.endsWith("bar")) {
            text = text.substring(0, text.length() - 3);
        }
        return a.parseReal(key, text) * scale;
    }
}
