package org.jmd.training.nnp;

/**
 * How the networks are fitted: Adam on mini-batches of structures with an exponentially decaying
 * step, loss = mean (ΔE/N)² + forceWeight × mean ΔF² (+ invariantWeight × mean squared deviation
 * at the invariant points when that is positive), early stopping on the validation loss; then,
 * optionally, full-batch L-BFGS on the same loss from the best Adam parameters.
 *
 * @param epochs          most passes over the training set (0 only with lbfgs > 0: L-BFGS alone)
 * @param batch           structures per Adam step
 * @param rate            initial Adam step
 * @param finalRate       step at the last epoch (geometric decay in between)
 * @param forceWeight     w_F, (eV/atom)² per (eV/Å)²
 * @param invariantWeight weight of the invariant-point term (0: monitor only)
 * @param patience        epochs (and L-BFGS iterations) without a better validation loss before
 *                        stopping (0: never)
 * @param timeLimit       wall-clock budget for Adam and L-BFGS together in seconds (0: none); it
 *                        only stops the run, it never changes the step sizes
 * @param lbfgs           most full-batch L-BFGS iterations after the Adam epochs (0: none)
 * @param lbfgsMemory     correction pairs L-BFGS keeps
 */
record FitSettings(int epochs, int batch, double rate, double finalRate, double forceWeight,
                   double invariantWeight, int patience, double timeLimit, int lbfgs, int lbfgsMemory) {

    /** Cost of one L-BFGS iteration in Adam epochs, as assumed when the time limit is shared. */
    static final double LBFGS_ITERATION_COST = 2.0;

    /**
     * Seconds of the time limit for the Adam epochs (0: no limit): all of it without L-BFGS, else
     * the share epochs / (epochs + 2 × lbfgs), counting an L-BFGS iteration (a full-batch gradient,
     * an extra one now and then in the line search, and the error evaluation) as two epochs. The
     * L-BFGS iterations then run until the whole limit is used.
     */
    double adamTimeLimit() {
        if (timeLimit <= 0 || lbfgs == 0) return timeLimit;
        return timeLimit * epochs / (epochs + LBFGS_ITERATION_COST * lbfgs);
    }

    /**
     * Step size at an epoch (0-based): geometric decay over the epoch count. The clock never
     * enters it, so a time limit only cuts the run short and a run is repeatable for a seed on any
     * machine up to the point where the clock stops it.
     */
    double rateAt(int epoch) {
        double progress = epochs <= 1 ? 0.0 : (double) epoch / (epochs - 1);
        return rate * Math.pow(finalRate / rate, Math.min(1.0, progress));
    }
}
