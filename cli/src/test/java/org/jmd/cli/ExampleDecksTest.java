package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example deck in inputs/ runs to the end as shipped (only its output directory is
 * redirected), so the examples the README points to cannot rot. Each also writes a thermo CSV.
 */
class ExampleDecksTest {
    @TempDir Path tmp;

    static List<Path> decks() throws IOException {
        String root = System.getProperty("jmd.root", "..");
        try (Stream<Path> s = Files.list(Path.of(root, "inputs"))) {
            List<Path> found = s.filter(p -> p.toString().endsWith(".deck")).sorted().collect(Collectors.toList());
            assertFalse(found.isEmpty(), "no example decks in inputs/");
            return found;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decks")
    void runsToCompletion(Path deck) throws IOException {
        Jmd.Run r = Jmd.run("run", deck.toString(), "-v", "out=" + tmp);
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.anyMatch(p -> p.toString().endsWith(".csv")), "thermo CSV written");
        }
    }
}
