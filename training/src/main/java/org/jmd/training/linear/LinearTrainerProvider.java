package org.jmd.training.linear;

import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.training.Trainer;
import org.jmd.training.TrainerProvider;

/**
 * {@code model linear [symfunctions=FILE] [energy_weight=W] [force_weight=W] [ridge=λ]}: the
 * linear model on Behler–Parrinello descriptors. Defaults (chosen on the Si and ZnO sets, see
 * docs/linear.md): the default symmetry functions of {@code DefaultSymmetryFunctions},
 * energy_weight {@value #ENERGY_WEIGHT} per (eV/atom)², force_weight {@value #FORCE_WEIGHT} per
 * (eV/Å)², ridge {@value #RIDGE} on standardised functions.
 */
public final class LinearTrainerProvider implements TrainerProvider {
    public static final double ENERGY_WEIGHT = 100.0;
    public static final double FORCE_WEIGHT = 1.0;
    public static final double RIDGE = 1e-4;

    @Override public String name() { return "linear"; }

    @Override public String usage() {
        return "linear [symfunctions=FILE] [energy_weight=" + ENERGY_WEIGHT + "] [force_weight=" + FORCE_WEIGHT + "] [ridge=" + RIDGE
                + "]   (E_i = E_ref(Z) + b_Z + w_Z.G_i fitted to energies per atom and forces; FILE holds cutoff_type and"
                + " symfunction_short lines in n2p2's input.nn format)";
    }

    @Override public Trainer create(Arguments a) {
        if (a.positionalCount() > 0) throw a.error("takes only key=value options, got '" + a.positional().get(0) + "'");
        Path sf = a.has("symfunctions") ? a.resolve(a.string("symfunctions")) : null;
        double we = nonNegative(a, "energy_weight", ENERGY_WEIGHT);
        double wf = nonNegative(a, "force_weight", FORCE_WEIGHT);
        double ridge = nonNegative(a, "ridge", RIDGE);
        if (we == 0 && wf == 0) throw a.error("energy_weight and force_weight are both 0: nothing to fit");
        return new LinearTrainer(new LinearTrainer.Options(sf, we, wf, ridge));
    }

    private static double nonNegative(Arguments a, String key, double fallback) {
        double v = a.real(key, fallback);
        if (!(v >= 0) || Double.isInfinite(v)) throw a.error(key + " must be a finite number >= 0, got " + a.string(key));
        return v;
    }
}
