package org.jmd.potentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jmd.engine.InputException;

/**
 * Reader for the parameter files of LAMMPS's many-body pair styles ({@code .sw}, {@code .tersoff}):
 * each entry is three element names followed by a fixed number of numbers. As LAMMPS reads them,
 * {@code #} starts a comment, blank lines are skipped, and an entry may continue over as many
 * lines as it needs: lines are joined until the entry has its words. An entry that ends up with
 * more words than that (two entries on one line, or a number too many) is an error, as is one
 * whose numbers run short (the next entry's element names then land where numbers belong).
 */
final class ManybodyParameterFile {
    /** One entry: its element triplet, its numbers in file order, and the line it starts on. */
    record Entry(String i, String j, String k, double[] values, int line) {
        String triplet() { return i + " " + j + " " + k; }
    }

    private final String source;
    private final List<Entry> entries;
    private final int lines;

    private ManybodyParameterFile(String source, List<Entry> entries, int lines) {
        this.source = source;
        this.entries = entries;
        this.lines = lines;
    }

    String source() { return source; }

    /**
     * The file's last line (at least 1): where something the file lacks (an entry for a
     * triplet, any entry at all) is reported, since that is where the reader found it missing.
     */
    int lastLine() { return Math.max(1, lines); }

    List<Entry> entries() { return entries; }

    /** Element names in order of first appearance. */
    List<String> elements() {
        Set<String> names = new LinkedHashSet<>();
        for (Entry e : entries) { names.add(e.i()); names.add(e.j()); names.add(e.k()); }
        return List.copyOf(names);
    }

    /**
     * Reads a file whose entries have three element names and {@code names.length} numbers.
     * {@code style} names the format in messages ("Stillinger-Weber").
     */
    static ManybodyParameterFile read(Path path, String style, String[] names) {
        String source = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(in, source, style, names);
        } catch (NoSuchFileException e) {
            throw new InputException(source, 0, "no such " + style + " parameter file");
        } catch (IOException e) {
            throw new InputException(source, 0, "cannot read " + style + " parameter file: " + e.getMessage());
        }
    }

    static ManybodyParameterFile parse(BufferedReader in, String source, String style, String[] names) throws IOException {
        int wordsPerEntry = 3 + names.length;
        List<Entry> entries = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Integer> wordLines = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            for (String w : line.trim().split("\\s+")) {
                if (w.isEmpty()) continue;
                words.add(w);
                wordLines.add(lineNo);
            }
            if (words.size() < wordsPerEntry) continue;
            if (words.size() > wordsPerEntry) {
                // LAMMPS joins lines only until it has enough words; more means a malformed entry.
                // If an entry ran short, the next one's element names sit where numbers belong:
                // name that word first, as it points at the real mistake.
                entry(words, wordLines, source, style, names);
                throw new InputException(source, lineNo, style + " entry '" + words.get(0) + " " + words.get(1) + " " + words.get(2)
                        + "' (from line " + wordLines.get(0) + ") has " + (words.size() - 3) + " numbers, expected "
                        + names.length + " (" + String.join(" ", names) + ")");
            }
            entries.add(entry(words, wordLines, source, style, names));
            words.clear();
            wordLines.clear();
        }
        if (!words.isEmpty()) {
            throw new InputException(source, wordLines.get(0), style + " entry starting '" + String.join(" ", words.subList(0, Math.min(3, words.size())))
                    + "' ends at end of file with " + Math.max(0, words.size() - 3) + " numbers, expected " + names.length
                    + " (" + String.join(" ", names) + ")");
        }
        return new ManybodyParameterFile(source, List.copyOf(entries), lineNo);
    }

    private static Entry entry(List<String> words, List<Integer> lines, String source, String style, String[] names) {
        for (int k = 0; k < 3; k++) {
            // element labels are free (LAMMPS maps them by name) but must survive 'elements=A=B,C'
            String w = words.get(k);
            if (w.indexOf('=') >= 0 || w.indexOf(',') >= 0) {
                throw new InputException(source, lines.get(k), style + " entry starting on line " + lines.get(0)
                        + ": '" + w + "' is not an element name (element " + (k + 1) + " of 3)");
            }
        }
        double[] v = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            String w = words.get(3 + k);
            try {
                v[k] = Double.parseDouble(w);
                if (!Double.isFinite(v[k])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new InputException(source, lines.get(3 + k), style + " entry '" + words.get(0) + " " + words.get(1) + " "
                        + words.get(2) + "' (from line " + lines.get(0) + "): expected a number for " + names[k]
                        + " (value " + (k + 1) + " of " + names.length + "), got '" + w + "'");
            }
        }
        return new Entry(words.get(0), words.get(1), words.get(2), v, lines.get(0));
    }

    /** An error at an entry's line. */
    InputException error(Entry e, String problem) {
        return new InputException(source, e.line(), problem);
    }
}
