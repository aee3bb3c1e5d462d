package org.jmd.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose models are the reference itself (the same potential, and a committee of two
 * copies of it) must report zero error in every cell of every test (an overlap of 1), and green:
 * any other number is a bug in how a test compares, relaxes, aligns, labels or samples. The runs
 * are deterministic (same start, same seed, forces the same bits on any thread count), so the
 * liquids and spectra agree exactly, not statistically.
 */
class ReferenceAsModelTest {
    @TempDir Path tmp;

    @Test void everyCellIsZeroAndGreen() throws Exception {
        String sw = TestData.sw();
        Path committee = tmp.resolve("sw-committee");
        for (int k = 1; k <= 2; k++) {
            Files.createDirectories(committee.resolve("member-" + k));
            Files.writeString(committee.resolve("member-" + k).resolve("POTENTIAL"), sw + "\n");
        }
        String deck = String.join("\n",
                "reference " + sw,
                "model same " + sw,
                "model pair committee " + committee,
                "training " + TestData.file("data/si-pbe/si_mlearn_test.extxyz"),
                "diagnostics k=3 environments=600 hull_points=300",
                "bulk lattice=diamond a=5.431 species=Si strain=-0.04:0.04:7",
                "bulk lattice=beta-tin a=4.686 c=2.585 species=Si strain=-0.04:0.12:9",
                "surface lattice=diamond a=5.431 species=Si miller=1,0,0 layers=2 repeat=2,1 vacuum=10",
                "nanoparticle lattice=diamond a=5.431 species=Si radius=6 rattle=0.1 seed=3",
                "data " + TestData.file("data/si-pbe/si_mlearn_test.extxyz"),
                "liquid species=Si atoms=64 density=2.57 temperature=1800 melt=3000 steps=400 melt_steps=200 equilibrate=200 every=10",
                "vdos lattice=diamond a=5.431 species=Si temperature=300 steps=400 equilibrate=100",
                "");
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        StudyPlan plan = new StudyDeck(out).read(deck, "same.study", tmp);
        Study.Result r = new Study(out, tmp.resolve("out"), false, Map.of()).run(plan);
        int cells = 0;
        for (HeadlineRow row : r.headline()) {
            for (Map.Entry<String, Score> c : row.cells().entrySet()) {
                Score s = c.getValue();
                assertFalse(s.isFailure(), row.test() + " " + row.metric().name() + " " + c.getKey() + ": " + s.text());
                double perfect = row.metric().higherIsBetter() ? 1 : 0; // an overlap is 1, an error 0
                assertEquals(perfect, s.value(), 1e-9, row.test() + " " + row.metric().name() + " " + c.getKey());
                assertEquals(Metric.Grade.GREEN, s.grade(row.metric()));
                cells++;
            }
        }
        // 2 bulk × 2 metrics, phase energy, surface, nanoparticle × 2, data × 2, liquid × 3, vdos; for both models
        assertEquals(2 * (4 + 1 + 1 + 2 + 2 + 3 + 1), cells, log.toString());
        for (String f : new String[] {"report.md", "report.html", "summary.json", "diagnostics/atoms.csv", "bulk-diamond/energy_volume.png",
                "nanoparticle-diamond/relaxations.csv", "data-si_mlearn_test/parity_forces.png"}) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), "missing " + f);
        }
        String html = Files.readString(tmp.resolve("out/report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "plots are embedded");
        assertFalse(html.contains("src=\"bulk"), "no image is linked from outside the page");
        String md = Files.readString(tmp.resolve("out/report.md"));
        assertTrue(md.contains("committee force spread"), "the committee's spread is among the diagnostics");
    }
}
