package org.jmd.engine.md;

/**
 * @param converged whether fmax (and the stress criterion) was met
 * @param steps     iterations taken
 * @param energy    final potential energy (eV)
 * @param fmax      final largest atomic force magnitude (eV/Å)
 */
public record MinimizeResult(boolean converged, int steps, double energy, double fmax) {}
