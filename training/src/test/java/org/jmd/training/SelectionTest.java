package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.Arguments;
import org.jmd.io.Frame;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final List<LabelledStructure> DATA = data();

    private static List<LabelledStructure> data() {
        List<LabelledStructure> out = new ArrayList<>();
        for (Frame f : SyntheticData.frames(30, new String[] {"Si"}, 1)) out.add(LabelledData.of(f));
        return out;
    }

    private static boolean[] pick(String line) {
        Arguments a = Arguments.parseLine("select " + line, "t", 1, Path.of(""));
        Selection s = Selection.parse(a, true);
        a.requireAllUsed();
        return s.pick(DATA, a);
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        return n;
    }

    @Test void randomPicksAreDeterministicForASeedAndDifferForAnother() {
        boolean[] a = pick("random=10 seed=42"), b = pick("random=10 seed=42"), c = pick("random=10 seed=43");
        assertArrayEquals(a, b);
        assertEquals(10, count(a));
        assertFalse(java.util.Arrays.equals(a, c));
        assertEquals(9, count(pick("fraction=0.3 seed=7")));
    }

    /** Structures k = 0, 3, 6, ... are "bulk"; descriptions say "at 300 K" for k = 0, 3, 6, ... too. */
    @Test void byConfigTypeAndByInfoMatch() {
        boolean[] bulk = pick("config_type=bulk");
        for (int k = 0; k < DATA.size(); k++) assertEquals(k % 3 == 0, bulk[k]);
        boolean[] hot = pick("match=\"description:at (600|900) K\"");
        for (int k = 0; k < DATA.size(); k++) assertEquals(k % 3 != 0, hot[k]);
        boolean[] both = pick("config_type=surface,liquid match=description:900");
        for (int k = 0; k < DATA.size(); k++) assertEquals(k % 3 == 2, both[k]);
    }

    /** A random pick among the matches: only matching structures, the asked number of them. */
    @Test void randomAmongMatches() {
        boolean[] m = pick("config_type=liquid random=4 seed=3");
        assertEquals(4, count(m));
        for (int k = 0; k < DATA.size(); k++) if (m[k]) assertEquals("liquid", DATA.get(k).configType());
    }

    @Test void bootstrapIsDeterministic() {
        List<LabelledStructure> a = TrainingRun.bootstrap(DATA, 5), b = TrainingRun.bootstrap(DATA, 5);
        assertEquals(DATA.size(), a.size());
        for (int k = 0; k < a.size(); k++) assertEquals(System.identityHashCode(a.get(k)), System.identityHashCode(b.get(k)));
    }
}
