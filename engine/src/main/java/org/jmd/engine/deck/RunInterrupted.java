package org.jmd.engine.deck;

/** A run stopped on request (Ctrl-C) after writing its checkpoint; the rest of the deck is skipped. */
public final class RunInterrupted extends RuntimeException {
    private final long step;

    RunInterrupted(long step, String detail) {
        super("interrupted at step " + step + (detail.isEmpty() ? "" : "; " + detail));
        this.step = step;
    }

    public long step() { return step; }
}
