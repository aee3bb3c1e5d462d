package org.jmd.engine;

import java.nio.file.Path;

/**
 * Something a user wrote is wrong: a malformed file, an unknown deck command, a missing
 * parameter. The message names where (file and line, when known) and what was expected, so the
 * command line can print it without a stack trace.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final int line;

    public InputException(String message) { this(null, 0, message, null); }

    public InputException(String source, int line, String message) { this(source, line, message, null); }

    public InputException(Path source, int line, String message) { this(source == null ? null : source.toString(), line, message, null); }

    public InputException(String source, int line, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
    }

    /** File (or other source) the problem is in, or null. */
    public String source() { return source; }

    /** 1-based line number, or 0 when not tied to a line. */
    public int line() { return line; }

    /** The problem alone, without location. */
    public String problem() { return super.getMessage(); }

    /** "file:line: problem", the form compilers and LAMMPS users recognise. */
    @Override public String getMessage() {
        StringBuilder sb = new StringBuilder();
        if (source != null) sb.append(source).append(':');
        if (line > 0) sb.append(line).append(':');
        if (sb.length() > 0) sb.append(' ');
        return sb.append(super.getMessage()).toString();
    }

    /** The same problem located in a file, for errors raised by code that did not know the file. */
    public InputException at(String source, int line) {
        return new InputException(source, line, problem(), getCause() == null ? this : getCause());
    }
}
