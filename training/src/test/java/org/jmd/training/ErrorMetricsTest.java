package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.io.Frame;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;

class ErrorMetricsTest {
    private static LabelledStructure structure(String type, double energy, double[] forces) {
        int n = forces == null ? 2 : forces.length / 3;
        String[] symbols = new String[n];
        java.util.Arrays.fill(symbols, "Si");
        Frame f = new Frame(AtomicSystem.of(Cell.open(), symbols, new double[3 * n]));
        f.energy = energy;
        f.forces = forces;
        f.info.put("config_type", type);
        return new LabelledStructure(f, type);
    }

    private static ForceResult prediction(double energy, double[] forces) {
        ForceResult r = new ForceResult();
        r.reset(forces.length / 3);
        r.energy = energy;
        System.arraycopy(forces, 0, r.forces, 0, forces.length);
        return r;
    }

    /**
     * By hand: A (2 atoms) energy off by +0.010 eV → +5 meV/atom, force components off by
     * 0.1, −0.2, 0, 0, 0, 0.3; B (1 atom) off by −0.003 eV → −3 meV/atom, forces 0, 0, 0.4.
     * Energy MAE = (5+3)/2 = 4, RMSE = sqrt((25+9)/2) = sqrt(17); force MAE = (0.1+0.2+0.3+0.4)/9,
     * RMSE = sqrt((0.01+0.04+0.09+0.16)/9).
     */
    @Test void handComputedErrorsOverallAndPerConfigType() {
        LabelledStructure a = structure("bulk", -10.0, new double[] {1, 2, 3, 4, 5, 6});
        LabelledStructure b = structure("surface", -5.0, new double[] {0, 0, 1});
        ForceResult pa = prediction(-9.99, new double[] {1.1, 1.8, 3, 4, 5, 6.3});
        ForceResult pb = prediction(-5.003, new double[] {0, 0, 1.4});
        ErrorMetrics m = ErrorMetrics.of(List.of(a, b), List.of(pa, pb));
        assertEquals(4.0, m.overall().energyMae(), 1e-9);
        assertEquals(Math.sqrt(17), m.overall().energyRmse(), 1e-9);
        assertEquals(1.0 / 9, m.overall().forceMae(), 1e-12);
        assertEquals(Math.sqrt(0.30 / 9), m.overall().forceRmse(), 1e-12);
        assertEquals(5.0, m.byConfigType().get("bulk").energyMae(), 1e-9);
        assertEquals(0.6 / 6, m.byConfigType().get("bulk").forceMae(), 1e-12);
        assertEquals(3.0, m.byConfigType().get("surface").energyRmse(), 1e-9);
        assertEquals(0.4 / 3, m.byConfigType().get("surface").forceMae(), 1e-12);
    }

    /** Structures without reference forces count for energies only; with none at all the force errors are null in JSON. */
    @Test void noForcesGivesNullForceErrors() {
        LabelledStructure a = structure("x", -1.0, null);
        ErrorMetrics m = ErrorMetrics.of(List.of(a), List.of(prediction(-1.0, new double[6])));
        assertTrue(Double.isNaN(m.overall().forceMae()));
        Map<String, Object> json = m.json();
        assertEquals(List.of("energy_mae", "energy_rmse", "force_mae", "force_rmse", "by_config_type"), List.copyOf(json.keySet()));
        assertTrue(Json.write(json).contains("\"force_mae\": null"));
    }
}
