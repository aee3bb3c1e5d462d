package org.jmd.training;

import org.jmd.engine.Arguments;

/** {@code model toy [sigma=S] [cutoff=RC] [epochs=N]}: see {@link ToyTrainer}. Registered in test resources. */
public final class ToyTrainerProvider implements TrainerProvider {
    @Override public String name() { return "toy"; }

    @Override public String usage() { return "toy [sigma=2.0] [cutoff=5.0] [epochs=10]"; }

    @Override public Trainer create(Arguments a) {
        double sigma = a.real("sigma", 2.0), cutoff = a.real("cutoff", 5.0);
        int epochs = a.integer("epochs", 10);
        if (epochs < 1) throw a.error("epochs must be at least 1");
        return new ToyTrainer(sigma, cutoff, epochs);
    }
}
