package org.jmd.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Reference files under the shared data directory ({@code -Djmd.testdata}); a missing one fails the test. */
final class SharedData {
    private SharedData() {}

    static Path file(String relative) {
        String root = System.getProperty("jmd.testdata");
        if (root == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path p = Path.of(root).resolve(relative);
        if (!Files.isRegularFile(p)) fail("reference file missing: " + p.toAbsolutePath() + " (jmd.testdata=" + root + ")");
        return p;
    }
}
