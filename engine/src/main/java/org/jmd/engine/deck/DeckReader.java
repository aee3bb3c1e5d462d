package org.jmd.engine.deck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.InputException;

/**
 * Splits deck text into commands: one per line, {@code #} starts a comment (outside quotes), and
 * a line ending in {@code &} continues on the next one, as in LAMMPS input scripts.
 */
public final class DeckReader {
    private DeckReader() {}

    public static List<DeckLine> read(Path deck) {
        try {
            return parse(Files.readString(deck, StandardCharsets.UTF_8), deck.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(deck.toString(), 0, "no such deck file");
        } catch (IOException e) {
            throw new InputException(deck.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    public static List<DeckLine> parse(String text, String source) {
        List<DeckLine> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int k = 0; k < lines.length; k++) {
            String body = stripComment(lines[k]).strip();
            if (pending.length() == 0) startLine = k + 1;
            boolean continues = body.endsWith("&");
            if (continues) body = body.substring(0, body.length() - 1);
            if (!body.isBlank()) pending.append(pending.length() == 0 ? "" : " ").append(body.strip());
            if (continues) continue;
            if (pending.length() > 0) out.add(new DeckLine(pending.toString(), source, startLine));
            pending.setLength(0);
        }
        if (pending.length() > 0) throw new InputException(source, startLine, "the last command ends with '&' but no line follows");
        return out;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, k);
            }
        }
        return line;
    }
}
