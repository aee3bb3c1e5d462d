package org.jmd.potentials.plip;

import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/** {@code potential plip FILE}: a PLIP model file (docs/plip.md). */
public final class PlipProvider implements PotentialProvider {
    @Override public String name() { return "plip"; }

    @Override public String usage() { return "plip FILE   (PLIP model: element offsets and 2-, 3- and many-body Gaussian terms with weights; see docs/plip.md)"; }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(1);
        Path file = a.path(0, "PLIP model file");
        return new PlipPotential(PlipModel.read(file), "plip " + file);
    }
}
