package org.jmd.engine.deck;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress report for long runs (step, steps per second, time left), redrawn at most
 * once a second with a carriage return. Only for a terminal: in a log file it would be noise.
 */
final class Progress {
    private final PrintWriter out;
    private final boolean enabled;
    private long startNanos, lastNanos, total, first;
    private boolean shown;

    Progress(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    void start(long firstStep, long steps) {
        first = firstStep;
        total = steps;
        startNanos = lastNanos = System.nanoTime();
        shown = false;
    }

    void update(long step) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (now - lastNanos < 1_000_000_000L) return;
        lastNanos = now;
        long done = step - first;
        double rate = done / ((now - startNanos) * 1e-9);
        double left = (total - done) / rate;
        out.print(String.format(Locale.ROOT, "\rstep %d of %d  %.1f steps/s  %s left   ", done, total, rate, duration(left)));
        out.flush();
        shown = true;
    }

    /** Erases the progress line, if one is showing, so other output starts on a clean line. */
    void clear() {
        if (shown) {
            out.print("\r" + " ".repeat(60) + "\r");
            out.flush();
        }
        shown = false;
    }

    private static String duration(double s) {
        if (!Double.isFinite(s)) return "?";
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
