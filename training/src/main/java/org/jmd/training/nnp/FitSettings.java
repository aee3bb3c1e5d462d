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
 * @param timeLimit       wall-clock budget for the epochs in seconds (0: none)
 */
record FitSettings(int epochs, int batch, double rate, double finalRate, double forceWeight,
                   double invariantWeight, int patience, double timeLimit) {

    /** Step size at an epoch (0-based). */
    double rateAt(int epoch) {
        if (epochs <= 1) return rate;
        return rate * Math.pow(finalRate / rate, (double) epoch / (epochs - 1));
    }
}
