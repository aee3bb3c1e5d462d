package org.jmd.training.nnp;

import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.potentials.nnp.Activation;

/**
 * The options of {@code model nnp ...}: architecture, symmetry functions and fit settings, read
 * and checked at the deck line so mistakes are reported with its file and line.
 *
 * @param hidden          hidden layer widths
 * @param activation      hidden-layer activation (n2p2 letter); the output is linear
 * @param symmetryFunctions file with {@code cutoff_type} and {@code symfunction_short} lines, or null for the defaults
 * @param fit             optimizer, loss weights and stopping
 */
record NnpSettings(int[] hidden, Activation activation, Path symmetryFunctions, FitSettings fit) {

    static final String USAGE = "nnp [hidden=25,25] [activation=t] [symfunctions=FILE] [epochs=2500] [batch=4]"
            + " [learning_rate=0.001] [learning_rate_final=1e-5] [force_weight=0.03] [invariant_weight=0]"
            + " [patience=200] [time_limit=MINUTES] [lbfgs=0] [lbfgs_memory=10]";

    static NnpSettings read(Arguments a) {
        a.requirePositionalAtMost(0);
        int[] hidden = a.has("hidden") ? a.integers("hidden") : new int[] {25, 25};
        for (int w : hidden) if (w < 1) throw a.error("hidden= layer widths must be positive, got '" + a.string("hidden") + "'");
        // a network's weights are one array per member and several copies in the optimizer: refuse widths no array could hold
        long weights = 0, previous = 1000; // a generous number of inputs, so the check does not need the symmetry functions
        for (int w : hidden) { weights += previous * w + w; previous = w; }
        if (weights + previous + 1 > 100_000_000L) throw a.error("hidden= '" + a.string("hidden") + "' makes a network of over 10^8 weights");
        String letter = a.string("activation", "t");
        Activation act = Activation.of(letter);
        if (act == null || act == Activation.IDENTITY) {
            throw a.error("activation= must be one of the n2p2 letters t, s, p, r, g, c, S, e, h for the hidden layers, got '" + letter + "'");
        }
        Path sf = a.has("symfunctions") ? a.resolve(a.string("symfunctions")) : null;
        int lbfgs = a.integer("lbfgs", 0);
        if (lbfgs < 0) throw a.error("lbfgs= (L-BFGS iterations after the Adam epochs) must be zero (none) or positive, got " + lbfgs);
        int memory = a.integer("lbfgs_memory", 10);
        // memory pairs of parameter vectors are allocated at once; beyond a few dozen L-BFGS gains nothing
        if (memory < 1 || memory > 1000) throw a.error("lbfgs_memory= (L-BFGS correction pairs) must be 1 to 1000, got " + memory);
        int epochs = a.integer("epochs", 2500);
        if (epochs < 0 || (epochs == 0 && lbfgs == 0)) {
            throw a.error("epochs= must be at least 1 (0 only with lbfgs= > 0, for L-BFGS alone), got " + epochs);
        }
        int batch = a.integer("batch", 4);
        if (batch < 1) throw a.error("batch= must be at least 1, got " + batch);
        double rate = positive(a, "learning_rate", 1e-3);
        double finalRate = positive(a, "learning_rate_final", Math.min(rate, 1e-5));
        if (finalRate > rate) throw a.error("learning_rate_final= (" + finalRate + ") must not exceed learning_rate= (" + rate + ")");
        double forceWeight = a.real("force_weight", 0.03);
        if (!(forceWeight >= 0)) throw a.error("force_weight= must be zero or positive, got " + forceWeight);
        double invariantWeight = a.real("invariant_weight", 0.0);
        if (!(invariantWeight >= 0)) throw a.error("invariant_weight= must be zero or positive, got " + invariantWeight);
        int patience = a.integer("patience", 200);
        if (patience < 0) throw a.error("patience= must be zero (never stop early) or positive, got " + patience);
        double minutes = a.real("time_limit", 0.0);
        if (!(minutes >= 0)) throw a.error("time_limit= (minutes) must be zero (none) or positive, got " + minutes);
        return new NnpSettings(hidden, act, sf,
                new FitSettings(epochs, batch, rate, finalRate, forceWeight, invariantWeight, patience, 60 * minutes, lbfgs, memory));
    }

    /** The n2p2 activation letters of the hidden layers and the linear output, e.g. "t t l". */
    String activationLetters() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < hidden.length; k++) sb.append(activation.code).append(' ');
        return sb.append(Activation.IDENTITY.code).toString();
    }

    private static double positive(Arguments a, String key, double fallback) {
        double v = a.real(key, fallback);
        if (!(v > 0)) throw a.error(key + "= must be positive, got " + v);
        return v;
    }
}
