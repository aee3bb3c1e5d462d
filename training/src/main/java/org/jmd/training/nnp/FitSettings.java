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
 * @param timeLimit       wall-clock budget for Adam and L-BFGS together in seconds (0: none); the
 *                        Adam step then also decays with the fraction of Adam's share used
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

    /** Step size at an epoch (0-based) when the decay is set by the epoch count alone. */
    double rateAt(int epoch) { return rateAt(epoch, 0.0); }

    /**
     * Step size at an epoch (0-based) after {@code seconds} of training. With a time limit the
     * decay follows whichever of epochs and time (as a fraction of Adam's share of the limit) is
     * further along, so a run cut short by the clock still ends at the small final step instead of
     * stopping mid-schedule.
     */
    double rateAt(int epoch, double seconds) {
        double progress = epochs <= 1 ? 0.0 : (double) epoch / (epochs - 1);
        double budget = adamTimeLimit();
        if (budget > 0) progress = Math.max(progress, seconds / budget);
        return rate * Math.pow(finalRate / rate, Math.min(1.0, progress));
    }
}
