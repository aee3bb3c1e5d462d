package org.jmd.studies;

import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.Uncertainty;

/**
 * A potential taking part in a study: one of the models under test, or the reference (the
 * teacher whose answers are the truth).
 *
 * @param name      the name the deck gave it (the reference is called "reference")
 * @param line      the potential line that loads it
 * @param potential the loaded model
 * @param origin    where it came from, for the report (e.g. "trained by si-sw-linear.deck")
 */
public record Model(String name, String line, Potential potential, String origin) {
    /** Whether its workspaces report a per-atom force spread (committees do). */
    public boolean reportsSpread() { return potential.workspace(ThreadTeam.serial()) instanceof Uncertainty; }
}
