package org.jmd.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's testdata/ folder ({@code -Djmd.testdata}, set by surefire); a missing file fails the test, naming it. */
final class TestData {
    private TestData() {}

    static Path root() {
        Path root = Path.of(System.getProperty("jmd.testdata", "../testdata")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) throw new AssertionError("testdata folder missing: " + root + " (set -Djmd.testdata)");
        return root;
    }

    static Path file(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) throw new AssertionError("test data missing: " + p);
        return p;
    }
}
