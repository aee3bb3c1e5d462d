package org.jmd.serve;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;

/**
 * The species of the atoms a server sends, which the i-PI protocol does not carry (LAMMPS's
 * {@code fix ipi} takes them from its data file in the same way): either one element for every
 * atom, any number of them, or the species (and charges, for potentials that read them per atom)
 * of a structure file in order, which fixes the number of atoms. Holds the system the client
 * fills, made anew only when the atom count changes.
 */
public final class ServedAtoms {
    private final String[] table;
    private final int[] types;      // per atom, or null when every atom has species 0
    private final double[] charges; // per atom, or null
    private final String origin;    // the structure file, or null
    private AtomicSystem system;

    private ServedAtoms(String[] table, int[] types, double[] charges, String origin) {
        this.table = table;
        this.types = types;
        this.charges = charges;
        this.origin = origin;
    }

    /** Every atom is {@code symbol}, whatever their number. */
    public static ServedAtoms uniform(String symbol) {
        return new ServedAtoms(new String[] {symbol}, null, null, null);
    }

    /** The species and charges of {@code structure}'s atoms, in order; every structure served must have that many atoms. */
    public static ServedAtoms of(AtomicSystem structure, String file) {
        return new ServedAtoms(structure.speciesTable(), structure.type.clone(), structure.charge.clone(), file);
    }

    /**
     * The system for a structure of {@code n} atoms, positions and cell to be overwritten: the
     * same object while n stays the same, so the force calculator keeps its neighbor list.
     *
     * @throws InputException (without a source; the caller names the server) when n does not fit the species given
     */
    AtomicSystem forCount(int n) {
        if (types != null && n != types.length) {
            throw new InputException("POSDATA has " + n + " atoms, but the species come from " + origin + " with " + types.length
                    + " (the i-PI protocol does not carry species: jmd serve --structure must have the server's atoms in the server's order)");
        }
        if (system == null || system.size() != n) {
            system = new AtomicSystem(Cell.open(), table, types != null ? types : new int[n], new double[3 * n]);
            if (charges != null) System.arraycopy(charges, 0, system.charge, 0, n);
        }
        return system;
    }

    /** "every atom Si" or "the 96 atoms of FILE", for the start-up line. */
    public String describe() {
        return types == null ? "every atom " + table[0] : "the species of the " + types.length + " atoms of " + origin;
    }
}
