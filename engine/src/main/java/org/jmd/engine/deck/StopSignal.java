package org.jmd.engine.deck;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets another thread (the JVM's shutdown hook on Ctrl-C) ask a run to stop cleanly: the run
 * finishes its current step, writes its checkpoint, closes its files, and only then does the
 * asking thread return and the JVM exit, so no file is left half written.
 */
public final class StopSignal {
    private volatile boolean requested;
    private final CountDownLatch finished = new CountDownLatch(1);

    /** Asks the run to stop after its current step. */
    public void request() { requested = true; }

    public boolean requested() { return requested; }

    /** Asks the run to stop and waits (at most the given seconds) until it has closed its files. */
    public void requestAndAwait(long seconds) {
        request();
        try {
            finished.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by the deck's owner once everything is written and closed. */
    public void finished() { finished.countDown(); }
}
