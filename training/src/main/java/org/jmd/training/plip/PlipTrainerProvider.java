package org.jmd.training.plip;

import org.jmd.engine.Arguments;
import org.jmd.training.Trainer;
import org.jmd.training.TrainerProvider;

/** {@code model plip [grid options] [energy_weight=W] [alpha=A] [alphas=N] [alpha_min_ratio=R]}. */
public final class PlipTrainerProvider implements TrainerProvider {
    @Override public String name() { return "plip"; }

    @Override public String usage() {
        return "plip [rc2= a2= b2=] [rc3= a3= b3= lmax=] [rcn= an= bn= powers=] [energy_weight=100] [alpha=A] [alphas=32] [alpha_min_ratio=1e-8]"
                + "   (PLIP fitted by LassoLars; lists as v1,v2 or start:stop:step; see docs/plip.md)";
    }

    @Override public Trainer create(Arguments args) { return PlipTrainer.fromArguments(args); }
}
