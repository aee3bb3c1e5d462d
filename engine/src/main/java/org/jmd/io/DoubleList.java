package org.jmd.io;

import java.util.Arrays;

/**
 * A growable primitive array. Readers fill these as lines arrive instead of allocating what a
 * header claims, so a count of 10⁹ atoms in a short file costs nothing before the file ends;
 * and a large block is read without boxing every number.
 */
final class DoubleList {
    private double[] a = new double[64];
    private int size;

    void add(double v) {
        if (size == a.length) a = Arrays.copyOf(a, 2 * size);
        a[size++] = v;
    }

    int size() { return size; }

    /** The value added last. */
    double last() { return a[size - 1]; }

    double[] toArray() { return Arrays.copyOf(a, size); }
}
