package org.jmd.potentials;

import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/** {@code potential sw FILE [elements=...]}: Stillinger–Weber from a LAMMPS {@code .sw} file. */
public final class StillingerWeberProvider implements PotentialProvider {
    @Override public String name() { return "sw"; }

    @Override public String usage() { return "sw " + ManybodyFileArguments.USAGE; }

    @Override public Potential create(Arguments a) {
        return ManybodyFileArguments.read(a, StillingerWeber::read);
    }
}
