package org.jmd.potentials.nnp;

/**
 * Which descriptor element (index by increasing atomic number) each atom of one system is: the
 * per-system half of binding a system to a set of symmetry functions. It is made once per system
 * by {@link BehlerParrinelloDescriptors#bind} and never changes, so any number of threads can
 * read it while each uses its own {@link DescriptorWorkspace}.
 */
public final class AtomElements {
    private final int[] element;

    AtomElements(int[] element) { this.element = element; }

    /** Number of atoms of the bound system. */
    public int size() { return element.length; }

    /** Element index of atom i. */
    public int element(int i) { return element[i]; }

    /** Direct access for kernels (element of every atom); do not modify. */
    int[] array() { return element; }
}
