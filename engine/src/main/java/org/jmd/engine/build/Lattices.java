package org.jmd.engine.build;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;

/**
 * Crystal structures in their conventional cells: cubic for sc, bcc, fcc, diamond, rocksalt and
 * zincblende; hexagonal (a along x, b at 120° in the xy plane, c along z) for hcp and wurtzite;
 * tetragonal (a, a, c along x, y, z) for β-tin. Fractional coordinates are the textbook ones, so
 * nearest-neighbour distances are a, a√3/2, a/√2, a√3/4, a/2, a√3/4 for the cubic ones, a for
 * ideal hcp, u·c for wurtzite and √(a²/4 + c²/16) (four bonds, two more at c) for β-tin.
 */
public final class Lattices {
    private Lattices() {}

    /** The shape of a conventional cell: which of c and u apply. */
    private enum Shape { CUBIC, HEXAGONAL, TETRAGONAL }

    /** One kind of lattice: how many species it takes and its basis in fractional coordinates. */
    private record Kind(int species, Shape shape, double[][] basis, int[] site) {
        boolean hexagonal() { return shape == Shape.HEXAGONAL; }
    }

    /**
     * c/a of β-tin when the deck gives no c: silicon's β-tin phase as measured at 11.7 GPa
     * (a = 4.686 Å, c = 2.585 Å; Jamieson, Science 139, 762 (1963)).
     */
    public static final double BETA_TIN_C_OVER_A = 0.5516;

    private static final double[][] FCC = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}};

    private static final Map<String, Kind> KINDS = new TreeMap<>(Map.of(
            "sc", new Kind(1, Shape.CUBIC, new double[][] {{0, 0, 0}}, new int[] {0}),
            "bcc", new Kind(1, Shape.CUBIC, new double[][] {{0, 0, 0}, {.5, .5, .5}}, new int[] {0, 0}),
            "fcc", new Kind(1, Shape.CUBIC, FCC, new int[] {0, 0, 0, 0}),
            "diamond", new Kind(1, Shape.CUBIC, fccPlus(.25), new int[] {0, 0, 0, 0, 0, 0, 0, 0}),
            "zincblende", new Kind(2, Shape.CUBIC, fccPlus(.25), new int[] {0, 0, 0, 0, 1, 1, 1, 1}),
            "rocksalt", new Kind(2, Shape.CUBIC, fccPlus(.5), new int[] {0, 0, 0, 0, 1, 1, 1, 1}),
            "hcp", new Kind(1, Shape.HEXAGONAL, null, new int[] {0, 0}),
            "wurtzite", new Kind(2, Shape.HEXAGONAL, null, new int[] {0, 0, 1, 1}),
            // A5, I4_1/amd: body-centred pairs at (0,0,0) and (0,½,¼)
            "beta-tin", new Kind(1, Shape.TETRAGONAL, new double[][] {{0, 0, 0}, {.5, .5, .5}, {0, .5, .25}, {.5, 0, .75}},
                    new int[] {0, 0, 0, 0})));

    /** Names accepted by {@link #build}. */
    public static List<String> names() { return List.copyOf(KINDS.keySet()); }

    /** Number of species the lattice takes (1, or 2 for the binary ones: cation first). */
    public static int speciesCount(String name) { return kind(name).species; }

    /** Whether the conventional cell is hexagonal (so c and, for wurtzite, u apply). */
    public static boolean isHexagonal(String name) { return kind(name).hexagonal(); }

    /** Whether the lattice takes a c lattice constant (hexagonal and tetragonal cells). */
    public static boolean takesC(String name) { return kind(name).shape != Shape.CUBIC; }

    /**
     * The conventional cell repeated nx×ny×nz times, periodic in all directions.
     *
     * @param a       lattice constant (Å)
     * @param c       c lattice constant for the hexagonal and tetragonal lattices (Å); NaN for the ideal
     *                √(8/3)·a of hcp and wurtzite, {@link #BETA_TIN_C_OVER_A}·a for β-tin
     * @param u       wurtzite internal parameter (fraction of c); NaN for the ideal 3/8
     * @param species one symbol, or two (cation, anion) for rocksalt, zincblende and wurtzite
     */
    public static AtomicSystem build(String name, double a, double c, double u, String[] species, int nx, int ny, int nz) {
        Kind k = kind(name);
        if (species.length != k.species) {
            throw new InputException(name + " takes " + k.species + (k.species == 1 ? " species" : " species (cation,anion)")
                    + ", got " + species.length);
        }
        if (!(a > 0)) throw new InputException("lattice constant a must be positive, got " + a);
        if (nx < 1 || ny < 1 || nz < 1) throw new InputException("repeat counts must be at least 1, got " + nx + "," + ny + "," + nz);
        double[] h;
        double[][] basis = k.basis;
        if (k.shape == Shape.TETRAGONAL) {
            if (Double.isNaN(c)) c = BETA_TIN_C_OVER_A * a;
            if (!(c > 0)) throw new InputException("lattice constant c must be positive, got " + c);
            if (!Double.isNaN(u)) throw new InputException(name + " has no internal parameter: u= does not apply");
            h = new double[] {a, 0, 0, 0, a, 0, 0, 0, c};
        } else if (k.hexagonal()) {
            if (Double.isNaN(c)) c = Math.sqrt(8.0 / 3.0) * a;
            if (!(c > 0)) throw new InputException("lattice constant c must be positive, got " + c);
            if (Double.isNaN(u)) u = 0.375;
            if (!(u > 0 && u < 0.5)) throw new InputException("wurtzite u must lie between 0 and 0.5, got " + u);
            h = new double[] {a, 0, 0, -0.5 * a, 0.5 * Math.sqrt(3) * a, 0, 0, 0, c};
            // hcp: the 2c Wyckoff sites of P6_3/mmc; wurtzite: 2b sites of P6_3mc, anions shifted by u·c
            basis = name.equals("hcp")
                    ? new double[][] {{1 / 3.0, 2 / 3.0, 0.25}, {2 / 3.0, 1 / 3.0, 0.75}}
                    : new double[][] {{1 / 3.0, 2 / 3.0, 0}, {2 / 3.0, 1 / 3.0, 0.5}, {1 / 3.0, 2 / 3.0, u}, {2 / 3.0, 1 / 3.0, 0.5 + u}};
        } else {
            if (!Double.isNaN(c) || !Double.isNaN(u)) throw new InputException(name + " is cubic: c= and u= do not apply");
            h = new double[] {a, 0, 0, 0, a, 0, 0, 0, a};
        }
        Cell cell = new Cell(h, new boolean[] {true, true, true});
        double[] x = new double[3 * basis.length];
        for (int i = 0; i < basis.length; i++) cell.toCartesian(basis[i], 0, x, i);
        AtomicSystem unit = new AtomicSystem(cell, species, k.site, x);
        return Structures.repeat(unit, nx, ny, nz);
    }

    private static Kind kind(String name) {
        Kind k = KINDS.get(name);
        if (k == null) {
            String near = org.jmd.engine.Suggest.nearest(name, KINDS.keySet());
            throw new InputException("unknown lattice '" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)")
                    + "; known: " + String.join(", ", KINDS.keySet()));
        }
        return k;
    }

    /** The four fcc sites followed by the same four shifted by (s, s, s). */
    private static double[][] fccPlus(double s) {
        double[][] b = new double[8][];
        for (int i = 0; i < 4; i++) {
            b[i] = FCC[i].clone();
            b[i + 4] = new double[] {(FCC[i][0] + s) % 1.0, (FCC[i][1] + s) % 1.0, (FCC[i][2] + s) % 1.0};
        }
        return b;
    }
}
