package org.jmd.potentials.nnp;

/**
 * Which descriptor element (index by increasing atomic number) each atom of one system is: the
 * per-system half of binding a system to a set of symmetry functions. It is made once per system
 * by {@link BehlerParrinelloDescriptors#bind} and never changes, so any number of threads can
 * read it while each uses its own {@link DescriptorWorkspace}.
 */
public final class AtomElements {
    private final int[] element;
    // what the map was made from, so a caller can tell whether a system still matches it
    private final String[] species;
    private final int[] type;
    // the system's own position array (final in AtomicSystem): kernels read the current positions
    private final double[] positions;

    AtomElements(int[] element, String[] species, int[] type, double[] positions) {
        this.element = element;
        this.species = species;
        this.type = type;
        this.positions = positions;
    }

    /** Whether the system has the same atoms, species and atom types as the one bound (O(N), no allocation). */
    public boolean describes(org.jmd.engine.AtomicSystem system) {
        if (system.x != positions || system.size() != type.length || system.speciesCount() != species.length) return false;
        for (int t = 0; t < species.length; t++) if (!species[t].equals(system.species(t))) return false;
        return java.util.Arrays.equals(type, system.type);
    }

    /** Number of atoms of the bound system. */
    public int size() { return element.length; }

    /** Element index of atom i. */
    public int element(int i) { return element[i]; }

    /** Direct access for kernels (element of every atom); do not modify. */
    int[] array() { return element; }

    /** The bound system's positions (3N, current values), from which kernels form displacements. */
    double[] positions() { return positions; }
}
