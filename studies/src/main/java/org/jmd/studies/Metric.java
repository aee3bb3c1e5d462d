package org.jmd.studies;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a headline cell measures and how it is coloured: green when the model is as good as
 * {@code green}, amber up to {@code amber}, red beyond (for errors, on the magnitude; for scores
 * such as an overlap, higher is better). The thresholds are printed with the report's table.
 *
 * @param name        short name, e.g. "a₀ error"
 * @param unit        unit of the value, e.g. "%" or "meV/atom"
 * @param green       bound of the green range
 * @param amber       bound of the amber range
 * @param higherIsBetter true for scores (1 = perfect), false for errors (0 = perfect)
 */
public record Metric(String name, String unit, double green, double amber, boolean higherIsBetter) {
    /** The colour classes of the table. */
    public enum Grade { GREEN, AMBER, RED, NONE }

    /** An error whose magnitude is graded. */
    public static Metric error(String name, String unit, double green, double amber) {
        return new Metric(name, unit, green, amber, false);
    }

    /** A score where higher is better. */
    public static Metric score(String name, String unit, double green, double amber) {
        return new Metric(name, unit, green, amber, true);
    }

    public Grade grade(double value) {
        if (Double.isNaN(value)) return Grade.NONE;
        if (higherIsBetter) return value >= green ? Grade.GREEN : value >= amber ? Grade.AMBER : Grade.RED;
        double m = Math.abs(value);
        return m <= green ? Grade.GREEN : m <= amber ? Grade.AMBER : Grade.RED;
    }

    /** "green ≤ 0.5 %, amber ≤ 2 %" (or ≥ for scores). */
    public String thresholds() {
        String op = higherIsBetter ? "≥" : "|x| ≤";
        return String.format(Locale.ROOT, "green %s %s%s, amber %s %s%s", op, Score.number(green), unitSuffix(), op, Score.number(amber), unitSuffix());
    }

    String unitSuffix() { return unit.isEmpty() ? "" : " " + unit; }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", unit);
        m.put("green", green);
        m.put("amber", amber);
        m.put("higher_is_better", higherIsBetter);
        return m;
    }
}
