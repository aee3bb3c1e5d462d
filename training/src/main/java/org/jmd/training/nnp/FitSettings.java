package org.jmd.training.nnp;

/**
 * How the networks are fitted: Adam on mini-batches of structures with an exponentially decaying
 * step, loss = mean (ΔE/N)² + forceWeight × mean ΔF² (+ invariantWeight × mean squared deviation
 * at the invariant points when that is positive), early stopping on the validation loss.
 *
 * @param epochs          most passes over the training set
 * @param batch           structures per Adam step
 * @param rate            initial Adam step
 * @param finalRate       step at the last epoch (geometric decay in between)
 * @param forceWeight     w_F, (eV/atom)² per (eV/Å)²
 * @param invariantWeight weight of the invariant-point term (0: monitor only)
 * @param patience        epochs without a better validation loss before stopping (0: never)
 * @param timeLimit       wall-clock budget for the epochs in seconds (0: none); the step then
 *                        also decays with the fraction of the budget used
 */
record FitSettings(int epochs, int batch, double rate, double finalRate, double forceWeight,
                   double invariantWeight, int patience, double timeLimit) {

    /** Step size at an epoch (0-based) when the decay is set by the epoch count alone. */
    double rateAt(int epoch) { return rateAt(epoch, 0.0); }

    /**
     * Step size at an epoch (0-based) after {@code seconds} of training. With a time limit the
     * decay follows whichever of epochs and time is further along, so a run cut short by the
     * clock still ends at the small final step instead of stopping mid-schedule.
     */
    double rateAt(int epoch, double seconds) {
        double progress = epochs <= 1 ? 0.0 : (double) epoch / (epochs - 1);
        if (timeLimit > 0) progress = Math.max(progress, seconds / timeLimit);
        return rate * Math.pow(finalRate / rate, Math.min(1.0, progress));
    }
}
