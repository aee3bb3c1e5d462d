package org.jmd.engine;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that force kernels split their atoms over. The caller's thread
 * is worker 0 and works too, so a team of one runs everything inline with no threads at all.
 *
 * <p>Determinism is the kernels' side of the contract: work is cut into tasks that do not depend
 * on the team's size (fixed blocks of atoms, see {@link AtomBlocks}), each task writes only its
 * own outputs, and partial sums are reduced in task order afterwards. Which worker runs a task
 * then changes nothing, so energies, forces and trajectories are the same bits for any number of
 * threads. The {@code worker} index only selects scratch buffers.
 *
 * <p>Teams are shared per size and their threads are daemons that park between calls: making a
 * calculator never starts threads of its own. One {@link #run} at a time per team: callers that
 * evaluate in parallel (e.g. many structures at once) give each evaluation a team of one.
 */
public final class ThreadTeam {
    /** One task of a {@link #run}: process task {@code task} using the scratch of {@code worker}. */
    @FunctionalInterface
    public interface Task {
        void run(int task, int worker);
    }

    /**
     * The most threads a team may have. Teams start their threads at once, so a mistyped
     * {@code threads 1000000000} would exhaust the machine's memory and threads; more threads than
     * this is never faster on any machine jmd runs on.
     */
    public static final int MAX_THREADS = 1024;

    private static final ConcurrentHashMap<Integer, ThreadTeam> SHARED = new ConcurrentHashMap<>();
    private static volatile int defaultThreads = Runtime.getRuntime().availableProcessors();
    private static final ThreadTeam SERIAL = new ThreadTeam(1);
    /**
     * Busy-wait iterations before parking: an MD step hands out work several times within a
     * millisecond, and waking a parked thread costs tens of microseconds, so workers and the caller
     * spin briefly first and park only when the team is idle for longer.
     */
    private static final long SPIN_NANOS = 50_000;

    private final int size;
    private final Thread[] workers;
    private final Object lock = new Object();
    // the job in progress; workers pick tasks from next until tasks are exhausted
    private volatile Task task;
    private volatile int tasks;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private volatile long generation;
    private volatile Throwable failure;
    private volatile Thread caller;

    private ThreadTeam(int size) {
        this.size = size;
        this.workers = new Thread[size - 1];
        for (int w = 1; w < size; w++) {
            int id = w;
            Thread t = new Thread(() -> work(id), "jmd-force-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    /** A team of one: everything runs on the caller's thread. */
    public static ThreadTeam serial() { return SERIAL; }

    /** The shared team of {@code threads} workers (the caller's thread included). */
    public static ThreadTeam of(int threads) {
        check(threads);
        if (threads == 1) return SERIAL;
        return SHARED.computeIfAbsent(threads, ThreadTeam::new);
    }

    /** The team of the default size: the available cores unless {@link #setDefaultThreads} said otherwise. */
    public static ThreadTeam defaultTeam() { return of(defaultThreads); }

    public static int defaultThreads() { return defaultThreads; }

    /** Sets the default team size (the {@code --threads} option). */
    public static void setDefaultThreads(int threads) {
        check(threads);
        defaultThreads = threads;
    }

    private static void check(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be at most " + MAX_THREADS + ", got " + threads + " (this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
        }
    }

    public int size() { return size; }

    /**
     * Runs tasks 0..count−1, each exactly once, on the team's workers and the calling thread, and
     * returns when all are done. An exception thrown by a task is rethrown here (the one from the
     * lowest worker that failed first; the other tasks still finish or are skipped).
     */
    public void run(int count, Task job) {
        if (count <= 0) return;
        if (size == 1 || count == 1) {
            for (int t = 0; t < count; t++) job.run(t, 0);
            return;
        }
        synchronized (lock) {
            failure = null;
            next.set(0);
            tasks = count;
            task = job;
            caller = Thread.currentThread();
            active.set(size - 1);
            generation++;
            for (Thread w : workers) LockSupport.unpark(w);
            drain(job, count, 0);
            for (long t0 = System.nanoTime(); active.get() > 0 && System.nanoTime() - t0 < SPIN_NANOS; ) Thread.onSpinWait();
            while (active.get() > 0) LockSupport.park(this);
            task = null;
            caller = null;
            Throwable f = failure;
            if (f != null) {
                if (f instanceof RuntimeException re) throw re;
                if (f instanceof Error e) throw e;
                throw new IllegalStateException(f);
            }
        }
    }

    private void drain(Task job, int count, int worker) {
        try {
            for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
                if (failure != null) continue;
                job.run(t, worker);
            }
        } catch (Throwable e) {
            if (failure == null) failure = e;
            next.set(count);
        }
    }

    private void work(int id) {
        long seen = 0;
        while (true) {
            for (long t0 = System.nanoTime(); generation == seen && System.nanoTime() - t0 < SPIN_NANOS; ) Thread.onSpinWait();
            while (generation == seen) LockSupport.park(this);
            seen = generation;
            Task job = task;
            if (job != null) drain(job, tasks, id);
            Thread c = caller;
            if (active.decrementAndGet() == 0 && c != null) LockSupport.unpark(c);
        }
    }
}
