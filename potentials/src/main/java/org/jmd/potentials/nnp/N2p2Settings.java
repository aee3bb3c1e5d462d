package org.jmd.potentials.nnp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.InputException;

/**
 * The keywords of an n2p2 {@code input.nn}: one keyword per line followed by its arguments, '#'
 * starts a comment. A keyword may repeat ({@code symfunction_short}, {@code atom_energy}); each
 * occurrence keeps its line number so errors point at it. Training-only keywords are read and
 * ignored by the potential.
 */
final class N2p2Settings {
    /** One occurrence of a keyword. */
    static final class Entry {
        final String keyword;
        final String[] args;
        final int line;

        Entry(String keyword, String[] args, int line) {
            this.keyword = keyword;
            this.args = args;
            this.line = line;
        }
    }

    final String source;
    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();
    private int lines;

    private N2p2Settings(String source) { this.source = source; }

    /**
     * The last line of the file (at least 1): where something it lacks, such as a required
     * keyword, is reported, since that is where reading found it missing.
     */
    int lastLine() { return Math.max(1, lines); }

    /** An error about the file as a whole, located at its end. */
    InputException missing(String problem) { return new InputException(source, lastLine(), problem); }

    static N2p2Settings read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file (an n2p2 potential directory needs input.nn)");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    /** Keywords of input.nn-style lines (line k of the list is line k + 1 of {@code source}). */
    static N2p2Settings parse(List<String> lines, String source) {
        N2p2Settings s = new N2p2Settings(source);
        s.lines = lines.size();
        for (int k = 0; k < lines.size(); k++) {
            String text = lines.get(k);
            int hash = text.indexOf('#');
            if (hash >= 0) text = text.substring(0, hash);
            text = text.trim();
            if (text.isEmpty()) continue;
            String[] w = text.split("\\s+");
            String[] args = new String[w.length - 1];
            System.arraycopy(w, 1, args, 0, args.length);
            s.entries.computeIfAbsent(w[0], key -> new ArrayList<>()).add(new Entry(w[0], args, k + 1));
        }
        return s;
    }

    boolean has(String keyword) { return entries.containsKey(keyword); }

    List<Entry> all(String keyword) { return entries.getOrDefault(keyword, List.of()); }

    /** The single occurrence of a keyword that must be there. */
    Entry require(String keyword, String what) {
        List<Entry> e = entries.get(keyword);
        if (e == null) throw missing("missing keyword '" + keyword + "' (" + what + ")");
        return single(keyword, e);
    }

    /** The single occurrence of a keyword, or null. */
    Entry optional(String keyword) {
        List<Entry> e = entries.get(keyword);
        return e == null ? null : single(keyword, e);
    }

    private Entry single(String keyword, List<Entry> e) {
        if (e.size() > 1) throw error(e.get(1), "keyword '" + keyword + "' given again (first on line " + e.get(0).line + ")");
        return e.get(0);
    }

    InputException error(Entry e, String problem) { return new InputException(source, e.line, problem); }

    /** Argument k of an entry as a number. */
    double real(Entry e, int k, String what) {
        if (k >= e.args.length) throw error(e, e.keyword + ": missing " + what);
        try {
            double v = Double.parseDouble(e.args[k]);
            if (!Double.isFinite(v)) throw error(e, e.keyword + ": " + what + " must be a finite number, got '" + e.args[k] + "'");
            return v;
        } catch (NumberFormatException ex) {
            throw error(e, e.keyword + ": " + what + " must be a number, got '" + e.args[k] + "'");
        }
    }

    /** Argument k of an entry as a whole number. */
    int integer(Entry e, int k, String what) {
        if (k >= e.args.length) throw error(e, e.keyword + ": missing " + what);
        try {
            return Integer.parseInt(e.args[k]);
        } catch (NumberFormatException ex) {
            throw error(e, e.keyword + ": " + what + " must be a whole number, got '" + e.args[k] + "'");
        }
    }
}
