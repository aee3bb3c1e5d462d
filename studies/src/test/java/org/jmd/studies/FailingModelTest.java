package org.jmd.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that collapses — here Lennard-Jones with its minimum at 1.1 Å, so silicon falls in on
 * itself — fails the relaxation and liquid tests; the failures are red cells saying what happened
 * (and, for the liquid, when), the study finishes and writes its report.
 */
class FailingModelTest {
    @TempDir Path tmp;

    @Test void aCollapsingModelIsAResultNotAnError() throws Exception {
        String deck = String.join("\n",
                "reference " + TestData.sw(),
                "model collapse lj epsilon=2 sigma=1.0 cutoff=3.0",
                "model sw " + TestData.sw(),
                "diagnostics off",
                "nanoparticle lattice=diamond a=5.431 species=Si radius=5 rattle=0.05 seed=2",
                "liquid species=Si atoms=64 density=2.57 temperature=1800 melt=3000 steps=300 melt_steps=200 equilibrate=100",
                "");
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        Study.Result r = new Study(out, tmp.resolve("out"), false, Map.of()).run(new StudyDeck(out).read(deck, "f.study", tmp));
        int failures = 0;
        for (HeadlineRow row : r.headline()) {
            Score bad = row.cells().get("collapse"), good = row.cells().get("sw");
            assertTrue(bad.isFailure(), row.test() + " " + row.metric().name() + ": " + bad.text());
            assertTrue(bad.failure().matches(".*(fused|ran away|not finite).*"), bad.failure());
            assertEquals(Metric.Grade.RED, bad.grade(row.metric()));
            assertTrue(!good.isFailure() && Math.abs(good.value() - (row.metric().higherIsBetter() ? 1 : 0)) < 1e-9, good.text());
            failures++;
        }
        assertEquals(2 + 3, failures, "nanoparticle energy and RMSD, liquid g(r), p(θ) and D");
        String liquid = r.headline().get(2).cells().get("collapse").failure();
        assertTrue(liquid.matches(".* at \\d+\\.\\d\\d ps"), "the time of failure: " + liquid);
        assertTrue(Files.readString(tmp.resolve("out/report.md")).contains("🔴 failed: "), "red cells in the report");
    }
}
