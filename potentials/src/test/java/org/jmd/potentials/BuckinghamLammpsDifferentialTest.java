package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jmd against the real LAMMPS binary (Debian's {@code lammps}, {@code /usr/bin/lmp}; another
 * binary via {@code -Djmd.lmp=PATH}) on random triclinic Zn–O cells: DSF against
 * {@code buck + coul/dsf} and Ewald against {@code buck/coul/long + kspace_style ewald}. Skipped
 * with a message when LAMMPS is not installed.
 *
 * <p>LAMMPS's erfc polynomial (≈1e-7 absolute) and its k_e = 14.399645 eV·Å bound the agreement;
 * the tolerances below sit a few times above the differences measured with LAMMPS 29 Sep 2021.
 */
class BuckinghamLammpsDifferentialTest {
    /** LAMMPS metal units: bar per eV/Å³ (its nktv2p). */
    static final double NKTV2P = 1.6021765e6;
    static final String BUCK_PAIRS = "pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";

    @TempDir Path dir;

    static Path lammps() {
        Path lmp = Path.of(System.getProperty("jmd.lmp", "/usr/bin/lmp"));
        assumeTrue(Files.isExecutable(lmp), "LAMMPS not installed at " + lmp + " (set -Djmd.lmp=PATH); differential test skipped");
        return lmp;
    }

    @Test void dsfAgreesWithCoulDsf() throws Exception {
        Path lmp = lammps();
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 48, 12.0, 1.75, 21);
        String pair = "pair_style hybrid/overlay buck 8.0 coul/dsf 0.22 8.0\n"
                + "pair_coeff * * coul/dsf\n"
                + "pair_coeff 1 2 buck 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 buck 9547.96 0.21916 32.0\n"
                + "pair_modify pair buck shift yes\n";
        ForceResult ref = runLammps(lmp, s, pair);
        ForceResult jmd = Consistency.evaluate(PotentialRegistry.load().create(
                "buckingham cutoff=8.0 shift=yes coulomb=dsf alpha=0.22 charges=Zn:2,O:-2 " + BUCK_PAIRS, null), s);
        compare("dsf", jmd, ref, 1e-6, 3e-5, 1e-6);
    }

    @Test void ewaldAgreesWithKspaceEwald() throws Exception {
        Path lmp = lammps();
        // a cell narrower than the cutoff, so real space needs several images
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 24, 12.0, 1.75, 22);
        String pair = "pair_style buck/coul/long 9.0\n"
                + "pair_coeff 1 1 0.0 1.0 0.0\n"
                + "pair_coeff 1 2 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 9547.96 0.21916 32.0\n"
                + "pair_modify shift yes table 0\n"
                + "kspace_style ewald 1e-10\n";
        ForceResult ref = runLammps(lmp, s, pair);
        ForceResult jmd = Consistency.evaluate(PotentialRegistry.load().create(
                "buckingham cutoff=9.0 shift=yes coulomb=ewald ewald_accuracy=1e-10 charges=Zn:2,O:-2 " + BUCK_PAIRS, null), s);
        compare("ewald", jmd, ref, 1e-6, 2e-5, 1e-6);
    }

    static void compare(String what, ForceResult jmd, ForceResult ref, double eTol, double fTol, double wTol) {
        double eErr = Math.abs(jmd.energy - ref.energy) / Math.abs(ref.energy), fErr = 0, wMax = 0, wErr = 0;
        for (int k = 0; k < ref.forces.length; k++) fErr = Math.max(fErr, Math.abs(jmd.forces[k] - ref.forces[k]));
        for (int k = 0; k < 9; k++) wMax = Math.max(wMax, Math.abs(ref.virial[k]));
        for (int k = 0; k < 9; k++) wErr = Math.max(wErr, Math.abs(jmd.virial[k] - ref.virial[k]) / wMax);
        System.out.printf("lmp %s: E %.9f vs %.9f (rel %.2e), max force err %.2e eV/Å, virial rel err %.2e%n",
                what, jmd.energy, ref.energy, eErr, fErr, wErr);
        assertTrue(eErr < eTol, what + ": energy relative error " + eErr);
        assertTrue(fErr < fTol, what + ": force error " + fErr);
        assertTrue(wErr < wTol, what + ": virial error " + wErr);
    }

    /** Runs a single point; returns energy, forces and virial W = P·V. */
    ForceResult runLammps(Path lmp, AtomicSystem s, String pairCommands) throws IOException, InterruptedException {
        double[] h = s.cell().matrix();
        assertEquals(0.0, h[1]); assertEquals(0.0, h[2]); assertEquals(0.0, h[5]); // LAMMPS's lower-triangular frame
        StringBuilder data = new StringBuilder("jmd differential test\n\n");
        data.append(s.size()).append(" atoms\n2 atom types\n\n");
        data.append(String.format(Locale.ROOT, "0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n%.17g %.17g %.17g xy xz yz\n\n",
                h[0], h[4], h[8], h[3], h[6], h[7]));
        data.append("Masses\n\n1 65.38\n2 15.999\n\nAtoms # charge\n\n");
        for (int i = 0; i < s.size(); i++) {
            int type = s.speciesIndex(s.symbol(i)) + 1;
            data.append(String.format(Locale.ROOT, "%d %d %.1f %.17g %.17g %.17g\n", i + 1, type, type == 1 ? 2.0 : -2.0,
                    s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2]));
        }
        Files.writeString(dir.resolve("data.zno"), data, StandardCharsets.UTF_8);
        String input = "units metal\natom_style charge\nboundary p p p\nread_data data.zno\n" + pairCommands
                + "compute vir all pressure NULL virial\n"
                + "thermo_style custom pe vol c_vir[1] c_vir[2] c_vir[3] c_vir[4] c_vir[5] c_vir[6]\n"
                + "thermo_modify format float %.17g\n"
                + "dump 1 all custom 1 forces.dump id fx fy fz\ndump_modify 1 format float %.17g sort id\nrun 0\n";
        Files.writeString(dir.resolve("in.jmd"), input, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.jmd", "-log", "log.lammps", "-screen", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LAMMPS did not finish within 2 minutes");
        assertEquals(0, p.exitValue(), () -> "LAMMPS failed: " + read(dir.resolve("log.lammps")));

        ForceResult r = new ForceResult();
        r.reset(s.size());
        List<String> log = Files.readAllLines(dir.resolve("log.lammps"));
        int header = -1;
        for (int k = 0; k < log.size(); k++) if (log.get(k).trim().startsWith("PotEng")) header = k;
        assertTrue(header >= 0, "no thermo output in LAMMPS log");
        String[] v = log.get(header + 1).trim().split("\\s+");
        r.energy = Double.parseDouble(v[0]);
        double volume = Double.parseDouble(v[1]);
        int[][] idx = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        for (int c = 0; c < 6; c++) {
            double w = Double.parseDouble(v[2 + c]) * volume / NKTV2P;
            r.virial[3 * idx[c][0] + idx[c][1]] = w;
            r.virial[3 * idx[c][1] + idx[c][0]] = w;
        }
        List<String> dump = Files.readAllLines(dir.resolve("forces.dump"));
        int first = dump.indexOf("ITEM: ATOMS id fx fy fz") + 1;
        for (int i = 0; i < s.size(); i++) {
            String[] f = dump.get(first + i).trim().split("\\s+");
            int id = Integer.parseInt(f[0]) - 1;
            for (int d = 0; d < 3; d++) r.forces[3 * id + d] = Double.parseDouble(f[1 + d]);
        }
        return r;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
