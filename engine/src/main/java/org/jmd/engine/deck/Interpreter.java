package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Suggest;

/**
 * What every jmd deck language shares (run decks, training decks): {@code variable NAME VALUE}
 * and {@code ${NAME}} substitution, a table of named commands, an unknown command answered with
 * the nearest known one, and every error located at the deck line that caused it — unless it
 * arose inside a file that line read, which keeps that file's own location.
 */
public final class Interpreter {
    /** What one command does with its arguments. */
    public interface Command {
        void execute(Arguments a);
    }

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Variables variables = new Variables();

    public Interpreter() {
        commands.put("variable", null); // handled before substitution; listed for suggestions
    }

    /** Adds a command; names are listed in this order in error messages. */
    public void command(String name, Command c) { commands.put(name, c); }

    /** Whether a command of this name is known. */
    public boolean has(String name) { return commands.containsKey(name); }

    public Variables variables() { return variables; }

    /** Runs the lines in order; relative paths in them resolve against {@code baseDir}. */
    public void run(List<DeckLine> lines, Path baseDir) {
        for (DeckLine line : lines) execute(line, baseDir);
    }

    private void execute(DeckLine line, Path baseDir) {
        String text = variables.substitute(line.text(), line.source(), line.line());
        List<String> words = Arguments.split(text, line.source(), line.line());
        if (words.isEmpty()) return;
        String name = words.get(0);
        if (name.equals("variable")) {
            if (words.size() < 3) throw new InputException(line.source(), line.line(), "variable: expected 'variable NAME VALUE'");
            variables.define(words.get(1), String.join(" ", words.subList(2, words.size())), line.source(), line.line());
            return;
        }
        Command c = commands.get(name);
        if (c == null) {
            String near = Suggest.nearest(name, commands.keySet());
            throw new InputException(line.source(), line.line(), "unknown command '" + name + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + "; known: " + String.join(", ", commands.keySet()));
        }
        Arguments a = new Arguments(name, words.subList(1, words.size()), line.source(), line.line(), baseDir);
        at(a, () -> c.execute(a));
    }

    /**
     * Runs work that a deck line asked for (also later, as a training deck's {@code train} does)
     * so that its errors name that line: an error inside a file the line read keeps that file's
     * location; any other becomes the line's, prefixed with the command.
     */
    public static void at(Arguments line, Runnable work) {
        String name = line.command();
        try {
            work.run();
        } catch (InputException e) {
            if (e.source() != null && e.line() > 0) throw e;
            throw new InputException(line.source(), line.line(), e.source() == null ? name + ": " + e.problem() : name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(line.source(), line.line(), name + ": " + e.getMessage(), e);
        }
    }
}
