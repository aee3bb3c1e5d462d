package org.jmd.studies;

import org.jmd.engine.AtomicSystem;

/**
 * A structure on which the diagnostics compare the models with the truth: from a data set, a
 * nanoparticle relaxation or a liquid trajectory, with the reference's total energy (eV) and
 * forces (eV/Å, 3N) there.
 *
 * @param test   id of the test it came from
 * @param label  which structure, e.g. "frame 3" or "r=8 start"
 */
public record Snapshot(String test, String label, AtomicSystem system, double energy, double[] forces) {}
