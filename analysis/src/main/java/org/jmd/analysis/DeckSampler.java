package org.jmd.analysis;

import java.nio.file.Path;
import java.util.Locale;
import org.jmd.engine.deck.Sampler;

/** What the analysis commands' samplers share: how often they sample and the file they write. */
abstract class DeckSampler implements Sampler {
    private final int every;
    private final Path file;

    DeckSampler(int every, Path file) {
        this.every = every;
        this.file = file;
    }

    @Override public int every() { return every; }

    @Override public Path file() { return file; }

    static String format(String pattern, Object... values) { return String.format(Locale.ROOT, pattern, values); }
}
