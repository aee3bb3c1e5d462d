package org.jmd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes broken variants of a valid input file, the way files really break: lines and words
 * deleted, duplicated or swapped (an edit gone wrong, two files pasted together), a value
 * replaced by a huge, negative, zero, non-finite or non-numeric one (a typo, a Fortran
 * overflow "*******", a NaN from a failed calculation), a count or index made huge, negative or
 * zero, and the file cut off anywhere (a full disk, a killed writer). Each variant applies one to three such edits, chosen by a seeded
 * random stream, so a failing input can be made again from its seed and index.
 */
final class InputMutator {
    /** Values that stress a parser: counts that would exhaust memory, signs, non-finite and non-numeric text. */
    static final String[] SPECIAL = {
        "1000000000", "2147483647", "2147483648", "9223372036854775807", "99999999999999999999", "1e9", "1e308", "1e999",
        "-1", "-2147483648", "-1e308", "-0", "0", "0.0", "1e-320",
        "nan", "NaN", "-nan", "inf", "-inf", "Infinity", "-Infinity",
        "abc", "x", "1.2.3", "1e", "0x10", "1,5", "--", "+", ".", "*******", "#", "=", "&", "\"", "'", "{", "[", "T",
        "Si", "begin", "end", "Atoms", "Direct",
    };

    private static final Pattern TOKEN = Pattern.compile("\\S+");

    private final SplittableRandom random;

    InputMutator(long seed) { this.random = new SplittableRandom(seed); }

    private String lastText;
    private List<String> lastLines;

    /** A broken variant of {@code text}. */
    String mutate(String text) {
        if (text != lastText) { // the same seed many times in a row: split it once
            lastText = text;
            lastLines = List.of(text.split("\n", -1));
        }
        List<String> lines = new ArrayList<>(lastLines);
        int edits = 1 + random.nextInt(3);
        boolean truncate = false;
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(11)) {
                case 0 -> deleteLine(lines);
                case 1 -> duplicateLine(lines);
                case 2 -> swapLines(lines);
                case 3 -> deleteToken(lines);
                case 4 -> duplicateToken(lines);
                case 5 -> swapTokens(lines);
                case 6, 7 -> replaceToken(lines);
                case 8 -> replaceValue(lines);
                case 9 -> replaceWholeNumber(lines);
                default -> truncate = true;
            }
        }
        String out = String.join("\n", lines);
        if (truncate && !out.isEmpty()) out = out.substring(0, random.nextInt(out.length()));
        return out;
    }

    private void deleteLine(List<String> lines) {
        if (lines.size() > 1) lines.remove(random.nextInt(lines.size()));
    }

    private void duplicateLine(List<String> lines) {
        String l = lines.get(random.nextInt(lines.size()));
        lines.add(random.nextInt(lines.size() + 1), l);
    }

    private void swapLines(List<String> lines) {
        int a = random.nextInt(lines.size()), b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
    }

    private void deleteToken(List<String> lines) {
        Token t = token(lines);
        if (t != null) lines.set(t.line(), t.before() + t.after());
    }

    private void duplicateToken(List<String> lines) {
        Token t = token(lines);
        if (t != null) lines.set(t.line(), t.before() + t.text() + " " + t.text() + t.after());
    }

    private void swapTokens(List<String> lines) {
        Token a = token(lines), b = token(lines);
        if (a == null || b == null) return;
        if (a.line() == b.line()) {
            if (a.start() == b.start()) return;
            Token first = a.start() < b.start() ? a : b, second = a.start() < b.start() ? b : a;
            String l = lines.get(a.line());
            lines.set(a.line(), l.substring(0, first.start()) + second.text() + l.substring(first.end(), second.start()) + first.text() + l.substring(second.end()));
        } else {
            lines.set(a.line(), a.before() + b.text() + a.after());
            lines.set(b.line(), b.before() + a.text() + b.after());
        }
    }

    private void replaceToken(List<String> lines) {
        Token t = token(lines);
        if (t != null) lines.set(t.line(), t.before() + special() + t.after());
    }

    /** The value of a key=value word, or one number of a comma-separated list, replaced. */
    private void replaceValue(List<String> lines) {
        Token t = token(lines);
        if (t == null) return;
        int eq = t.text().indexOf('=');
        String head = eq >= 0 ? t.text().substring(0, eq + 1) : "";
        String[] parts = t.text().substring(head.length()).split(",", -1);
        parts[random.nextInt(parts.length)] = special();
        lines.set(t.line(), t.before() + head + String.join(",", parts) + t.after());
    }

    /** Counts, sizes, indices: the values that size arrays and loops, made huge, negative or zero. */
    static final String[] COUNTS = {"1000000000", "2147483647", "700000000", "-1", "-2147483648", "0"};

    /**
     * A whole number (a word of digits) replaced by a count that would exhaust memory, a negative or
     * zero one: such words are few among a file's numbers, but they size the reader's arrays.
     */
    private void replaceWholeNumber(List<String> lines) {
        List<int[]> found = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            Matcher m = WHOLE.matcher(lines.get(k));
            while (m.find()) found.add(new int[] {k, m.start(1), m.end(1)});
        }
        if (found.isEmpty()) return;
        int[] w = found.get(random.nextInt(found.size()));
        String l = lines.get(w[0]);
        lines.set(w[0], l.substring(0, w[1]) + COUNTS[random.nextInt(COUNTS.length)] + l.substring(w[2]));
    }

    private static final Pattern WHOLE = Pattern.compile("(?:^|[\\s=,])(\\d+)(?=$|[\\s,])");

    private String special() { return SPECIAL[random.nextInt(SPECIAL.length)]; }

    /** A word chosen uniformly among a random line's words (null if the file has none after a few tries). */
    private Token token(List<String> lines) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int k = random.nextInt(lines.size());
            String l = lines.get(k);
            List<int[]> spans = new ArrayList<>();
            Matcher m = TOKEN.matcher(l);
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            if (spans.isEmpty()) continue;
            int[] s = spans.get(random.nextInt(spans.size()));
            return new Token(k, s[0], s[1], l);
        }
        return null;
    }

    private record Token(int line, int start, int end, String whole) {
        String text() { return whole.substring(start, end); }

        String before() { return whole.substring(0, start); }

        String after() { return whole.substring(end); }
    }
}
