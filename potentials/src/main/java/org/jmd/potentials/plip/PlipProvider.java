package org.jmd.potentials.plip;

import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/** {@code potential plip FILE [tabulate=yes|no]}: a PLIP model file (docs/plip.md), tabulated radial functions by default. */
public final class PlipProvider implements PotentialProvider {
    @Override public String name() { return "plip"; }

    @Override public String usage() { return "plip FILE [tabulate=yes]   (PLIP model: element offsets and 2-, 3- and many-body Gaussian terms with weights; see docs/plip.md)"; }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(1);
        Path file = a.path(0, "PLIP model file");
        boolean tabulate = a.bool("tabulate", true);
        return new PlipPotential(PlipModel.read(file), "plip " + file + (tabulate ? "" : " tabulate=no"),
                tabulate ? PlipKernel.Radial.TABULATED : PlipKernel.Radial.EXACT);
    }
}
