package org.jmd.studies.structure;

import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.build.Lattices;

/**
 * A crystal as a study deck names it: {@code lattice=NAME a=A [c=C] [u=U] species=S1[,S2]}. Checked
 * when the line is read (by building one cell), so a wrong lattice stops the deck there.
 */
public record Crystal(String lattice, double a, double c, double u, String[] species) {
    /** Reads the lattice options of a deck line; NaN c and u mean the lattice's defaults. */
    public static Crystal parse(Arguments args) {
        String name = args.string("lattice");
        double a = args.real("a");
        double c = args.real("c", Double.NaN), u = args.real("u", Double.NaN);
        String[] species = args.string("species").split(",");
        Crystal crystal = new Crystal(name, a, c, u, species);
        try {
            crystal.cell(1.0);
        } catch (org.jmd.engine.InputException e) {
            throw args.error(e.problem());
        }
        return crystal;
    }

    /** The conventional cell with every length scaled by {@code scale}. */
    public AtomicSystem cell(double scale) {
        return Lattices.build(lattice, a * scale, c * scale, u, species, 1, 1, 1);
    }

    /** The conventional cell repeated. */
    public AtomicSystem supercell(int nx, int ny, int nz) {
        return Lattices.build(lattice, a, c, u, species, nx, ny, nz);
    }

    /** "diamond Si a=5.431" (with c and u when given), for titles and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder(lattice + " " + String.join(",", species) + " a=" + plain(a));
        if (!Double.isNaN(c)) sb.append(" c=").append(plain(c));
        if (!Double.isNaN(u)) sb.append(" u=").append(plain(u));
        return sb.toString();
    }

    /** A number as a deck would write it: no exponent, no trailing zeros (5.431, 0.1, 8). */
    public static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
