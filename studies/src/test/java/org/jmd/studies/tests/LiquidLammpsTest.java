package org.jmd.studies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jmd.engine.PotentialRegistry;
import org.jmd.studies.DiagnosticSettings;
import org.jmd.studies.Model;
import org.jmd.studies.StudyContext;
import org.jmd.studies.TestData;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.StudyDeck;
import org.jmd.studies.StudyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The liquid test's protocol against LAMMPS (testdata/reference/lammps-liquid: 512 Si atoms, SW,
 * 2.571 g/cm³, melted at 3500 K for 5 ps, 10 ps at 2200 K, then 20 ps sampled): the reference's
 * first g(r) peak within 0.02 Å and 5 % in height of LAMMPS's (both refined by a parabola through
 * the top three bins), its MSD at 10 ps within 15 %. Two LAMMPS runs differ by 0.7 % in peak height
 * and 0.2 % in the MSD at 10 ps; our start (a grid), thermostat (CSVR rather than Nosé–Hoover) and
 * MSD (averaged over time origins, LAMMPS's from one) differ.
 */
class LiquidLammpsTest {
    @TempDir Path tmp;

    @Test void stillingerWeberLiquidAgreesWithLammps() throws IOException {
        String deck = "reference " + TestData.sw() + "\nmodel sw " + TestData.sw() + "\n"
                + "liquid species=Si atoms=512 density=2.571 temperature=2200 melt=3500 melt_steps=5000 equilibrate=10000 steps=20000 every=50 "
                + "rdf_cutoff=7 bins=140\n";
        PrintWriter out = new PrintWriter(new StringWriter(), true);
        StudyPlan plan = new StudyDeck(out).read(deck, "liquid.study", tmp);
        Model reference = new Model("reference", TestData.sw(), PotentialRegistry.load().create(TestData.sw(), null), "reference");
        // the reference alone: the test's own comparison is not what is checked here
        StudyContext context = new StudyContext(tmp, List.of(), reference, List.of(), false, out, DiagnosticSettings.defaults().maxForceSpread());
        TestOutcome o = plan.tests().get(0).run(context);
        @SuppressWarnings("unchecked")
        LiquidTest.Run run = ((Map<String, LiquidTest.Run>) o.result()).get("reference");
        assertNull(run.failure());

        double[][] lammps = table(TestData.file("reference/lammps-liquid/rdf_2200.txt"), 4, 1, 2);
        double[] expected = LiquidTest.firstPeak(lammps[0], lammps[1]);
        double[] ours = LiquidTest.firstPeak(run.r(), run.g());
        assertEquals(expected[0], ours[0], 0.02, "first peak position (Å)");
        assertEquals(expected[1], ours[1], 0.05 * expected[1], "first peak height");

        double[][] msd = table(TestData.file("reference/lammps-liquid/msd_2200.txt"), 2, 0, 1);
        double lammpsAt10 = Double.NaN;
        for (int k = 0; k < msd[0].length; k++) if (msd[0][k] == 10000) lammpsAt10 = msd[1][k];
        double oursAt10 = run.msd()[run.msd().length - 1];
        assertEquals(10.0, run.msdTime()[run.msdTime().length - 1], 1e-9, "lags up to half the 20 ps sampled");
        assertEquals(lammpsAt10, oursAt10, 0.15 * lammpsAt10, "MSD at 10 ps (Å²)");
        System.out.printf("SW liquid at 2200 K: first peak %.3f Å, g %.3f (LAMMPS %.3f Å, %.3f); MSD(10 ps) %.1f Å² (LAMMPS %.1f); D %.3f Å²/ps%n",
                ours[0], ours[1], expected[0], expected[1], oursAt10, lammpsAt10, run.diffusion());
    }

    /** Columns {@code a} and {@code b} of the numeric rows of a LAMMPS ave/time file, after {@code skip} header lines. */
    private static double[][] table(Path file, int skip, int a, int b) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(skip, lines.size())) {
            String[] f = l.trim().split("\\s+");
            if (l.startsWith("#") || f.length <= Math.max(a, b)) continue;
            rows.add(new double[] {Double.parseDouble(f[a]), Double.parseDouble(f[b])});
        }
        double[][] out = new double[2][rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            out[0][k] = rows.get(k)[0];
            out[1][k] = rows.get(k)[1];
        }
        return out;
    }
}
