package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.io.Frame;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

class ReferenceEnergiesTest {
    private static LabelledStructure structure(double energy, String... symbols) {
        double[] x = new double[3 * symbols.length];
        for (int i = 0; i < symbols.length; i++) x[3 * i] = 3.0 * i;
        Frame f = new Frame(AtomicSystem.of(Cell.open(), symbols, x));
        f.energy = energy;
        return new LabelledStructure(f, "");
    }

    /** Si2 = −10, SiO = −8, O2 = −6, SiO2 = −11: solved by hand, e_Si = −5, e_O = −3, exactly consistent. */
    @Test void exactCompositionsGiveTheHandSolution() {
        var fit = ReferenceEnergies.fit(List.of(structure(-10, "Si", "Si"), structure(-8, "Si", "O"), structure(-6, "O", "O"),
                structure(-11, "Si", "O", "O")));
        assertEquals(-5.0, fit.energies().get("Si"), 1e-12);
        assertEquals(-3.0, fit.energies().get("O"), 1e-12);
        assertEquals(2, fit.rank());
        assertTrue(fit.fullyDetermined());
        assertEquals(0.0, fit.rmse(), 1e-12);
    }

    /**
     * Inconsistent data: Si1 = −5, Si1 = −4 (two measurements of one atom) → least squares gives
     * their mean −4.5, residuals ±0.5 eV/atom, RMSE 0.5.
     */
    @Test void leastSquaresAveragesInconsistentData() {
        var fit = ReferenceEnergies.fit(List.of(structure(-5, "Si"), structure(-4, "Si")));
        assertEquals(-4.5, fit.energies().get("Si"), 1e-12);
        assertEquals(0.5, fit.rmse(), 1e-12);
    }

    /**
     * Stoichiometric ZnO only (ZnO = −9, Zn2O2 = −18): only e_Zn + e_O = −9 is fixed; the
     * minimum-norm solution splits it evenly, −4.5 each, and the rank says one combination.
     */
    @Test void rankDeficientCompositionsUseTheMinimumNormSolution() {
        var fit = ReferenceEnergies.fit(List.of(structure(-9, "Zn", "O"), structure(-18, "Zn", "O", "Zn", "O")));
        assertEquals(1, fit.rank());
        assertFalse(fit.fullyDetermined());
        assertEquals(-4.5, fit.energies().get("Zn"), 1e-12);
        assertEquals(-4.5, fit.energies().get("O"), 1e-12);
        assertEquals(List.of("O", "Zn"), List.copyOf(fit.energies().keySet()));
    }
}
