package org.jmd.potentials.committee;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;
import org.jmd.engine.PotentialRegistry;

/**
 * {@code potential committee DIR}: the mean of the models in {@code DIR/member-1},
 * {@code DIR/member-2}, ..., each loaded by the deck line in its {@code POTENTIAL} file (as
 * {@code jmd train ... committee=K} writes them). Relative paths in a member's line resolve
 * against that member's directory.
 */
public final class CommitteeProvider implements PotentialProvider {
    /** The file in a model directory holding the deck line that loads the model. */
    public static final String POTENTIAL_FILE = "POTENTIAL";
    private static final Pattern MEMBER = Pattern.compile("member-(\\d+)");

    @Override public String name() { return "committee"; }

    @Override public String usage() { return "committee DIR   (DIR/member-K/POTENTIAL holds each member's potential line)"; }

    @Override public Potential create(Arguments a) {
        Path dir = a.path(0, "a committee directory (with member-1/, member-2/, ... each holding a POTENTIAL file)");
        a.requirePositionalAtMost(1);
        List<Path> memberDirs = members(dir, a);
        PotentialRegistry registry = PotentialRegistry.load();
        List<Potential> members = new ArrayList<>();
        for (Path m : memberDirs) {
            Path file = m.resolve(POTENTIAL_FILE);
            String line = readLine(file);
            members.add(registry.create(Arguments.parseLine(line, file.toString(), 1, m)));
        }
        return new CommitteePotential(members, "committee of " + members.size() + " in " + dir);
    }

    /** The member directories in numeric order. */
    static List<Path> members(Path dir, Arguments a) {
        if (!Files.isDirectory(dir)) throw a.error("no committee directory " + dir);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> MEMBER.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p.resolve(POTENTIAL_FILE)))
                    .forEach(found::add);
        } catch (IOException e) {
            throw a.error("cannot list " + dir + ": " + e.getMessage());
        }
        if (found.isEmpty()) throw a.error(dir + " has no member-K/" + POTENTIAL_FILE + " (is it the output of 'jmd train' with committee=K?)");
        found.sort((p, q) -> Integer.compare(index(p), index(q)));
        return found;
    }

    private static int index(Path p) {
        Matcher m = MEMBER.matcher(p.getFileName().toString());
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    /** The first non-blank, non-comment line of a POTENTIAL file. */
    static String readLine(Path file) {
        try {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = l.strip();
                if (!t.isEmpty() && !t.startsWith("#")) return t;
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        throw new InputException(file.toString(), 0, "holds no potential line");
    }
}
