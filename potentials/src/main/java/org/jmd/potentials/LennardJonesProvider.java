package org.jmd.potentials;

import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/** {@code potential lj epsilon=E sigma=S cutoff=RC} (eV, Å, Å). */
public final class LennardJonesProvider implements PotentialProvider {
    @Override public String name() { return "lj"; }

    @Override public String usage() { return "lj epsilon=E sigma=S cutoff=RC   (eV, Å, Å; energy shifted to zero at RC)"; }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(0);
        double eps = a.real("epsilon"), sigma = a.real("sigma"), rc = a.real("cutoff");
        if (!(sigma > 0)) throw a.error("sigma must be positive");
        if (!(rc > 0)) throw a.error("cutoff must be positive");
        return new LennardJones(eps, sigma, rc);
    }
}
