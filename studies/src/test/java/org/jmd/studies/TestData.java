package org.jmd.studies;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the repository's reference data and inputs, as the build passes them (testdata/, the checkout root). */
public final class TestData {
    private TestData() {}

    /** A file under testdata/; fails clearly when it is missing. */
    public static Path file(String relative) {
        Path p = Path.of(System.getProperty("jmd.testdata", "../testdata")).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) throw new AssertionError("reference data missing: " + p + " (testdata/ in the repository)");
        return p;
    }

    /** A file under the checkout's root (inputs/, ...). */
    public static Path root(String relative) {
        Path p = Path.of(System.getProperty("jmd.root", "..")).resolve(relative).toAbsolutePath().normalize();
        if (!Files.exists(p)) throw new AssertionError("missing: " + p);
        return p;
    }

    /** The standard Stillinger–Weber silicon potential line. */
    public static String sw() { return "sw " + root("inputs/potentials/Si.sw"); }
}
