package org.jmd.potentials;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jmd.engine.Arguments;

/**
 * Buckingham parameters of one unordered species pair: E(r) = A·exp(−r/ρ) − C/r⁶ with A in eV,
 * ρ in Å and C in eV·Å⁶, as in LAMMPS's {@code pair_coeff} for {@code buck}.
 */
public record BuckinghamPair(String first, String second, double a, double rho, double c) {

    /** Whether this pair joins the two species, in either order. */
    public boolean joins(String s, String t) {
        return first.equals(s) && second.equals(t) || first.equals(t) && second.equals(s);
    }

    /**
     * Parses {@code A-B:A:rho:C,...} (the value of {@code pairs=}). Every complaint names the
     * entry and the deck line via {@code args}.
     */
    public static List<BuckinghamPair> parseList(String text, Arguments args) {
        List<BuckinghamPair> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : text.split(",", -1)) {
            String e = entry.trim();
            String[] f = e.split(":", -1);
            if (f.length != 4) {
                throw args.error("pairs= entry '" + e + "' should be SPECIES-SPECIES:A:rho:C (A in eV, rho in Å, C in eV·Å^6)");
            }
            String[] sp = f[0].split("-", -1);
            if (sp.length != 2 || sp[0].isBlank() || sp[1].isBlank()) {
                throw args.error("pairs= entry '" + e + "' should start with two species joined by '-', e.g. Zn-O");
            }
            double a = args.parseReal("pairs= " + f[0] + " A", f[1]);
            double rho = args.parseReal("pairs= " + f[0] + " rho", f[2]);
            double c = args.parseReal("pairs= " + f[0] + " C", f[3]);
            if (!(rho > 0)) throw args.error("pairs= " + f[0] + ": rho must be positive, got " + f[2]);
            String key = sp[0].compareTo(sp[1]) <= 0 ? sp[0] + "-" + sp[1] : sp[1] + "-" + sp[0];
            if (!seen.add(key)) throw args.error("pairs= gives " + f[0] + " twice (pairs are unordered: A-B is B-A)");
            out.add(new BuckinghamPair(sp[0], sp[1], a, rho, c));
        }
        return out;
    }
}
