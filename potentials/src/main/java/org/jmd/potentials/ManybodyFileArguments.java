package org.jmd.potentials;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.jmd.engine.Arguments;

/** The deck arguments shared by potentials read from a LAMMPS many-body parameter file. */
final class ManybodyFileArguments {
    private ManybodyFileArguments() {}

    static final String USAGE = "FILE [elements=A,B,...]   (LAMMPS parameter file, path relative to the deck;"
            + " elements: which of the file's elements to use, default all; SPECIES=NAME uses the file's NAME,"
            + " e.g. elements=Si=Si(C))";

    /**
     * Reads the potential with {@code reader} (e.g. {@code StillingerWeber::read}) from the line's
     * file and elements; an element that elements= names but the file lacks is reported at the
     * deck line, where the mistake is.
     */
    static <P> P read(Arguments a, BiFunction<Path, List<String>, P> reader) {
        Path file = file(a);
        List<String> elements = elements(a);
        try {
            return reader.apply(file, elements);
        } catch (ElementTriplets.ElementNotInFile e) {
            throw a.error(e.problem());
        }
    }

    /** The parameter file, resolved against the deck's directory. */
    static Path file(Arguments a) {
        a.requirePositionalAtMost(1);
        return a.path(0, "parameter file (FILE)");
    }

    /** The elements= list, or null for all the file's elements. */
    static List<String> elements(Arguments a) {
        if (!a.has("elements")) return null;
        String v = a.string("elements").trim();
        if (v.isEmpty()) throw a.error("elements= needs a comma-separated list of element names");
        List<String> names = Arrays.asList(v.split("\\s*,\\s*"));
        if (names.stream().anyMatch(n -> n.isEmpty() || n.startsWith("=") || n.endsWith("="))
                || names.stream().map(n -> n.substring(0, n.indexOf('=') < 0 ? n.length() : n.indexOf('='))).distinct().count() != names.size()) {
            throw a.error("elements= needs distinct, non-empty names (or SPECIES=NAME) separated by commas, got '" + v + "'");
        }
        return names;
    }
}
