package org.jmd.conformance;

import java.util.List;

/**
 * One row of the conformance table: a potential line as a deck would write it (relative paths
 * resolve against testdata/), the sample structures it is checked on (testdata/ paths), and what
 * an isolated atom of the model should give.
 *
 * @param line                  {@code NAME ARGS...}, exactly as after {@code potential} in a deck
 * @param samples               structure files under testdata/
 * @param isolatedAtomEnergy    the energy of one atom in vacuum when the model fixes it (zero for
 *                              classical potentials, the element's offset for PLIP), or null when
 *                              only finiteness can be asked (neural networks, whose free atom is
 *                              whatever the network makes of all-zero descriptors)
 * @param isolatedAtomRefusal   for models that cannot describe an atom in vacuum (Ewald needs a
 *                              periodic cell): a fragment of the InputException expected instead
 */
record Row(String line, List<String> samples, Double isolatedAtomEnergy, String isolatedAtomRefusal) {
    Row(String line, List<String> samples) { this(line, samples, null, null); }

    /** The provider the line names (its first word). */
    String provider() { return line.strip().split("\\s+", 2)[0]; }

    Row isolatedAtom(double energy) { return new Row(line, samples, energy, null); }

    Row isolatedAtomRefused(String fragment) { return new Row(line, samples, null, fragment); }

    @Override public String toString() { return line; }
}
