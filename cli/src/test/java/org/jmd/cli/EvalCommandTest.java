package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmd eval} end to end: what it writes, and how it fails. */
class EvalCommandTest {
    @TempDir Path tmp;

    @Test void writesEnergyForcesAtomEnergiesVirialAndStressOfThePotential() {
        Path in = Jmd.shared("reference/lammps-singlepoint/si_triclinic.sw.extxyz");
        Path out = tmp.resolve("out.extxyz");
        String line = "lj epsilon=0.0104 sigma=3.4 cutoff=8.5";
        Jmd.Run r = Jmd.run("eval", "--potential", line, in.toString(), out.toString());
        assertEquals(0, r.code(), r.err());

        Frame written = StructureIO.read(out);
        Frame input = StructureIO.read(in);
        ForceResult direct = Consistency.evaluate(PotentialRegistry.load().create(line, null), input.system);
        assertEquals(direct.energy, written.energy, 1e-12 * Math.abs(direct.energy));
        for (int k = 0; k < direct.forces.length; k++) assertEquals(direct.forces[k], written.forces[k], 1e-12);
        double sum = 0;
        for (double e : written.atomEnergies) sum += e;
        assertEquals(written.energy, sum, 1e-10);
        double volume = input.system.cell().volume();
        for (int k = 0; k < 9; k++) {
            assertEquals(direct.virial[k], written.virial[k], 1e-12);
            assertEquals(-written.virial[k] / volume, written.stress[k], 1e-15, "stress is ASE's -W/V");
        }
        // positions and cell pass through unchanged
        for (int k = 0; k < input.system.x.length; k++) assertEquals(input.system.x[k], written.system.x[k], 0.0);
    }

    /**
     * Issue 3: {@code jmd eval} with exactly this deck line against LAMMPS's single points
     * ({@code buck/coul/long} + {@code kspace_style ewald 1e-12}). Energy 1e-6 relative and forces
     * 1e-5 eV/Å as the issue asks; the virial 3e-5 of its largest component instead of 1e-6, which
     * no honest setting reaches against a reference made at another Ewald accuracy (LAMMPS itself
     * at 1e-10 is 1.5e-5 away): see docs/potentials-ionic.md. (The files at their own accuracy: GoldenFilesTest.)
     */
    @Test void issue3BuckinghamEwaldDeckAgreesWithLammps() {
        String line = "buckingham cutoff=10.0 shift=yes coulomb=ewald ewald_accuracy=1e-10 charges=Zn:2,O:-2"
                + " pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";
        for (String name : new String[] {"zno_rocksalt_triclinic", "zno_wurtzite_primitive", "zno_wurtzite_rattled", "zno_zincblende_rattled"}) {
            Path in = Jmd.shared("reference/lammps-singlepoint/" + name + ".buck.extxyz");
            Path out = tmp.resolve(name + ".out.extxyz");
            Jmd.Run r = Jmd.run("eval", "--potential", line, in.toString(), out.toString());
            assertEquals(0, r.code(), r.err());
            Frame ref = StructureIO.read(in), got = StructureIO.read(out);
            assertEquals(ref.energy, got.energy, 1e-6 * Math.abs(ref.energy), name + ": energy");
            for (int k = 0; k < ref.forces.length; k++) assertEquals(ref.forces[k], got.forces[k], 1e-5, name + ": force component " + k);
            double wMax = 0;
            for (double w : ref.virial) wMax = Math.max(wMax, Math.abs(w));
            for (int k = 0; k < 9; k++) assertEquals(ref.virial[k], got.virial[k], 3e-5 * wMax, name + ": virial component " + k);
        }
    }

    @Test void unknownPotentialIsAnErrorWithASuggestionAndNoOutput() {
        Path out = tmp.resolve("out.extxyz");
        Jmd.Run r = Jmd.run("eval", "--potential", "lk epsilon=1", Jmd.shared("reference/lammps-singlepoint/si_cluster.sw.extxyz").toString(), out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown potential 'lk'") && r.err().contains("did you mean 'lj'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out));
    }

    @Test void misspeltOptionIsNamed() {
        Jmd.Run r = Jmd.run("eval", "--potential", "lj epsilon=1 sigma=1 cutof=3",
                Jmd.shared("reference/lammps-singlepoint/si_cluster.sw.extxyz").toString(), tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cutof"), r.err());
    }

    @Test void malformedInputNamesFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.extxyz");
        Files.writeString(bad, "2\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\nSi 1.0 abc 1.0\n");
        Jmd.Run r = Jmd.run("eval", "--potential", "lj epsilon=1 sigma=1 cutoff=3", bad.toString(), tmp.resolve("o.extxyz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(bad + ":4:"), r.err());
        assertTrue(r.err().contains("abc"), r.err());
    }

    @Test void everySubcommandHasHelp() {
        Jmd.Run top = Jmd.run("--help");
        assertEquals(0, top.code());
        String[] subs = subcommandNames();
        assertTrue(subs.length >= 2, "eval and convert at least");
        for (String sub : subs) {
            assertTrue(top.out().contains(sub), "top-level help lists " + sub);
            Jmd.Run h = Jmd.run(sub, "--help");
            assertEquals(0, h.code(), sub);
            assertTrue(h.out().startsWith("Usage: jmd " + sub), h.out());
        }
    }

    static String[] subcommandNames() {
        return new picocli.CommandLine(new Main()).getSubcommands().keySet().stream().filter(s -> !s.equals("help")).toArray(String[]::new);
    }
}
