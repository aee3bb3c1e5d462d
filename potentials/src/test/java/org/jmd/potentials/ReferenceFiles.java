package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find reference data; a missing file fails the test, saying what to install. */
final class ReferenceFiles {
    private ReferenceFiles() {}

    /** A file under the shared reference folder ({@code -Djmd.testdata}, set by surefire). */
    static Path shared(String relative) {
        String root = System.getProperty("jmd.testdata");
        if (root == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path p = Path.of(root).resolve(relative);
        assertTrue(Files.exists(p), "reference file missing: " + p + " (jmd.testdata=" + root + ")");
        return p;
    }

    /** A potential file of the Debian package lammps-data. */
    static Path lammpsPotential(String name) {
        Path p = Path.of("/usr/share/lammps/potentials", name);
        assertTrue(Files.exists(p), "LAMMPS potential file missing: " + p + " (install the Debian package lammps-data)");
        return p;
    }

    /** A file of this repository (e.g. inputs/potentials/Si.sw), from {@code -Djmd.root}. */
    static Path repo(String relative) {
        String root = System.getProperty("jmd.root");
        Path p = root == null ? Path.of("..").resolve(relative) : Path.of(root).resolve(relative);
        assertTrue(Files.exists(p), "repository file missing: " + p);
        return p;
    }
}
