package org.jmd.training.nnp;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Arrays of doubles in a training checkpoint, bit for bit, each with its length. */
final class StateIO {
    private StateIO() {}

    static void write(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeLong(Double.doubleToRawLongBits(v));
    }

    /** Reads into {@code a}, whose length the saved array must have. */
    static void read(DataInputStream in, double[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) throw new IOException("an array of " + n + " numbers where " + a.length + " were expected");
        for (int k = 0; k < n; k++) a[k] = Double.longBitsToDouble(in.readLong());
    }
}
