package org.jmd.conformance;

import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.Arguments;

/**
 * Wrong variants of a good potential line, derived from the line itself so that every row gets
 * them without writing any: an unknown option, the file argument missing or naming no file, and
 * each option's value replaced by a word that no option accepts.
 */
final class BadLines {
    private BadLines() {}

    /**
     * @param line      the wrong line
     * @param expect    a fragment the error message must contain
     * @param atDeck    whether the error must be located at the deck line (rather than at a file it names)
     */
    record Bad(String what, String line, String expect, boolean atDeck) {
        @Override public String toString() { return what + ": " + line; }
    }

    static final String UNKNOWN_KEY = "no_such_option", MISSING_FILE = "no-such-file", BAD_VALUE = "abc";

    static List<Bad> of(String good) {
        List<String> words = Arguments.split(good, null, 0);
        String name = words.get(0);
        List<String> rest = words.subList(1, words.size());
        List<Bad> out = new ArrayList<>();
        out.add(new Bad("unknown option", good + " " + UNKNOWN_KEY + "=1", UNKNOWN_KEY, true));
        int file = -1;
        for (int k = 0; k < rest.size() && file < 0; k++) if (rest.get(k).indexOf('=') <= 0) file = k;
        if (file >= 0) {
            out.add(new Bad("file argument missing", join(name, rest, file, null), "missing", true));
            out.add(new Bad("file that does not exist", join(name, rest, file, MISSING_FILE), MISSING_FILE, false));
        }
        for (int k = 0; k < rest.size(); k++) {
            String w = rest.get(k);
            int eq = w.indexOf('=');
            if (eq <= 0) continue;
            String key = w.substring(0, eq);
            out.add(new Bad("bad value for " + key, join(name, rest, k, key + "=" + BAD_VALUE), key, true));
        }
        return out;
    }

    /** The line with word k of rest replaced (or dropped when replacement is null). */
    private static String join(String name, List<String> rest, int k, String replacement) {
        StringBuilder sb = new StringBuilder(name);
        for (int j = 0; j < rest.size(); j++) {
            String w = j == k ? replacement : rest.get(j);
            if (w != null) sb.append(' ').append(w);
        }
        return sb.toString();
    }
}
