package org.jmd.engine;

/**
 * The fixed split of atoms into blocks that every threaded kernel uses: block b holds atoms
 * [b·SIZE, min((b+1)·SIZE, n)). The split depends on the number of atoms only, never on the
 * number of threads, so per-block partial sums reduced in block order give the same bits
 * whatever the team's size.
 */
public final class AtomBlocks {
    /** Atoms per block: large enough that a block's work dwarfs handing it out, small enough to balance 2–64 threads. */
    public static final int SIZE = 64;

    private AtomBlocks() {}

    public static int count(int atoms) { return (atoms + SIZE - 1) / SIZE; }

    public static int first(int block) { return block * SIZE; }

    public static int end(int block, int atoms) { return Math.min(atoms, (block + 1) * SIZE); }
}
