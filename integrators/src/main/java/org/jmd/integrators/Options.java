package org.jmd.integrators;

import org.jmd.engine.Arguments;

/** Reading the physical options the ensembles share, with the checks every one of them needs. */
final class Options {
    private Options() {}

    /** A required option that must be a positive number, e.g. temperature= (K) or damping= (fs). */
    static double positive(Arguments a, String key, String unit) {
        double v = a.real(key);
        if (!(v > 0)) throw a.error(key + "= must be positive (" + unit + "), got " + a.string(key));
        return v;
    }

    /** seed=S, or the fixed default seed. */
    static long seed(Arguments a) {
        if (!a.has("seed")) return RandomStream.DEFAULT_SEED;
        String s = a.string("seed");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw a.error("seed= expects a whole number, got '" + s + "'");
        }
    }
}
