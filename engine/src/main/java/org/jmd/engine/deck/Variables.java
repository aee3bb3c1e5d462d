package org.jmd.engine.deck;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jmd.engine.InputException;
import org.jmd.engine.Suggest;

/**
 * Deck variables: text substituted for {@code ${NAME}} before a line is split into words. A
 * value given on the command line ({@code -v NAME=VALUE}) wins over the deck's own
 * {@code variable NAME VALUE}, so a deck can set a default that a user overrides without
 * editing it (as LAMMPS's index variables behave with {@code -var}).
 */
public final class Variables {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> fromCommandLine = new LinkedHashMap<>();

    /** A value from the command line; it overrides any definition in the deck. */
    public void defineFromCommandLine(String name, String value) {
        checkName(name, null, 0);
        fromCommandLine.put(name, value);
    }

    /** The values given on the command line. */
    public Map<String, String> commandLine() { return java.util.Collections.unmodifiableMap(fromCommandLine); }

    /** {@code variable NAME VALUE} in the deck: ignored when the command line gave NAME. */
    public void define(String name, String value, String source, int line) {
        checkName(name, source, line);
        if (!fromCommandLine.containsKey(name)) values.put(name, value);
    }

    public String get(String name) {
        String v = fromCommandLine.get(name);
        return v != null ? v : values.get(name);
    }

    /** The text with every {@code ${NAME}} replaced; an undefined name is an error at this line. */
    public String substitute(String text, String source, int line) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < text.length()) {
            int open = text.indexOf("${", k);
            if (open < 0) break;
            int close = text.indexOf('}', open + 2);
            if (close < 0) throw new InputException(source, line, "unclosed '${' in '" + text + "'");
            String name = text.substring(open + 2, close);
            String value = get(name);
            if (value == null) {
                java.util.Set<String> known = new java.util.TreeSet<>(values.keySet());
                known.addAll(fromCommandLine.keySet());
                String near = Suggest.nearest(name, known);
                throw new InputException(source, line, "undefined variable '" + name + "'"
                        + (near == null ? "" : " (did you mean '" + near + "'?)")
                        + "; define it with 'variable " + name + " VALUE' or on the command line with -v " + name + "=VALUE");
            }
            out.append(text, k, open).append(value);
            k = close + 1;
        }
        return out.append(text.substring(k)).toString();
    }

    private static void checkName(String name, String source, int line) {
        if (!NAME.matcher(name).matches()) {
            throw new InputException(source, line, "variable name '" + name + "' must be letters, digits and '_', not starting with a digit");
        }
    }
}
