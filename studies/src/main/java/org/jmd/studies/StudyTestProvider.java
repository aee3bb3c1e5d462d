package org.jmd.studies;

import org.jmd.engine.Arguments;
import org.jmd.engine.Provider;

/**
 * Makes a {@link StudyTest} from a study-deck line {@code NAME OPTIONS...}; found by name with
 * ServiceLoader ({@code META-INF/services/org.jmd.studies.StudyTestProvider}) through the
 * engine's {@link org.jmd.engine.Registry}, as potentials, ensembles and trainers are, so the
 * study runner names no test.
 */
public interface StudyTestProvider extends Provider {
    /** Reads and checks the line's options (unknown ones are errors through {@link Arguments#requireAllUsed()}). */
    StudyTest create(Arguments args);
}
