package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.deck.Deck;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole deck against LAMMPS: 216 Si atoms with Stillinger-Weber, 100 velocity-Verlet steps of
 * 1 fs from the same start (shared/reference/lammps-nve). Energies every 10 steps within 1e-6 eV
 * and positions after 100 steps within 1e-6 Å of LAMMPS's.
 */
class LammpsNveReferenceTest {
    @TempDir Path dir;

    @Test void siliconStillingerWeberNveMatchesLammps() throws Exception {
        Path ref = shared("reference/lammps-nve");
        Path sw = Path.of("/usr/share/lammps/potentials/Si.sw");
        assertTrue(Files.exists(sw), "LAMMPS potential file missing: " + sw + " (install the Debian package lammps-data)");
        Deck d = new Deck(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        d.variables().defineFromCommandLine("ref", ref.toString());
        try (d) {
            d.run("""
                    read ${ref}/si_sw_nve_start.extxyz
                    mass Si 28.0855
                    potential sw /usr/share/lammps/potentials/Si.sw
                    timestep 1
                    ensemble nve
                    thermo every=10 file=thermo.csv
                    run 100
                    """, "nve.deck", dir);
        }
        List<String> expected = Files.readAllLines(ref.resolve("si_sw_nve_thermo.csv"));
        List<String> got = Files.readAllLines(dir.resolve("thermo.csv"));
        assertEquals(expected.size(), got.size(), "rows at steps 0, 10, ..., 100");
        double worst = 0;
        for (int r = 1; r < expected.size(); r++) {
            String[] e = expected.get(r).split(","), g = got.get(r).split(",");
            assertEquals(e[0], g[0], "step");
            for (int k = 1; k <= 3; k++) { // pe, ke, etotal in both files
                double diff = Math.abs(Double.parseDouble(e[k]) - Double.parseDouble(g[k + 1]));
                worst = Math.max(worst, diff);
                assertTrue(diff < 1e-6, "step " + e[0] + " column " + k + ": LAMMPS " + e[k] + ", jmd " + g[k + 1]);
            }
        }
        System.out.println("NVE reference: worst energy difference " + worst + " eV");
        AtomicSystem want = StructureIO.read(ref.resolve("si_sw_nve_step100.extxyz")).system, have = d.simulation().system();
        double worstX = 0;
        // LAMMPS wraps atoms into the box, jmd does not: compare modulo the (cubic) cell
        double box = want.cell().h(0, 0);
        assertEquals(box, want.cell().h(1, 1));
        for (int k = 0; k < want.x.length; k++) {
            double dx = have.x[k] - want.x[k];
            worstX = Math.max(worstX, Math.abs(dx - box * Math.rint(dx / box)));
        }
        System.out.println("NVE reference: worst position difference " + worstX + " Å");
        assertTrue(worstX < 1e-6, "positions after 100 steps differ from LAMMPS's by up to " + worstX + " Å");
    }

    static Path shared(String relative) {
        String root = System.getProperty("jmd.testdata");
        if (root == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path p = Path.of(root).resolve(relative);
        if (!Files.exists(p)) fail("reference data missing: " + p.toAbsolutePath() + " (jmd.testdata=" + root + ")");
        return p;
    }
}
