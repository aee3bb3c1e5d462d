package org.jmd.engine.opt;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Arrays of doubles in an optimizer's saved state (training checkpoints), bit for bit, each with its length. */
public final class StateIO {
    private StateIO() {}

    public static void write(DataOutput out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeLong(Double.doubleToRawLongBits(v));
    }

    /** Reads into {@code a}, whose length the saved array must have. */
    public static void read(DataInput in, double[] a) throws IOException {
        int n = in.readInt();
        if (n != a.length) throw new IOException("an array of " + n + " numbers where " + a.length + " were expected");
        for (int k = 0; k < n; k++) a[k] = Double.longBitsToDouble(in.readLong());
    }
}
