package org.jmd.studies;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One cell of the headline table: a model's value for a metric, or why it has none (the model
 * failed the test: a relaxation diverged, a liquid exploded), which colours the cell red.
 *
 * @param value   the number, NaN when there is none
 * @param failure what went wrong, or null
 * @param note    a short qualifier shown after the value (e.g. "not converged"), or null
 */
public record Score(double value, String failure, String note) {
    public static Score of(double value) { return new Score(value, null, null); }

    public static Score of(double value, String note) { return new Score(value, null, note); }

    public static Score failed(String why) { return new Score(Double.NaN, why, null); }

    /** No value and no failure: the metric does not apply (e.g. no reference to compare with). */
    public static Score none(String why) { return new Score(Double.NaN, null, why); }

    public boolean isFailure() { return failure != null; }

    public Metric.Grade grade(Metric m) { return failure != null ? Metric.Grade.RED : m.grade(value); }

    /** The cell text: the value (3 significant digits) with its qualifier, or "failed: ...". */
    public String text() {
        if (failure != null) return "failed: " + failure;
        if (Double.isNaN(value)) return note == null ? "—" : note;
        return number(value) + (note == null ? "" : " (" + note + ")");
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        if (failure != null) m.put("failure", failure);
        if (note != null) m.put("note", note);
        return m;
    }

    /** Three significant digits, without an exponent for everyday magnitudes. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        double m = Math.abs(v);
        // round-off of an exact agreement (a model that is the reference) reads as zero
        if (m < 1e-9) return "0";
        if (m >= 1e5 || m < 1e-3) return String.format(Locale.ROOT, "%.2e", v);
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(m)));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
