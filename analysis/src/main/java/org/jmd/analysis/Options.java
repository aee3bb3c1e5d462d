package org.jmd.analysis;

import org.jmd.engine.Arguments;

/** The numeric options of the analysis commands, each checked with a message naming it. */
final class Options {
    private Options() {}

    static int every(Arguments a) {
        int every = a.integer("every");
        if (every < 1) throw a.error("every= must be at least 1, got " + every);
        return every;
    }

    static double cutoff(Arguments a) {
        double rc = a.real("cutoff");
        if (!(rc > 0)) throw a.error("cutoff= must be positive (Å), got " + rc);
        return rc;
    }

    static int bins(Arguments a) {
        int bins = a.integer("bins");
        if (bins < 1 || bins > 1_000_000) throw a.error("bins= must be between 1 and 1000000, got " + bins);
        return bins;
    }

    /** The command takes options only. */
    static void noPositional(Arguments a) { a.requirePositionalAtMost(0); }
}
