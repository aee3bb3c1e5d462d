package org.jmd.io;

import java.util.Arrays;

/**
 * The words of a line of a data file, split at white space. Written out by hand because files
 * of many thousand lines (training sets, trajectories, n2p2 weights) spent most of their reading
 * time compiling and running a regular expression per line in {@code String.split("\\s+")}.
 */
public final class Words {
    private Words() {}

    /** The words of {@code line}; none for a blank line. */
    public static String[] split(String line) {
        String[] out = new String[8];
        int count = 0, k = 0, n = line.length();
        while (k < n) {
            while (k < n && Character.isWhitespace(line.charAt(k))) k++;
            int start = k;
            while (k < n && !Character.isWhitespace(line.charAt(k))) k++;
            if (k > start) {
                if (count == out.length) out = Arrays.copyOf(out, 2 * count);
                out[count++] = line.substring(start, k);
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }
}
