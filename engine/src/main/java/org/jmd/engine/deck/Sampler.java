package org.jmd.engine.deck;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;

/**
 * One analysis a deck attached to its runs (an RDF, an MSD, ...), made by a {@link SamplerProvider}.
 * The deck calls {@link #sample} every {@link #every()} steps of the {@code run} commands that
 * follow it, counted from the first step it sees, and {@link #write} at the end of each of those
 * runs: the file then holds everything sampled so far. An analysis of the structure as it is
 * ({@link #NOW}) is sampled and written once, when its command is read.
 */
public interface Sampler {
    /** {@link #every()} of an analysis of the current structure, done when its command is read. */
    int NOW = 0;

    /** Steps between samples during runs (at least 1), or {@link #NOW}. */
    int every();

    /** The output file; a later command naming the same file replaces this sampler. */
    Path file();

    /** Takes one sample: positions, velocities, masses and cell of the system at time {@code timeFs}. */
    void sample(AtomicSystem system, double timeFs);

    /** Writes everything sampled so far (atomically) and returns lines for the run's summary. */
    List<String> write();
}
