package org.jmd.potentials.nnp;

import java.util.Comparator;

/**
 * One Behler–Parrinello symmetry function of a central element, as an n2p2 {@code symfunction_short}
 * line defines it. Lengths are held in the potential's working length unit (already converted when
 * a unit option was given); G itself is dimensionless or, for weighted types, carries atomic numbers.
 *
 * <p>n2p2 sorts the functions of each element (by type, then by parameters in a type-specific
 * order) and numbers scaling lines and network inputs in that sorted order, not in input order.
 * {@link #N2P2_ORDER} reproduces that sort so weights and scaling data line up.
 */
abstract class SymmetryFunction {
    final int type;
    final int centre;
    final String subtype;
    /** 1-based line in input.nn, for messages. */
    final int line;
    private final double[] sortKey;

    /**
     * @param sortKey the parameters n2p2 compares after element, type and subtype, in its order
     *                (element indices as doubles)
     */
    SymmetryFunction(int type, int centre, String subtype, int line, double... sortKey) {
        this.type = type;
        this.centre = centre;
        this.subtype = subtype;
        this.line = line;
        this.sortKey = sortKey;
    }

    /** Largest neighbour distance that contributes. */
    abstract double cutoff();

    /** The cutoff function whose per-neighbour values the kernel caches, or null if none is used. */
    CutoffFunction cutoffFunction() { return null; }

    /** n2p2's ordering: central element, type, subtype, then the type's parameters in turn. */
    static final Comparator<SymmetryFunction> N2P2_ORDER = (a, b) -> {
        if (a.centre != b.centre) return Integer.compare(a.centre, b.centre);
        if (a.type != b.type) return Integer.compare(a.type, b.type);
        int c = a.subtype.compareTo(b.subtype);
        if (c != 0) return c;
        for (int k = 0; k < a.sortKey.length; k++) {
            c = Double.compare(a.sortKey[k], b.sortKey[k]);
            if (c != 0) return c;
        }
        return 0;
    };
}
