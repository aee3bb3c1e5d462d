package org.jmd.studies.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jmd.studies.Study;
import org.jmd.studies.StudyDeck;
import org.jmd.studies.StudyPlan;
import org.jmd.studies.TestData;
import org.jmd.studies.TestOutcome;
import org.jmd.studies.structure.Kabsch;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nanoparticle test relaxes LAMMPS's starting structure (testdata/reference/lammps-nanoparticles:
 * 99 Si atoms, rattled, relaxed by LAMMPS CG with Si.sw to −324.6137502 eV) to LAMMPS's energy:
 * within 1 meV/atom allowed for a minimizer that takes another path, measured far closer.
 */
class NanoparticleLammpsTest {
    @TempDir Path tmp;

    @Test void stillingerWeberRelaxationReachesLammpsEnergy() {
        Path start = TestData.file("reference/lammps-nanoparticles/si_np_r8.sw.initial.extxyz");
        String deck = "reference " + TestData.sw() + "\nmodel sw " + TestData.sw() + "\ndiagnostics off\n"
                + "nanoparticle read=" + start + " fmax=1e-4\n";
        StringWriter log = new StringWriter();
        PrintWriter out = new PrintWriter(log, true);
        StudyPlan plan = new StudyDeck(out).read(deck, "np.study", tmp);
        Study.Result r = new Study(out, tmp.resolve("out"), false, Map.of()).run(plan);
        TestOutcome o = r.outcomes().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> models = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) o.json().get("starts")).get("si_np_r8")).get("models");
        @SuppressWarnings("unchecked")
        Map<String, Object> ref = (Map<String, Object>) models.get("reference");
        double energy = (Double) ref.get("energy_eV");
        assertTrue((Boolean) ref.get("converged"), log.toString());
        assertEquals(-324.6137502, energy, 0.001 * 99, "within 1 meV/atom of LAMMPS");
        assertEquals(-324.6137502, energy, 1e-5, "in fact the same minimum");
        // and the same structure: our relaxed reference against LAMMPS's, after superposition
        var lammps = StructureIO.read(TestData.file("reference/lammps-nanoparticles/si_np_r8.sw.relaxed.extxyz")).system;
        var ours = StructureIO.read(tmp.resolve("out/nanoparticle-si_np_r8/relaxed_reference.extxyz")).system;
        assertTrue(Kabsch.rmsd(ours.x, lammps.x) < 1e-3, "RMSD from LAMMPS's minimum " + Kabsch.rmsd(ours.x, lammps.x));
    }
}
