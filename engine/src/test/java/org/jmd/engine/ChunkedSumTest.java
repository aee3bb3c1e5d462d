package org.jmd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sums whose rounding depends on their order (terms over twenty orders of magnitude) come out the
 * same bits on teams of 1, 2, 3 and 5 workers, for item counts below, at and far above the
 * chunk count; every item is added once, chunks arrive in order, and a failure in a task
 * reaches the caller.
 */
class ChunkedSumTest {
    /** A part: its first and last item (to check the order) and a sum. */
    static final class Part {
        int first = -1, last = -1, items;
        double sum;
    }

    @Test void sameBitsForAnyTeamSizeAndItemsInOrder() {
        for (int count : new int[] {1, 7, 64, 65, 1000}) {
            double[] terms = new double[count];
            SplittableRandom rng = new SplittableRandom(count);
            for (int k = 0; k < count; k++) terms[k] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(20));
            long expected = 0;
            for (int threads : new int[] {1, 2, 3, 5}) {
                List<Part> merged = new ArrayList<>();
                double[] total = new double[1];
                ChunkedSum.run(ThreadTeam.of(threads), count, Part::new, (p, k, worker) -> {
                    if (p.first < 0) p.first = k;
                    assertEquals(p.last < 0 ? k : p.last + 1, k, "items of a chunk in order");
                    p.last = k;
                    p.items++;
                    p.sum += terms[k];
                }, p -> {
                    merged.add(p);
                    total[0] += p.sum;
                });
                int next = 0;
                for (Part p : merged) {
                    assertEquals(next, p.first, "chunks merged in order");
                    next = p.last + 1;
                }
                assertEquals(count, next, "every item once");
                int size = (count + ChunkedSum.CHUNKS - 1) / ChunkedSum.CHUNKS;  // the chunk size depends on the count only
                assertEquals((count + size - 1) / size, merged.size(), count + " items");
                long bits = Double.doubleToRawLongBits(total[0]);
                if (threads == 1) expected = bits;
                assertEquals(expected, bits, count + " items on " + threads + " threads");
            }
        }
    }

    @Test void aFailingItemReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChunkedSum.run(ThreadTeam.of(2), 100, Part::new,
                (p, k, worker) -> { if (k == 57) throw new IllegalStateException("item 57"); }, p -> {}));
        assertEquals("item 57", e.getMessage());
    }
}
