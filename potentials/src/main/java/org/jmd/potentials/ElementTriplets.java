package org.jmd.potentials;

import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;

/**
 * The elements a many-body parameter file is used for and, for every ordered triplet of them,
 * which entry holds its parameters. Like LAMMPS's {@code pair_coeff}, entries that name an
 * element not in use are ignored, and every triplet of the elements in use must have exactly
 * one entry (LAMMPS does not take ACB for ABC).
 */
final class ElementTriplets {
    private final String source;
    private final String[] elements;
    private final String[] symbols;
    private final ManybodyParameterFile.Entry[] entries;

    private ElementTriplets(String source, String[] elements, String[] symbols, ManybodyParameterFile.Entry[] entries) {
        this.source = source;
        this.elements = elements;
        this.symbols = symbols;
        this.entries = entries;
    }

    /**
     * @param wanted the elements to use, or null for every element the file names; an item
     *               {@code SPECIES=NAME} uses the file's element NAME for the system's species
     *               SPECIES (as LAMMPS's {@code pair_coeff * * SiCGe.tersoff Si(C)} maps a type)
     */
    static ElementTriplets select(ManybodyParameterFile file, List<String> wanted, String style) {
        List<String> names = new ArrayList<>(), species = new ArrayList<>();
        for (String w : wanted == null ? file.elements() : wanted) {
            int eq = w.indexOf('=');
            species.add(eq < 0 ? w : w.substring(0, eq));
            names.add(eq < 0 ? w : w.substring(eq + 1));
        }
        if (names.isEmpty()) throw new InputException(file.source(), file.lastLine(), "no " + style + " entries in file");
        List<String> known = file.elements();
        for (String name : names) {
            if (!known.contains(name)) throw new ElementNotInFile(file.source(), name, known);
        }
        int n = names.size();
        ManybodyParameterFile.Entry[] table = new ManybodyParameterFile.Entry[n * n * n];
        for (ManybodyParameterFile.Entry e : file.entries()) {
            int a = names.indexOf(e.i()), b = names.indexOf(e.j()), c = names.indexOf(e.k());
            if (a < 0 || b < 0 || c < 0) continue;
            int t = (a * n + b) * n + c;
            if (table[t] != null) {
                throw file.error(e, "duplicate " + style + " entry for " + e.triplet() + " (first at line " + table[t].line() + ")");
            }
            table[t] = e;
        }
        List<String> missing = new ArrayList<>();
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                for (int c = 0; c < n; c++)
                    if (table[(a * n + b) * n + c] == null) missing.add(names.get(a) + " " + names.get(b) + " " + names.get(c));
        if (!missing.isEmpty()) {
            throw new InputException(file.source(), file.lastLine(), "no " + style + " entry for the element triplet"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; every ordered triplet of the elements used (" + String.join(", ", names) + ") needs one"
                    + (wanted == null ? " (use elements=A,B,... to use only some of the file's elements)" : ""));
        }
        return new ElementTriplets(file.source(), names.toArray(new String[0]), species.toArray(new String[0]), table);
    }

    /**
     * elements= names an element the file has no entry for at all: a mistake of the deck line
     * rather than of the file, so {@link ManybodyFileArguments#read} reports it at the line.
     */
    static final class ElementNotInFile extends InputException {
        ElementNotInFile(String file, String name, List<String> known) {
            super(file, 0, "elements=: '" + name + "' is not an element of " + file + " (it has " + String.join(", ", known) + ")");
        }
    }

    int size() { return elements.length; }

    /** The file's name of element e. */
    String element(int e) { return elements[e]; }

    /** The species symbol element e is used for. */
    String symbol(int e) { return symbols[e]; }

    String source() { return source; }

    /** The entry for triplet (i, j, k) of element indices. */
    ManybodyParameterFile.Entry entry(int i, int j, int k) {
        int n = elements.length;
        return entries[(i * n + j) * n + k];
    }

    /**
     * The element index of each species of the system, into {@code map} (grown if too short, so
     * the steady state allocates nothing). Fails, naming the species, if an atom's species has no
     * parameters; species without atoms may be missing from the file.
     */
    int[] mapSpecies(AtomicSystem s, int[] map, String style) {
        int ns = s.speciesCount();
        if (map.length < ns) map = new int[ns];
        for (int t = 0; t < ns; t++) {
            map[t] = -1;
            String sym = s.species(t);
            for (int e = 0; e < symbols.length; e++) if (symbols[e].equals(sym)) { map[t] = e; break; }
        }
        int[] type = s.type;
        for (int i = 0, n = s.size(); i < n; i++) {
            if (map[type[i]] < 0) {
                throw new InputException(source, 0, "the system has " + s.species(type[i]) + " atoms (atom " + (i + 1)
                        + ") but this " + style + " potential has parameters only for " + String.join(", ", symbols));
            }
        }
        return map;
    }
}
