package org.jmd.potentials;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jmd.engine.Arguments;

/** Fixed point charges per species (e), from {@code charges=Zn:2,O:-2}. */
public final class SpeciesCharges {
    private SpeciesCharges() {}

    public static Map<String, Double> parse(String text, Arguments args) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String entry : text.split(",", -1)) {
            String e = entry.trim();
            String[] f = e.split(":", -1);
            if (f.length != 2 || f[0].isBlank()) throw args.error("charges= entry '" + e + "' should be SPECIES:CHARGE, e.g. Zn:2");
            double q = args.parseReal("charges= " + f[0], f[1]);
            if (out.put(f[0], q) != null) throw args.error("charges= gives " + f[0] + " twice");
        }
        return out;
    }
}
