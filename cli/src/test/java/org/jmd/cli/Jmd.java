package org.jmd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the jmd command line in-process and captures what it prints. */
final class Jmd {
    private Jmd() {}

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A path in the shared reference data beside the checkout; fails clearly when it is missing. */
    static Path shared(String relative) {
        Path p = Path.of(System.getProperty("jmd.testdata", "../testdata")).resolve(relative);
        if (!p.toFile().exists()) throw new AssertionError("reference data missing: " + p + " (testdata/ in the repository)");
        return p;
    }
}
