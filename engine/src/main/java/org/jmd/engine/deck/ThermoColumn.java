package org.jmd.engine.deck;

import org.jmd.engine.md.Dynamics;
import org.jmd.engine.md.Integrator;

/**
 * One column of thermo output: a name for the CSV header and screen, its unit for the docs, and
 * how to compute it from the current state. New quantities (a committee's force spread, a
 * stress component) are added by registering another column with
 * {@link Simulation#addThermoColumn}; nothing else changes.
 */
public interface ThermoColumn {
    String name();

    /** Unit, e.g. "eV"; empty for counts. */
    String unit();

    /** The value at the current state; {@code integrator} may be null (e.g. during minimization). */
    double value(Dynamics d, Integrator integrator);

    /** Whether the value is a whole number (printed without decimals). */
    default boolean whole() { return false; }

    /** A column from a name, unit and function. */
    static ThermoColumn of(String name, String unit, Value value) {
        return new ThermoColumn() {
            @Override public String name() { return name; }
            @Override public String unit() { return unit; }
            @Override public double value(Dynamics d, Integrator integrator) { return value.of(d, integrator); }
        };
    }

    /** A column of whole numbers without a unit (a step or iteration count). */
    static ThermoColumn count(String name, java.util.function.ToLongFunction<Dynamics> count) {
        return new ThermoColumn() {
            @Override public String name() { return name; }
            @Override public String unit() { return ""; }
            @Override public double value(Dynamics d, Integrator integrator) { return count.applyAsLong(d); }
            @Override public boolean whole() { return true; }
        };
    }

    /** The computation behind a column. */
    interface Value {
        double of(Dynamics d, Integrator integrator);
    }
}
