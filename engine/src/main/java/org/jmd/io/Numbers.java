package org.jmd.io;

import java.util.Locale;
import org.jmd.engine.InputException;

/**
 * Reading and writing numbers in structure files. Parsing is stricter than
 * {@link Double#parseDouble}, which would accept Java-only forms such as {@code 1.5d},
 * {@code 0x1p3} or {@code Infinity} that no other program writes; writing uses the shortest
 * text that reads back as the same double, so a round trip through any format is exact.
 */
final class Numbers {
    private Numbers() {}

    /** A real number as Fortran, C and Python programs write it (also nan/inf). */
    static double real(String s, String what, String source, int line) {
        if (looksNumeric(s)) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException ignored) {
                // fall through to the error below
            }
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan": case "+nan": case "-nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        throw new InputException(source, line, "expected a number for " + what + ", got '" + abbreviate(s) + "'");
    }

    /**
     * A finite real number: NaN and infinities (also an overflow such as {@code 1e999}) are
     * refused, since no position, cell, mass or label can hold one and a NaN read silently turns
     * every result computed from it into NaN.
     */
    static double finite(String s, String what, String source, int line) {
        double v = real(s, what, source, line);
        if (!Double.isFinite(v)) throw new InputException(source, line, "expected a finite number for " + what + ", got '" + abbreviate(s) + "'");
        return v;
    }

    /**
     * An atom count from a header, refused at once when no structure could hold it: beyond that
     * the count is a corrupt or mistyped header, and nothing should be sized by it.
     */
    static int atomCount(long n, String source, int line) {
        if (n > org.jmd.engine.AtomicSystem.MAX_ATOMS) {
            throw new InputException(source, line, "the file claims " + n + " atoms, more than one structure can hold ("
                    + org.jmd.engine.AtomicSystem.MAX_ATOMS + ")");
        }
        return (int) n;
    }

    /** A whole number. */
    static int integer(String s, String what, String source, int line) {
        try {
            return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, "expected a whole number for " + what + ", got '" + abbreviate(s) + "'");
        }
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) return false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
        }
        return true;
    }

    /** Shortest text that reads back as the same double ("2.0", "0.1", "1.0E-5"). */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }

    static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }
}
