package org.jmd.serve;

import org.jmd.engine.Units;

/**
 * The i-PI protocol's atomic units in jmd's, with ASE's constants ({@link Units#BOHR_ASE},
 * {@link Units#HARTREE_ASE}), and its layout of the cell: the 3×3 matrix whose columns are the
 * lattice vectors, sent row by row (ASE sends {@code cell.T}; i-PI its upper-triangular h), so
 * that component d of lattice vector k is element {@code 3d + k}.
 */
public final class IpiUnits {
    private IpiUnits() {}

    /** One Bohr in Å. */
    public static final double LENGTH = Units.BOHR_ASE;
    /** One Hartree in eV. */
    public static final double ENERGY = Units.HARTREE_ASE;
    /** One Hartree/Bohr in eV/Å. */
    public static final double FORCE = Units.HARTREE_ASE / Units.BOHR_ASE;

    /** jmd's cell (rows a, b, c, Å) from the protocol's (columns a, b, c, Bohr). */
    public static void cellFromWire(double[] wire, double[] rows) {
        for (int k = 0; k < 3; k++)
            for (int d = 0; d < 3; d++) rows[3 * k + d] = wire[3 * d + k] * LENGTH;
    }

    /** The protocol's cell (columns a, b, c, Bohr) from jmd's (rows, Å). */
    public static void cellToWire(double[] rows, double[] wire) {
        for (int k = 0; k < 3; k++)
            for (int d = 0; d < 3; d++) wire[3 * d + k] = rows[3 * k + d] / LENGTH;
    }
}
