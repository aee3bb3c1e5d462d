package org.jmd.serve;

import java.nio.ByteBuffer;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Uncertainty;

/**
 * The free-form "extra" string of a FORCEREADY reply, as JSON that i-PI parses into named
 * extras and ASE hands over as bytes: {@code {"energies": [...]}} with the per-atom energies in
 * Hartree and, for a committee, {@code "force_spread": [...]} with each atom's force spread in
 * Hartree/Bohr (the protocol's units throughout). Written into one reused buffer with the
 * JDK's allocation-free {@code StringBuilder.append(double)} (shortest text that reads back as the
 * same double), rather than with the training reports' {@code Json}, which builds maps and lists.
 */
final class ExtraJson {
    private final StringBuilder text = new StringBuilder();

    /** Builds the string for the last evaluation of {@code n} atoms; {@code spread} may be null. */
    void build(ForceResult r, int n, Uncertainty spread) {
        text.setLength(0);
        text.append("{\"energies\": [");
        for (int i = 0; i < n; i++) number(i, r.atomEnergies[i] / IpiUnits.ENERGY);
        text.append(']');
        if (spread != null) {
            double[] s = spread.forceSpread();
            text.append(", \"force_spread\": [");
            for (int i = 0; i < n; i++) number(i, s[i] / IpiUnits.FORCE);
            text.append(']');
        }
        text.append('}');
    }

    /** Length in bytes (the text is ASCII). */
    int length() { return text.length(); }

    /** Puts the text as ASCII bytes, in pieces as the channel has room. */
    void put(IpiChannel channel) {
        int k = 0, n = text.length();
        while (k < n) {
            ByteBuffer out = channel.room(1);
            int end = Math.min(n, k + out.remaining());
            for (; k < end; k++) out.put((byte) text.charAt(k));
        }
    }

    private void number(int index, double v) {
        if (index > 0) text.append(", ");
        if (Double.isFinite(v)) text.append(v);
        else text.append("null"); // JSON has no NaN or infinity
    }
}
