package org.jmd.training.nnp;

import org.jmd.engine.Arguments;
import org.jmd.training.Trainer;
import org.jmd.training.TrainerProvider;

/** {@code model nnp [options]}: a Behler–Parrinello neural-network potential saved in n2p2's format. */
public final class NnpTrainerProvider implements TrainerProvider {
    @Override public String name() { return "nnp"; }

    @Override public String usage() { return NnpSettings.USAGE; }

    @Override public Trainer create(Arguments args) { return new NnpTrainer(NnpSettings.read(args)); }
}
