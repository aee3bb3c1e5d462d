package org.jmd.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A sum over many items (the structures of a training set) on a {@link ThreadTeam} that comes
 * out the same bits for any number of threads: the items are cut into at most {@link #CHUNKS}
 * chunks whose bounds depend on the item count alone, each chunk is summed in item order into a
 * part of its own, and the parts are added to the total in chunk order. The team works on as many
 * chunks at a time as it has workers, so only that many parts exist at once; a worker's scratch
 * (a descriptor workspace) is chosen by its worker index.
 */
public final class ChunkedSum {
    /** Most chunks: enough to share the work out evenly over a few dozen threads. */
    public static final int CHUNKS = 64;

    private ChunkedSum() {}

    /** Adds one item to a chunk's part, using the scratch of {@code worker}. */
    @FunctionalInterface
    public interface Accumulator<P> {
        void add(P part, int item, int worker);
    }

    /**
     * Sums items 0..count−1: {@code newPart} makes an empty part for a chunk, {@code add} adds an
     * item to it, and {@code merge} receives the filled parts in chunk order (on the caller's
     * thread), to add them to the total.
     */
    public static <P> void run(ThreadTeam team, int count, Supplier<P> newPart, Accumulator<P> add, Consumer<P> merge) {
        if (count <= 0) return;
        int size = (count + CHUNKS - 1) / CHUNKS, chunks = (count + size - 1) / size;
        @SuppressWarnings("unchecked")
        P[] parts = (P[]) new Object[Math.min(team.size(), chunks)];
        for (int first = 0; first < chunks; first += parts.length) {
            int base = first, batch = Math.min(parts.length, chunks - first);
            team.run(batch, (j, worker) -> {
                P part = newPart.get();
                int from = (base + j) * size, to = Math.min(count, from + size);
                for (int item = from; item < to; item++) add.add(part, item, worker);
                parts[j] = part;
            });
            for (int j = 0; j < batch; j++) {
                merge.accept(parts[j]);
                parts[j] = null;
            }
        }
    }
}
