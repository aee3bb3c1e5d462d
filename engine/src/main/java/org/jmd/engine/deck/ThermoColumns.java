package org.jmd.engine.deck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.Units;
import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Thermodynamics;

/**
 * The built-in thermo columns. {@link #DEFAULT} are always written, in this order (the names
 * LAMMPS's {@code thermo_style} uses); the others are asked for with {@code thermo extra=...}.
 */
final class ThermoColumns {
    private ThermoColumns() {}

    /** Column that needs a potential implementing {@link Uncertainty}. */
    static final String FORCE_SPREAD = "fspread";

    static final List<String> DEFAULT = List.of("step", "time", "pe", "ke", "etotal", "temp", "press", "vol");

    static Map<String, ThermoColumn> builtIn() {
        Map<String, ThermoColumn> m = new LinkedHashMap<>();
        m.put("step", new ThermoColumn() {
            @Override public String name() { return "step"; }
            @Override public String unit() { return ""; }
            @Override public double value(Dynamics d, org.jmd.engine.md.Integrator i) { return d.clock.step; }
            @Override public boolean whole() { return true; }
        });
        put(m, ThermoColumn.of("time", "fs", (d, i) -> d.clock.time));
        put(m, ThermoColumn.of("pe", "eV", (d, i) -> d.forces.energy));
        put(m, ThermoColumn.of("ke", "eV", (d, i) -> Thermodynamics.kineticEnergy(d.system)));
        put(m, ThermoColumn.of("etotal", "eV", (d, i) -> d.forces.energy + Thermodynamics.kineticEnergy(d.system)));
        put(m, ThermoColumn.of("temp", "K", (d, i) -> Thermodynamics.temperature(d.system)));
        put(m, ThermoColumn.of("press", "bar", (d, i) -> Thermodynamics.pressure(d.system, d.forces)));
        put(m, ThermoColumn.of("vol", "Å³", (d, i) -> d.system.cell().volume()));
        // conserved quantity of a thermostatted run: total energy plus what the reservoir took
        put(m, ThermoColumn.of("econs", "eV", (d, i) -> d.forces.energy + Thermodynamics.kineticEnergy(d.system)
                + (i == null ? 0 : i.reservoirEnergy())));
        put(m, ThermoColumn.of("fmax", "eV/Å", (d, i) -> maxAtomForce(d.forces.forces)));
        // a potential that reports its own uncertainty (a committee): the largest per-atom force spread
        put(m, ThermoColumn.of(FORCE_SPREAD, "eV/Å", (d, i) -> d.calculator.workspace() instanceof Uncertainty u
                ? u.maxForceSpread() : Double.NaN));
        String[] axes = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            final int k = a;
            put(m, ThermoColumn.of("l" + axes[a], "Å", (d, i) -> d.system.cell().h(k, k)));
        }
        int[][] pairs = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int[] p : pairs) {
            put(m, ThermoColumn.of("p" + axes[p[0]] + axes[p[1]], "bar", (d, i) -> pressureComponent(d, p[0], p[1])));
        }
        return m;
    }

    private static void put(Map<String, ThermoColumn> m, ThermoColumn c) { m.put(c.name(), c); }

    /** Largest force magnitude on one atom (eV/Å), the quantity minimizers converge on. */
    static double maxAtomForce(double[] f) {
        double m2 = 0;
        for (int i = 0; i < f.length; i += 3) {
            double f2 = f[i] * f[i] + f[i + 1] * f[i + 1] + f[i + 2] * f[i + 2];
            if (!(f2 <= m2)) m2 = f2; // NaN propagates
        }
        return Math.sqrt(m2);
    }

    /** P_ab = (Σ m v_a v_b + W_ab) / V in bar, as LAMMPS's pxx..pyz; zero for a non-periodic system. */
    private static double pressureComponent(Dynamics d, int a, int b) {
        if (!d.system.cell().fullyPeriodic()) return 0;
        double[] k = Thermodynamics.kineticTensor(d.system);
        return (k[3 * a + b] + d.forces.virial[3 * a + b]) / d.system.cell().volume() * Units.EV_PER_A3_IN_BAR;
    }
}
