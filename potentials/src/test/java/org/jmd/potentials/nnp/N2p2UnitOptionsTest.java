package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Units;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

/**
 * The unit options of {@code potential nnp}: n2p2's H2O example (Bohr, Hartree) evaluated on the
 * structure in Å and read back in eV reproduces n2p2's own prediction (reference.txt), energy to
 * 1e-9 relative and every force component to 1e-7 of the largest. The prediction in the
 * potential's own units is a golden file (reference/n2p2/NAME/golden.extxyz, GoldenFilesTest in cli).
 */
class N2p2UnitOptionsTest {
    /** H2O (Bohr, Hartree) evaluated on the structure in Å with unit options; results converted back. */
    @Test void unitConversionPathReproducesN2p2() throws Exception {
        Path dir = ReferenceData.dir("H2O_RPBE-D3");
        double[] ref = ReferenceData.reference(dir);
        AtomicSystem bohr = ReferenceData.structure(dir);
        double[] h = bohr.cell().matrix();
        for (int k = 0; k < 9; k++) h[k] *= Units.BOHR;
        double[] x = bohr.x.clone();
        for (int k = 0; k < x.length; k++) x[k] *= Units.BOHR;
        AtomicSystem s = new AtomicSystem(new Cell(h, bohr.cell().pbc()), bohr.speciesTable(), bohr.type, x);
        var p = PotentialRegistry.load().create("nnp \"" + dir + "\" length_unit=bohr energy_unit=hartree", null);
        assertEquals(12.0 * Units.BOHR, p.cutoff(), 1e-12, "cutoff in Å");
        ForceResult r = Consistency.evaluate(p, s);
        compare("H2O via Å and eV", ref, r.energy, r.forces, Units.HARTREE, Units.HARTREE / Units.BOHR);
    }

    /** Compares energy/energyUnit and forces/forceUnit with reference.txt. */
    static void compare(String name, double[] ref, double energy, double[] forces, double energyUnit, double forceUnit) {
        double maxRef = 0, worst = 0;
        int n = (ref.length - 1) / 3;
        for (int k = 0; k < 3 * n; k++) maxRef = Math.max(maxRef, Math.abs(ref[1 + k]));
        for (int k = 0; k < 3 * n; k++) worst = Math.max(worst, Math.abs(forces[k] / forceUnit - ref[1 + k]));
        double energyError = Math.abs(energy / energyUnit - ref[0]) / Math.abs(ref[0]);
        System.out.printf("%s: relative energy error %.3e; worst force error %.3e = %.3e of the largest force%n",
                name, energyError, worst, worst / maxRef);
        assertTrue(energyError < 1e-9, name + ": relative energy error " + energyError);
        assertTrue(worst / maxRef < 1e-7, name + ": worst force error relative to the largest force " + worst / maxRef);
    }
}
