package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import org.jmd.engine.InputException;

/** Lines of a file with the number of the current one, so that every complaint can name it. */
final class LineCursor {
    private final BufferedReader in;
    final String source;
    private final int[] lineNo;
    private String pushedBack;

    LineCursor(BufferedReader in, String source, int[] lineNo) {
        this.in = in;
        this.source = source;
        this.lineNo = lineNo;
    }

    /** The next line, or null at end of file. */
    String next() throws IOException {
        if (pushedBack != null) {
            String l = pushedBack;
            pushedBack = null;
            lineNo[0]++;
            return l;
        }
        String l = in.readLine();
        if (l != null) lineNo[0]++;
        return l;
    }

    /** The next line; an error saying what was expected if the file ends. */
    String require(String expected) throws IOException {
        String l = next();
        if (l == null) throw new InputException(source, lineNo[0], "expected " + expected + ", got end of file");
        return l;
    }

    /** Makes {@link #next()} return this line again. */
    void pushBack(String line) {
        pushedBack = line;
        lineNo[0]--;
    }

    /** Number of the line last returned. */
    int line() { return lineNo[0]; }

    InputException error(String problem) { return new InputException(source, lineNo[0], problem); }

    InputException error(int line, String problem) { return new InputException(source, line, problem); }

    double real(String s, String what) { return Numbers.real(s, what, source, lineNo[0]); }

    double finite(String s, String what) { return Numbers.finite(s, what, source, lineNo[0]); }

    int integer(String s, String what) { return Numbers.integer(s, what, source, lineNo[0]); }
}
