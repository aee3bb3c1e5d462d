package org.jmd.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one deck command: positional words and {@code key=value} options, with the
 * place they came from so every complaint names the file and line. Options that nobody read are
 * reported by {@link #requireAllUsed()}, so a misspelt key is an error rather than ignored.
 */
public final class Arguments {
    private final String command;
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final List<String> words;
    private final String source;
    private final int line;
    private final Path baseDir;

    /**
     * @param command  the command or style name, for messages
     * @param words    the words after the command (already split, quotes removed)
     * @param source   file the words came from, or null
     * @param line     1-based line, or 0
     * @param baseDir  directory relative paths are resolved against
     */
    public Arguments(String command, List<String> words, String source, int line, Path baseDir) {
        this.command = command;
        this.source = source;
        this.line = line;
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
        this.words = List.copyOf(words);
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                String key = w.substring(0, eq);
                if (options.put(key, w.substring(eq + 1)) != null) throw error("option '" + key + "' given twice");
            } else {
                positional.add(w);
            }
        }
    }

    /** Parses a whole line "NAME ARGS..." given on the command line (no file). */
    public static Arguments parseLine(String line, String source, int lineNumber, Path baseDir) {
        List<String> words = split(line, source, lineNumber);
        if (words.isEmpty()) throw new InputException(source, lineNumber, "empty command");
        return new Arguments(words.get(0), words.subList(1, words.size()), source, lineNumber, baseDir);
    }

    /** Splits on white space; single or double quotes group words. */
    public static List<String> split(String text, String source, int line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0; else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) throw new InputException(source, line, "unclosed quote " + quote);
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }

    public String command() { return command; }

    public String source() { return source; }

    public int line() { return line; }

    public Path baseDir() { return baseDir; }

    /** The words after the command as written, positional and key=value in their order (for commands that pass them on). */
    public List<String> words() { return words; }

    public int positionalCount() { return positional.size(); }

    public List<String> positional() { return List.copyOf(positional); }

    /** Positional word k, or an error naming what it should be. */
    public String positional(int k, String what) {
        if (k >= positional.size()) throw error("missing " + what);
        return positional.get(k);
    }

    /** Positional word k resolved as a path against the base directory. */
    public Path path(int k, String what) { return resolve(positional(k, what)); }

    public Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() ? p : baseDir.resolve(p);
    }

    /** Fails if there are more positional words than the command takes. */
    public void requirePositionalAtMost(int max) {
        if (positional.size() > max) throw error("unexpected argument '" + positional.get(max) + "'");
    }

    public boolean has(String key) { return options.containsKey(key); }

    public String string(String key) {
        String v = options.get(key);
        if (v == null) {
            java.util.Set<String> unused = new java.util.LinkedHashSet<>(options.keySet());
            unused.removeAll(used);
            String near = Suggest.nearest(key, unused);
            throw error("missing " + key + "=" + (near == null ? "" : " (is '" + near + "=' a misspelling?)"));
        }
        used.add(key);
        return v;
    }

    public String string(String key, String fallback) { return has(key) ? string(key) : fallback; }

    public double real(String key) { return parseReal(key, string(key)); }

    public double real(String key, double fallback) { return has(key) ? real(key) : fallback; }

    /**
     * A pressure in bar (LAMMPS metal units), given as a plain number (bar) or with a unit:
     * {@code 300bar}, {@code 15kbar}, {@code 1.5GPa}.
     */
    public double pressure(String key) {
        String text = string(key).trim();
        double scale = 1;
        if (text.endsWith("GPa")) {
            scale = 1e4; // 1 GPa = 10⁴ bar exactly (1 bar = 10⁵ Pa)
            text = text.substring(0, text.length() - 3);
        } else if (text.endsWith("kbar")) {
            scale = 1000;
            text = text.substring(0, text.length() - 4);
        } else if (text.endsWith("bar")) {
            text = text.substring(0, text.length() - 3);
        }
        return parseReal(key, text) * scale;
    }

    public double pressure(String key, double fallback) { return has(key) ? pressure(key) : fallback; }

    public int integer(String key) {
        String v = string(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(key + "= expects a whole number, got '" + v + "'");
        }
    }

    public int integer(String key, int fallback) { return has(key) ? integer(key) : fallback; }

    /** A comma-separated list of real numbers, such as {@code scales=0.95,1,1.05}. */
    public double[] reals(String key) {
        String[] f = string(key).split(",", -1);
        double[] v = new double[f.length];
        for (int k = 0; k < f.length; k++) v[k] = parseReal(key, f[k].trim());
        return v;
    }

    /** A comma-separated list of whole numbers, such as {@code repeat=4,4,4}. */
    public int[] integers(String key) {
        String[] f = string(key).split(",", -1);
        int[] v = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            try {
                v[k] = Integer.parseInt(f[k].trim());
            } catch (NumberFormatException e) {
                throw error(key + "= expects comma-separated whole numbers, got '" + string(key) + "'");
            }
        }
        return v;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) return fallback;
        String v = string(key).toLowerCase();
        switch (v) {
            case "yes": case "true": case "on": case "1": return true;
            case "no": case "false": case "off": case "0": return false;
            default: throw error(key + "= expects yes or no, got '" + v + "'");
        }
    }

    /** One of the given choices. */
    public String choice(String key, String fallback, String... choices) {
        String v = string(key, fallback);
        for (String c : choices) if (c.equals(v)) return v;
        throw error(key + "= must be one of " + String.join(", ", choices) + ", got '" + v + "'");
    }

    /** A real number from text, with an error naming the key. */
    public double parseReal(String key, String text) {
        try {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw error(key + " expects a number, got '" + text + "'");
        }
    }

    /** Rejects options nobody asked for, naming them and the ones that are known. */
    public void requireAllUsed() {
        for (String key : options.keySet()) {
            if (!used.contains(key)) {
                throw error("unknown option '" + key + "' for " + command
                        + (used.isEmpty() ? "" : " (known here: " + String.join(", ", used) + ")"));
            }
        }
    }

    /** An InputException located at this command. */
    public InputException error(String problem) {
        return new InputException(source, line, command + ": " + problem);
    }
}
