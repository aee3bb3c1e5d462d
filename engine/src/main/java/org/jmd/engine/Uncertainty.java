package org.jmd.engine;

/**
 * Optional interface of a {@link ForceWorkspace} that knows how uncertain its last prediction was,
 * e.g. a committee of models whose members disagree. The deck offers it as the thermo column
 * {@code fspread}, so an MD run can log where a machine-learned potential leaves its training
 * data. Values refer to the last {@link ForceWorkspace#compute} call.
 */
public interface Uncertainty {
    /** Largest per-atom force spread (eV/Å) of the last evaluation. */
    double maxForceSpread();

    /** Per-atom force spread (eV/Å, N values) of the last evaluation; a view, not a copy. */
    double[] forceSpread();
}
