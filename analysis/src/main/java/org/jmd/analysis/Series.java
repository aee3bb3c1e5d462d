package org.jmd.analysis;

import java.util.Arrays;

/** A growing list of doubles without a boxed value per entry (a time series, frames of velocities). */
final class Series {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, 2 * size);
        values[size++] = v;
    }

    /** Appends {@code count} values of {@code from}, starting at 0. */
    void addAll(double[] from, int count) {
        if (size + count > values.length) values = Arrays.copyOf(values, Math.max(2 * values.length, size + count));
        System.arraycopy(from, 0, values, size, count);
        size += count;
    }

    double get(int k) { return values[k]; }

    int size() { return size; }

    /** The backing array (valid up to {@link #size()}), for loops over stored frames. */
    double[] array() { return values; }

    double[] toArray() { return Arrays.copyOf(values, size); }
}
