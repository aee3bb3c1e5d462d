package org.jmd.integrators;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jmd.engine.InputException;

/**
 * The byte form of an integrator's restart state: a tag naming the integrator, its scalar
 * variables (thermostat positions and velocities, exchanged energies) and, for stochastic ones,
 * the random generator's state. The tag keeps a checkpoint of one ensemble from being loaded
 * into another.
 */
final class IntegratorState {
    private static final int VERSION = 1;

    private IntegratorState() {}

    static byte[] encode(String tag, double[] values, byte[] random) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(VERSION);
            out.writeUTF(tag);
            out.writeInt(values.length);
            for (double v : values) out.writeDouble(v);
            out.writeInt(random == null ? -1 : random.length);
            if (random != null) out.write(random);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded parts; {@code random} is null when none was saved. */
    record Decoded(double[] values, byte[] random) {}

    static Decoded decode(String tag, byte[] state, int expectedValues) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int version = in.readInt();
            if (version != VERSION) throw new InputException("restart state has version " + version + ", this jmd reads " + VERSION);
            String saved = in.readUTF();
            if (!saved.equals(tag)) {
                throw new InputException("restart state belongs to integrator '" + saved + "', not '" + tag + "'");
            }
            int n = in.readInt();
            if (n != expectedValues) throw new InputException("restart state of '" + tag + "' holds " + n + " values, expected " + expectedValues);
            double[] values = new double[n];
            for (int k = 0; k < n; k++) values[k] = in.readDouble();
            int m = in.readInt();
            byte[] random = null;
            if (m >= 0) {
                random = new byte[m];
                in.readFully(random);
            }
            return new Decoded(values, random);
        } catch (IOException e) {
            throw new InputException("restart state of '" + tag + "' is truncated or corrupt");
        }
    }
}
