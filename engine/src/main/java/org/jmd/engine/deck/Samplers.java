package org.jmd.engine.deck;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.md.Dynamics;

/**
 * The analyses attached to the following runs: when each is due, and writing them all at the end
 * of a run. A sampler counts its steps from the first step it sees, so {@code every=10} samples
 * that step and every tenth after it, across consecutive runs; the step shared by the end of one
 * run and the start of the next is sampled once.
 */
final class Samplers {
    private static final class Attached {
        final Sampler sampler;
        final String command;
        final String where;   // the deck line that attached it, for errors raised while sampling
        long origin = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;

        Attached(Sampler sampler, Arguments at) {
            this.sampler = sampler;
            this.command = at.command();
            this.where = (at.source() == null ? "" : at.source() + ":") + at.line();
        }
    }

    private final List<Attached> attached = new ArrayList<>();

    /** Attaches a sampler; one writing the same file is replaced (and starts afresh). */
    void add(Sampler s, Arguments at) {
        attached.removeIf(a -> a.sampler.file().toAbsolutePath().normalize().equals(s.file().toAbsolutePath().normalize()));
        attached.add(new Attached(s, at));
    }

    boolean isEmpty() { return attached.isEmpty(); }

    /** Samples the state if a sampler is due at this step. */
    void maybeSample(Dynamics d) {
        for (int k = 0; k < attached.size(); k++) {
            Attached a = attached.get(k);
            long step = d.clock.step;
            if (a.origin == Long.MIN_VALUE) a.origin = step;
            if (step == a.last || (step - a.origin) % a.sampler.every() != 0) continue;
            a.last = step;
            try {
                a.sampler.sample(d.system, d.clock.time);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(a.command + " (" + a.where + "): " + e.getMessage(), e);
            }
        }
    }

    /** Writes every sampler's file and prints its summary lines. */
    void writeAll(PrintWriter out) {
        for (Attached a : attached) {
            for (String line : a.sampler.write()) out.println(a.command + ": " + line);
        }
        out.flush();
    }

    /**
     * Writes what can be written while another error is on its way out (a safety stop, Ctrl-C):
     * a sampler that cannot write is reported on the error rather than hiding it.
     */
    void writeAllAfter(Throwable cause, PrintWriter out) {
        for (Attached a : attached) {
            try {
                for (String line : a.sampler.write()) out.println(a.command + ": " + line);
            } catch (InputException | IllegalStateException e) {
                cause.addSuppressed(e);
            }
        }
        out.flush();
    }

    /** The atoms were replaced: what was sampled belongs to the old ones, so the samplers end. */
    void endAll(PrintWriter out, String why) {
        for (Attached a : attached) out.println("note: " + a.command + " -> " + a.sampler.file() + " ends: " + why);
        attached.clear();
    }
}
