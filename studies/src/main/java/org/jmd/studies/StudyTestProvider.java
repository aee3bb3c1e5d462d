package org.jmd.studies;

import org.jmd.engine.Arguments;

/**
 * Makes a {@link StudyTest} from a study-deck line {@code NAME OPTIONS...}; found by name with
 * ServiceLoader ({@code META-INF/services/org.jmd.studies.StudyTestProvider}), as potentials,
 * ensembles and trainers are, so the study runner names no test.
 */
public interface StudyTestProvider {
    String name();

    /** One line of usage for error messages. */
    String usage();

    /** Reads and checks the line's options (unknown ones are errors through {@link Arguments#requireAllUsed()}). */
    StudyTest create(Arguments args);
}
