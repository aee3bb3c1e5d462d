package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jmd.engine.AtomicSystem;

/**
 * What the dry pass over a deck found it would do: the runs and minimizations, and the files it
 * would write. A file the deck writes and later reads back ({@code write} then {@code read},
 * {@code checkpoint} then {@code restart}) does not exist yet when the deck is checked; the dry
 * pass then stands the current atoms in for it.
 */
final class DryRun {
    private final Set<Path> outputs = new LinkedHashSet<>();
    private final Set<String> ensembles = new LinkedHashSet<>();
    private final List<String> minimizers = new ArrayList<>();
    private long steps;
    private int runs;

    void output(Path file) { outputs.add(key(file)); }

    /** Whether an earlier line of the deck writes this file. */
    boolean writes(Path file) { return outputs.contains(key(file)); }

    void ran(long n, String ensemble) {
        runs++;
        steps += n;
        if (ensemble != null) ensembles.add(ensemble.split("\\s+")[0]);
    }

    void minimized(String minimizer) { minimizers.add(minimizer); }

    /** One line: atoms, what runs, what is written. */
    String summary(AtomicSystem system) {
        StringBuilder sb = new StringBuilder();
        if (system != null) sb.append(system.size()).append(" atoms (").append(String.join(", ", system.speciesTable())).append("); ");
        sb.append(String.format(Locale.ROOT, "%d MD step%s in %d run%s", steps, steps == 1 ? "" : "s", runs, runs == 1 ? "" : "s"));
        if (!ensembles.isEmpty()) sb.append(" (").append(String.join(", ", ensembles)).append(')');
        sb.append(String.format(Locale.ROOT, ", %d minimization%s", minimizers.size(), minimizers.size() == 1 ? "" : "s"));
        if (!outputs.isEmpty()) sb.append("; writes ").append(String.join(", ", outputs()));
        return sb.toString();
    }

    /** The files the deck writes, relative to the working directory where they lie below it. */
    List<String> outputs() {
        List<String> names = new ArrayList<>();
        Path here = Path.of("").toAbsolutePath();
        for (Path p : outputs) names.add(p.startsWith(here) ? here.relativize(p).toString() : p.toString());
        return List.copyOf(names);
    }

    private static Path key(Path file) { return file.toAbsolutePath().normalize(); }
}
