package org.jmd.potentials.nnp;

import org.jmd.engine.Arguments;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;
import org.jmd.engine.Units;

/**
 * {@code potential nnp DIR [length_unit=bohr|angstrom] [energy_unit=hartree|ev]}: an n2p2
 * potential directory. Without unit options the structure's numbers are taken in the potential's
 * own units; with them, jmd's Å and eV are converted into the potential's units and back.
 */
public final class N2p2PotentialProvider implements PotentialProvider {
    @Override public String name() { return "nnp"; }

    @Override public String usage() {
        return "nnp DIR [length_unit=bohr|angstrom] [energy_unit=hartree|ev]   (n2p2 input.nn, scaling.data, weights.ZZZ.data;"
                + " give the units the potential was trained in to use it with Å and eV)";
    }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(1);
        java.nio.file.Path dir = a.path(0, "n2p2 potential directory");
        double length = 1.0, energy = 1.0;
        if (a.has("length_unit")) length = a.choice("length_unit", null, "bohr", "angstrom").equals("bohr") ? Units.BOHR : 1.0;
        if (a.has("energy_unit")) energy = a.choice("energy_unit", null, "hartree", "ev").equals("hartree") ? Units.HARTREE : 1.0;
        StringBuilder d = new StringBuilder("nnp ").append(dir);
        if (a.has("length_unit")) d.append(" length_unit=").append(a.string("length_unit"));
        if (a.has("energy_unit")) d.append(" energy_unit=").append(a.string("energy_unit"));
        return new N2p2Potential(dir, length, energy, d.toString());
    }
}
