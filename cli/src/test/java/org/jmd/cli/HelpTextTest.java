package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/** Every command's help reads cleanly in an 80-column terminal. */
class HelpTextTest {
    @Test void examplesAreNotWrappedAndNothingPrintsNull() {
        List<String> commands = List.copyOf(new CommandLine(new Main()).getSubcommands().keySet());
        assertTrue(commands.size() >= 8, commands.toString());
        for (String command : commands) {
            if (command.equals("help")) continue;
            StringWriter out = new StringWriter();
            assertEquals(0, Main.execute(new String[] {command, "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)));
            String help = out.toString();
            // picocli prints "null" where a ${...} in a description found no value
            assertFalse(help.contains("as null") || help.contains("Default: null"), command + " help prints null:\n" + help);
            String[] lines = help.split("\n");
            boolean examples = false, continued = false, afterBlank = false, prose = false;
            for (String line : lines) {
                assertTrue(line.length() <= 80, command + ": line longer than 80 columns: " + line);
                if (line.startsWith("Example")) { examples = true; continue; }
                if (!examples) continue;
                if (line.isBlank()) { continued = false; afterBlank = true; prose = false; continue; }
                // in the examples, a line is a command ("  jmd ..."), the continuation of one that
                // ended in a backslash (indented), or a paragraph of prose after a blank line; never
                // a command cut by the terminal width and carried on at column 0
                if (continued) assertTrue(line.startsWith("  "), command + ": continuation not indented: " + line);
                else if (line.startsWith(" ")) assertTrue(line.startsWith("  jmd "), command + ": " + line);
                else assertTrue(afterBlank || prose, command + ": an example wrapped by the terminal width: " + line);
                prose = !line.startsWith(" ") && (afterBlank || prose);
                continued = line.endsWith("\\");
                afterBlank = false;
            }
        }
    }
}
