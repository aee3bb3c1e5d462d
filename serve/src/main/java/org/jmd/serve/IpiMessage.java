package org.jmd.serve;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The headers of the i-PI socket protocol: 12 ASCII bytes, the word padded with spaces. The
 * server (i-PI, ASE's {@code SocketIOCalculator}) sends STATUS, INIT, POSDATA, GETFORCE and EXIT;
 * the client answers STATUS with NEEDINIT, READY or HAVEDATA, and GETFORCE with FORCEREADY.
 */
public enum IpiMessage {
    STATUS, INIT, POSDATA, GETFORCE, EXIT,
    NEEDINIT, READY, HAVEDATA, FORCEREADY;

    /** Length of every header in bytes. */
    public static final int HEADER_LENGTH = 12;

    private static final IpiMessage[] ALL = values();

    private final byte[] header = new byte[HEADER_LENGTH];

    IpiMessage() {
        byte[] word = name().getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, (byte) ' ');
        System.arraycopy(word, 0, header, 0, word.length);
    }

    /** Writes the 12-byte header. */
    public void put(ByteBuffer out) { out.put(header); }

    /** The header at {@code in}'s position (12 bytes, not consumed), or null if it is none of the protocol's. */
    public static IpiMessage match(ByteBuffer in) {
        int at = in.position();
        for (IpiMessage m : ALL) {
            boolean same = true;
            for (int k = 0; k < HEADER_LENGTH && same; k++) same = in.get(at + k) == m.header[k];
            if (same) return m;
        }
        return null;
    }

    /**
     * 12 bytes as a reader can check them: printable ASCII as it is, anything else as \xNN,
     * e.g. {@code 'POSDAT\x00\x00...'} for a header that is not one.
     */
    public static String show(ByteBuffer in, int at, int length) {
        StringBuilder sb = new StringBuilder("'");
        for (int k = 0; k < length; k++) {
            int b = in.get(at + k) & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\') sb.append((char) b);
            else sb.append(String.format("\\x%02x", b));
        }
        return sb.append('\'').toString();
    }
}
