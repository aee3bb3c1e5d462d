package org.jmd.potentials;

import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/** {@code potential tersoff FILE [elements=...]}: Tersoff from a LAMMPS {@code .tersoff} file. */
public final class TersoffProvider implements PotentialProvider {
    @Override public String name() { return "tersoff"; }

    @Override public String usage() { return "tersoff " + ManybodyFileArguments.USAGE; }

    @Override public Potential create(Arguments a) {
        return ManybodyFileArguments.read(a, Tersoff::read);
    }
}
