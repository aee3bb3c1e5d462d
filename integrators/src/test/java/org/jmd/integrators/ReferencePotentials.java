package org.jmd.integrators;

import java.nio.file.Files;
import java.nio.file.Path;

/** Potential files the acceptance tests use: the repository's own, and the shared Erhart ZnO file. */
final class ReferencePotentials {
    private ReferencePotentials() {}

    /** The repository's Stillinger–Weber silicon (inputs/potentials/Si.sw). */
    static Path siliconSw() {
        return existing(Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw"));
    }

    /** Erhart et al. (2006) Zn–O bond-order potential from testdata/potentials. */
    static Path zincOxideErhart() {
        return existing(Path.of(System.getProperty("jmd.testdata", "../testdata")).resolve("potentials/ZnO_Erhart2006.tersoff"));
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) throw new AssertionError("potential file missing: " + p.toAbsolutePath());
        return p;
    }
}
