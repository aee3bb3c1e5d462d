package org.jmd.io;

import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;

/** The cell a file describes, refused with the file and line when it cannot be one. */
final class Cells {
    private Cells() {}

    /**
     * A cell from lattice vectors already read as finite numbers; linearly dependent periodic
     * vectors, and vectors so long that the volume overflows (which would make every fractional
     * coordinate zero), are errors at {@code line}; {@code what} names the cell as the file does
     * ("Lattice", "the box").
     */
    static Cell of(double[] h, boolean[] periodic, String what, String source, int line) {
        Cell cell;
        try {
            cell = new Cell(h, periodic);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, line, what + " has no volume: its vectors are linearly dependent");
        }
        if (!Double.isFinite(cell.volume())) throw new InputException(source, line, what + " is too large: its volume overflows");
        return cell;
    }
}
