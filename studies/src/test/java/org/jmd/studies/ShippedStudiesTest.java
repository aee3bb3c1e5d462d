package org.jmd.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped studies of inputs/studies/ run with --quick (the models marked quick=no and the tests
 * marked quick=no left out, every run shortened): each trains its models from its own training
 * decks, fills every headline cell with a number or a failure, and writes its report. The time each
 * takes is printed (docs/transfer.md gives the full studies' times).
 */
class ShippedStudiesTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"si-sw.study", "zno-erhart.study", "zno-pbe.study"})
    void quickStudyRunsToItsReport(String name) throws Exception {
        Path deck = TestData.root("inputs/studies/" + name);
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        long start = System.nanoTime();
        StudyPlan plan = new StudyDeck(out).read(deck);
        Study.Result r = new Study(out, tmp.resolve("out"), true, Map.of()).run(plan);
        double seconds = (System.nanoTime() - start) * 1e-9;
        System.out.printf("%s --quick: %.0f s%n", name, seconds);
        assertTrue(r.models().size() >= 2, "the quick run trains at least two models");
        assertFalse(r.headline().isEmpty());
        for (HeadlineRow row : r.headline()) {
            assertEquals(r.models().size(), row.cells().size(), row.test());
            for (Score s : row.cells().values()) {
                assertTrue(s.isFailure() || !Double.isNaN(s.value()) || s.note() != null, row.test() + " " + row.metric().name() + ": " + s.text());
                assertFalse(s.text().contains("could not run"), "a test broke: " + row.test() + ": " + s.text() + "\n" + log);
            }
        }
        for (String f : new String[] {"report.md", "report.html", "summary.json", "diagnostics/atoms.csv"}) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), f + "\n" + log);
        }
    }
}
