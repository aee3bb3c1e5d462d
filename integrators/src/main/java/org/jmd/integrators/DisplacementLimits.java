package org.jmd.integrators;

import org.jmd.engine.opt.StepLimits;

/**
 * Line-search steps of a relaxation, measured by how far the furthest atom (or cell vector) moves:
 * a first steepest-descent trial moves it at most maxStep and a first quasi-Newton trial at most
 * 4 maxStep, both at most the step of length 1 (a curvature of 1 eV/Å² along −g, the model's own
 * step along a quasi-Newton direction); no accepted step moves it more than 8 maxStep, so a
 * poor model cannot throw atoms across the cell.
 */
final class DisplacementLimits implements StepLimits {
    private final double maxStep;

    /** @param maxStep Å */
    DisplacementLimits(double maxStep) { this.maxStep = maxStep; }

    @Override public double first(double[] d, boolean steepest) {
        return Math.min(1, (steepest ? 1 : 4) * maxStep / Relaxation.largestBlock(d));
    }

    @Override public double longest(double[] d, boolean steepest, double first) {
        return 8 * maxStep / Relaxation.largestBlock(d);
    }
}
