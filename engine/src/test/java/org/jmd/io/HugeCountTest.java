package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import org.jmd.engine.InputException;
import org.jmd.engine.build.Lattices;
import org.junit.jupiter.api.Test;

/**
 * A file whose header claims 10⁹ atoms fails at once (no structure can hold that many: 3N
 * positions must fit one Java array), and one that claims 7·10⁸, which could be held, but holds
 * a few fails at its end, having allocated about what it read — not the gigabytes the header asks
 * for (a corrupt or mistyped count must not take the machine's memory, or fail with
 * OutOfMemoryError after minutes). Measured with the JVM's per-thread allocation counter; the
 * limit, 4 MB, is far above what a few lines need and far below the gigabytes 7·10⁸ atoms take.
 */
class HugeCountTest {
    private static final long LIMIT = 4 << 20;

    @Test void extxyzCountLine() {
        refusedWithoutAllocating(ExtXyz.FORMAT, "1000000000\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\nSi 0 0 0\nSi 1 1 1\n", 1,
                "the file claims 1000000000 atoms, more than one structure can hold");
        refusedWithoutAllocating(ExtXyz.FORMAT, "700000000\nProperties=species:S:1:pos:R:3 pbc=\"F F F\"\nSi 0 0 0\nSi 1 1 1\n", 4,
                "expected atom 3 of 700000000");
    }

    @Test void extxyzColumnWidth() {
        refusedWithoutAllocating(ExtXyz.FORMAT, "2\nProperties=species:S:1:pos:R:3:big:R:1000000000\nSi 0 0 0 1\nSi 1 1 1 1\n", 3,
                "expected atom 1 of 2 with 1000000004 columns");
    }

    @Test void lammpsAtomCount() {
        refusedWithoutAllocating(LammpsData.FORMAT, "title\n\n1000000000 atoms\n1 atom types\n", 3, "the file claims 1000000000 atoms");
        refusedWithoutAllocating(LammpsData.FORMAT, "title\n\n700000000 atoms\n1 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\n"
                + "Masses\n\n1 28.0855\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n", 16, "Atoms ends after 2 of 700000000 lines");
    }

    @Test void lammpsTypeCount() {
        refusedWithoutAllocating(LammpsData.FORMAT, "title\n\n2 atoms\n1000000000 atom types\n0 5 xlo xhi\n0 5 ylo yhi\n0 5 zlo zhi\n\n"
                + "Masses\n\n1 28.0855\n2 16.0\n\nAtoms # atomic\n\n1 1 0 0 0\n2 1 1 1 1\n", 14, "expected 1000000000 lines ('type mass') in Masses, got 2");
    }

    @Test void poscarCounts() {
        refusedWithoutAllocating(Poscar.FORMAT, "Si\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi\n700000000\nCartesian\n0 0 0\n1 1 1\n", 10,
                "expected position 3 of 700000000");
        refusedWithoutAllocating(Poscar.FORMAT, "Si\n1.0\n5 0 0\n0 5 0\n0 0 5\nSi O\n2000000000 2000000000\nCartesian\n0 0 0\n", 7,
                "the file claims 4000000000 atoms");
    }

    /** A lattice repeated 1000×1000×1000 times is refused before its 8·10⁹ atoms are allocated. */
    @Test void latticeRepeat() {
        long before = allocated();
        InputException e = assertThrows(InputException.class,
                () -> Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 1000, 1000, 1000));
        assertTrue(allocated() - before < LIMIT);
        assertTrue(e.getMessage().contains("gives 8000000000 atoms, more than one structure can hold"), e.getMessage());
    }

    private static void refusedWithoutAllocating(StructureFormat format, String text, int line, String problem) {
        long before = allocated();
        InputException e = assertThrows(InputException.class,
                () -> format.readFrame(new BufferedReader(new StringReader(text)), "big", new int[] {0}));
        long used = allocated() - before;
        assertTrue(used < LIMIT, format.name() + " allocated " + used + " bytes before refusing");
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
