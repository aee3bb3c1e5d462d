package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deck lines and parameter files that are wrong give InputExceptions naming file, line and problem.
 * (A missing file, a missing file argument and unknown options: the conformance suite, cli.)
 */
class ManybodyInputErrorsTest {
    @TempDir Path dir;

    static final String SW_SI = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n";

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    InputException fails(String line) {
        return assertThrows(InputException.class, () -> PotentialRegistry.load().create(line, dir));
    }

    @Test void relativePathResolvesAgainstTheDeckDirectoryAndEntriesMaySpanLines() throws IOException {
        write("split.sw", "# comment line\n\nSi Si Si 2.1683 2.0951 1.80   # trailing comment\n"
                + "   21.0 1.20 -0.333333333333\n 7.049556277 0.6022245584\n 4.0 0.0 0.0\n");
        write("one.sw", SW_SI);
        Potential a = PotentialRegistry.load().create("sw split.sw", dir);
        Potential b = PotentialRegistry.load().create("sw one.sw", dir);
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 8, 20, 2.1, 7);
        assertEquals(Consistency.energy(b, s), Consistency.energy(a, s), 0.0);
        assertEquals(2.0951 * 1.8, a.cutoff(), 1e-15);
    }

    @Test void tooManyNumbersNamesTheLine() throws IOException {
        write("extra.sw", "# x\n" + SW_SI.replace("\n", " 1.0\n"));
        InputException e = fails("sw extra.sw");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("has 12 numbers, expected 11"), e.getMessage());
    }

    @Test void tooFewNumbersNamesTheWordThatIsNotANumber() throws IOException {
        // The first entry lacks tol, so the next entry's first element name lands in its place.
        write("short.sw", SW_SI.replace(" 0.0\n", "\n") + SW_SI);
        InputException e = fails("sw short.sw");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected a number for tol") && e.getMessage().contains("'Si'"), e.getMessage());
    }

    @Test void truncatedLastEntry() throws IOException {
        write("cut.tersoff", "Si Si Si 3.0 1.0 1.3258 4.8381 2.0417 0.0000 22.956\n");
        InputException e = fails("tersoff cut.tersoff");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("end of file with 7 numbers, expected 14"), e.getMessage());
    }

    @Test void missingTripletIsNamed() throws IOException {
        Path zno = ReferenceFiles.shared("potentials/ZnO_Erhart2006.tersoff");
        StringBuilder kept = new StringBuilder();
        for (String l : Files.readAllLines(zno)) if (!l.startsWith("O   Zn  O")) kept.append(l).append('\n');
        write("zno.tersoff", kept.toString());
        InputException e = fails("tersoff zno.tersoff");
        assertTrue(e.getMessage().contains("zno.tersoff") && e.getMessage().contains("O Zn O"), e.getMessage());
    }

    @Test void duplicateTripletNamesBothLines() throws IOException {
        write("dup.sw", SW_SI + SW_SI);
        InputException e = fails("sw dup.sw");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("duplicate") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test void badParameterValues() throws IOException {
        write("m2.tersoff", "Si Si Si 2.0 1.0 1.3258 4.8381 2.0417 0.0 22.956 0.33675 1.3258 95.373 3.0 0.2 3.2394 3264.7\n");
        assertTrue(fails("tersoff m2.tersoff").getMessage().contains("m must be 1 or 3"));
        write("neg.sw", SW_SI.replace("2.0951", "-2.0951"));
        InputException e = fails("sw neg.sw");
        assertTrue(e.getMessage().contains("sigma must not be negative") && e.line() == 1, e.getMessage());
    }

    @Test void elementsOptionSelectsFromAMultiElementFile() {
        Path sicge = ReferenceFiles.lammpsPotential("SiCGe.tersoff");
        // SiCGe.tersoff has no Ge-C entries, so using all its elements must fail and say why.
        InputException all = assertThrows(InputException.class,
                () -> PotentialRegistry.load().create("tersoff " + sicge, dir));
        assertTrue(all.getMessage().contains("elements="), all.getMessage());
        Potential si = PotentialRegistry.load().create("tersoff " + sicge + " elements=Si(D),C", dir);
        assertEquals(2.85 + 0.15, si.cutoff(), 1e-12);
    }

    /** A typo in elements= is the deck line's mistake, not the file's: reported at the line, naming the file's elements. */
    @Test void elementTheFileLacksIsReportedAtTheDeckLine() throws IOException {
        write("si.sw", SW_SI);
        InputException e = assertThrows(InputException.class,
                () -> PotentialRegistry.load().create(Arguments.parseLine("sw si.sw elements=Sj", "in.deck", 4, dir)));
        assertEquals("in.deck", e.source());
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("elements=: 'Sj' is not an element of") && e.getMessage().contains("(it has Si)"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> PotentialRegistry.load().create(Arguments.parseLine("tersoff " + ReferenceFiles.shared("potentials/ZnO_Erhart2006.tersoff")
                        + " elements=Zn,O=N", "in.deck", 5, dir)));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("'N' is not an element of") && e.getMessage().contains("(it has Zn, O)"), e.getMessage());
    }

    @Test void speciesWithoutParametersIsNamedAtCompute() throws IOException {
        write("si.sw", SW_SI);
        Potential sw = PotentialRegistry.load().create("sw si.sw", dir);
        AtomicSystem s = AtomicSystem.of(Cell.orthorhombic(10, 10, 10), new String[] {"Si", "Ge"}, new double[] {0, 0, 0, 2.3, 0, 0});
        InputException e = assertThrows(InputException.class, () -> Consistency.evaluate(sw, s));
        assertTrue(e.getMessage().contains("Ge atoms") && e.getMessage().contains("si.sw"), e.getMessage());
    }
}
