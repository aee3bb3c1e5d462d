package org.jmd.engine;

import java.util.Arrays;
import org.jmd.neighbor.Cell;

/**
 * The atoms of a simulation, as structure of arrays: positions {@code x} and velocities {@code v}
 * (3N, Å and Å/fs), species index {@code type} (N) into a small species table, per-atom mass
 * (amu) and charge (e), and the cell. No object per atom: integrators, potentials and the
 * neighbor search all loop over these arrays directly.
 *
 * <p>The species table holds symbols (usually element symbols) in a fixed order; potentials map
 * it to their own parameter sets by symbol. Masses default to standard atomic weights and can be
 * overridden per species ({@link #setMass}).
 */
public final class AtomicSystem {
    /** The most atoms one system can hold: its 3N positions must fit in one Java array. */
    public static final int MAX_ATOMS = (Integer.MAX_VALUE - 8) / 3;

    private final int n;
    public final double[] x;
    public final double[] v;
    public final double[] mass;
    public final double[] charge;
    public final int[] type;
    private final String[] species;
    private Cell cell;

    /**
     * @param species the species table (symbols)
     * @param type    species index of each atom
     * @param x       positions, 3 per atom (copied)
     */
    public AtomicSystem(Cell cell, String[] species, int[] type, double[] x) {
        this.n = type.length;
        if (x.length != 3 * n) throw new IllegalArgumentException("need 3 coordinates per atom: " + x.length + " for " + n + " atoms");
        this.cell = cell;
        this.species = species.clone();
        this.type = type.clone();
        this.x = x.clone();
        this.v = new double[3 * n];
        this.mass = new double[n];
        this.charge = new double[n];
        for (int i = 0; i < n; i++) {
            if (type[i] < 0 || type[i] >= species.length) throw new IllegalArgumentException("atom " + (i + 1) + " has no species " + type[i]);
        }
        for (int t = 0; t < species.length; t++) {
            int z = Elements.number(species[t]);
            setMass(t, z > 0 ? Elements.mass(z) : Double.NaN);
        }
    }

    /** A system from per-atom symbols; the species table lists them in order of first appearance. */
    public static AtomicSystem of(Cell cell, String[] symbols, double[] x) {
        String[] table = new String[0];
        int[] type = new int[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            int t = Arrays.asList(table).indexOf(symbols[i]);
            if (t < 0) {
                table = Arrays.copyOf(table, table.length + 1);
                t = table.length - 1;
                table[t] = symbols[i];
            }
            type[i] = t;
        }
        return new AtomicSystem(cell, table, type, x);
    }

    public int size() { return n; }

    public Cell cell() { return cell; }

    public void setCell(Cell cell) { this.cell = cell; }

    /** Number of species in the table (some may have no atoms). */
    public int speciesCount() { return species.length; }

    public String species(int t) { return species[t]; }

    /** Copy of the species table. */
    public String[] speciesTable() { return species.clone(); }

    /** Index of a symbol in the species table, or -1. */
    public int speciesIndex(String symbol) {
        for (int t = 0; t < species.length; t++) if (species[t].equals(symbol)) return t;
        return -1;
    }

    public String symbol(int i) { return species[type[i]]; }

    /** Per-atom symbols. */
    public String[] symbols() {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = species[type[i]];
        return s;
    }

    /** Sets the mass of every atom of species t. */
    public void setMass(int t, double m) {
        for (int i = 0; i < n; i++) if (type[i] == t) mass[i] = m;
    }

    /** Sets the mass of every atom of the given symbol; an error if the system has no such species. */
    public void setMass(String symbol, double m) {
        int t = speciesIndex(symbol);
        if (t < 0) throw new InputException("no species '" + symbol + "' in the system (species: " + String.join(", ", species) + ")");
        setMass(t, m);
    }

    public AtomicSystem copy() {
        AtomicSystem c = new AtomicSystem(cell, species, type, x);
        System.arraycopy(v, 0, c.v, 0, v.length);
        System.arraycopy(mass, 0, c.mass, 0, n);
        System.arraycopy(charge, 0, c.charge, 0, n);
        return c;
    }
}
