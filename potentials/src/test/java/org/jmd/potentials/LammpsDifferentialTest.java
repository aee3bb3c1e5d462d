package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real LAMMPS ({@code lmp}, Debian package lammps) on random triclinic structures and
 * compares energy, forces, per-atom energies ({@code compute pe/atom}) and virial
 * ({@code compute pressure NULL virial} × V) with jmd, for single- and multi-element parameter
 * files. Skipped, saying why, when no {@code lmp} is installed.
 */
class LammpsDifferentialTest {
    /** LAMMPS's pressure conversion for metal units (nktv2p), eV/Å³ to bar, as LAMMPS 2021 defines it. */
    static final double LAMMPS_NKTV2P = 1.6021765e6;

    @TempDir Path dir;

    /**
     * @param style    LAMMPS pair style and jmd potential name
     * @param file     LAMMPS potentials file
     * @param jmdExtra extra jmd arguments (element mapping)
     * @param lammpsElements the pair_coeff element names, one per species
     */
    record Case(String style, String file, String jmdExtra, String[] species, String[] lammpsElements, double volumePerAtom, double minDistance) {
        @Override public String toString() { return style + " " + file + " " + String.join("-", lammpsElements); }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("sw", "Si.sw", "", new String[] {"Si"}, new String[] {"Si"}, 18, 2.0),
                new Case("sw", "GaN.sw", "", new String[] {"Ga", "N"}, new String[] {"Ga", "N"}, 10, 1.6),
                new Case("tersoff", "Si.tersoff", "", new String[] {"Si"}, new String[] {"Si"}, 18, 2.0),
                new Case("tersoff", "SiC.tersoff", "", new String[] {"Si", "C"}, new String[] {"Si", "C"}, 12, 1.5),
                new Case("tersoff", "SiCGe.tersoff", "elements=Si=Si(C)", new String[] {"Si"}, new String[] {"Si(C)"}, 18, 2.0),
                new Case("tersoff", "ZnO_Erhart2006.tersoff", "", new String[] {"Zn", "O"}, new String[] {"Zn", "O"}, 11, 1.7))
                .map(Arguments::of);
    }

    static Path lmp() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "lmp");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    Path potentialFile(String name) {
        return name.startsWith("ZnO") ? ReferenceFiles.shared("potentials/" + name) : ReferenceFiles.lammpsPotential(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithLammps(Case c) throws Exception {
        Path lmp = lmp();
        assumeTrue(lmp != null, "LAMMPS (lmp) is not installed (Debian package lammps); differential test skipped");
        Path file = potentialFile(c.file());
        Potential ours = PotentialRegistry.load().create(c.style() + " " + file + " " + c.jmdExtra(), dir);
        double worstE = 0, worstF = 0, worstEi = 0, worstW = 0;
        for (long seed = 11; seed <= 12; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(c.species(), 30, c.volumePerAtom(), c.minDistance(), seed);
            ForceResult r = Consistency.evaluate(ours, s);
            LammpsResult ref = runLammps(lmp, c, file, s);
            worstE = Math.max(worstE, Math.abs(r.energy - ref.energy) / Math.abs(ref.energy));
            double wScale = 0, wErr = 0;
            int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
            for (int v = 0; v < 6; v++) {
                int a = voigt[v][0], b = voigt[v][1];
                wScale = Math.max(wScale, Math.abs(ref.virial[v]));
                wErr = Math.max(wErr, Math.abs(r.virial[3 * a + b] - ref.virial[v]));
            }
            worstW = Math.max(worstW, wErr / wScale);
            for (int i = 0; i < s.size(); i++) {
                for (int d = 0; d < 3; d++) worstF = Math.max(worstF, Math.abs(r.forces[3 * i + d] - ref.forces[3 * i + d]));
                worstEi = Math.max(worstEi, Math.abs(r.atomEnergies[i] - ref.atomEnergies[i]));
            }
        }
        System.out.printf(Locale.ROOT, "lmp %-40s E rel %.1e  max|dF| %.1e eV/A  max|de_i| %.1e eV  W rel %.1e%n", c, worstE, worstF, worstEi, worstW);
        assertTrue(worstE < 1e-10, c + ": energy relative error " + worstE);
        assertTrue(worstF < 1e-8, c + ": force error " + worstF + " eV/Å");
        assertTrue(worstEi < 1e-8, c + ": per-atom energy error " + worstEi + " eV");
        // 1e-6: LAMMPS's nktv2p (1.6021765e6) rounds the eV/Å³-to-bar factor at 8e-8 relative.
        assertTrue(worstW < 1e-6, c + ": virial error " + worstW + " relative to its largest component");
    }

    record LammpsResult(double energy, double[] virial, double[] forces, double[] atomEnergies) {}

    LammpsResult runLammps(Path lmp, Case c, Path potential, AtomicSystem s) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "lmp");
        Cell cell = s.cell();
        // randomTriclinic makes lower-triangular cells: a along x, b in the xy plane, as LAMMPS wants.
        assertEquals(0.0, cell.h(0, 1)); assertEquals(0.0, cell.h(0, 2)); assertEquals(0.0, cell.h(1, 2));
        StringBuilder data = new StringBuilder("jmd differential test\n\n");
        data.append(s.size()).append(" atoms\n").append(s.speciesCount()).append(" atom types\n\n");
        data.append(String.format(Locale.ROOT, "0 %.17g xlo xhi\n0 %.17g ylo yhi\n0 %.17g zlo zhi\n%.17g %.17g %.17g xy xz yz\n\nMasses\n\n",
                cell.h(0, 0), cell.h(1, 1), cell.h(2, 2), cell.h(1, 0), cell.h(2, 0), cell.h(2, 1)));
        for (int t = 0; t < s.speciesCount(); t++) data.append(t + 1).append(" 1.0\n");
        data.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            data.append(String.format(Locale.ROOT, "%d %d %.17g %.17g %.17g\n", i + 1, s.type[i] + 1, s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2]));
        }
        Files.writeString(work.resolve("data.lmp"), data);
        String in = String.join("\n",
                "units metal", "atom_style atomic", "atom_modify map array sort 0 0", "boundary p p p", "box tilt large",
                "read_data data.lmp",
                "pair_style " + c.style(),
                "pair_coeff * * " + potential + " " + String.join(" ", c.lammpsElements()),
                "neighbor 1.0 bin",
                "compute peatom all pe/atom",
                "compute vir all pressure NULL virial",
                "thermo_style custom step pe c_vir[1] c_vir[2] c_vir[3] c_vir[4] c_vir[5] c_vir[6] vol",
                "dump d all custom 1 dump.txt id fx fy fz c_peatom",
                "dump_modify d format float %.17g sort id",
                "run 0",
                "print \"$(pe:%.17g) $(c_vir[1]:%.17g) $(c_vir[2]:%.17g) $(c_vir[3]:%.17g) $(c_vir[4]:%.17g) $(c_vir[5]:%.17g) $(c_vir[6]:%.17g) $(vol:%.17g)\" file result.txt",
                "");
        Files.writeString(work.resolve("in.lmp"), in);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "log.lammps", "-screen", "none", "-nocite")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done && p.exitValue() == 0 && Files.exists(work.resolve("result.txt")),
                "LAMMPS failed (exit " + (done ? p.exitValue() : "timeout") + "); its log:\n" + tail(work.resolve("log.lammps")) + tail(work.resolve("out.txt")));
        String[] f = Files.readString(work.resolve("result.txt")).trim().split("\\s+");
        double volume = Double.parseDouble(f[7]);
        double[] virial = new double[6];
        for (int v = 0; v < 6; v++) virial[v] = Double.parseDouble(f[1 + v]) * volume / LAMMPS_NKTV2P;
        double[] forces = new double[3 * s.size()], ea = new double[s.size()];
        List<String> lines = Files.readAllLines(work.resolve("dump.txt"));
        int atoms = 0;
        for (int k = lines.indexOf(lines.stream().filter(l -> l.startsWith("ITEM: ATOMS")).findFirst().orElseThrow()) + 1; k < lines.size(); k++) {
            String[] w = lines.get(k).trim().split("\\s+");
            int id = Integer.parseInt(w[0]) - 1;
            for (int d = 0; d < 3; d++) forces[3 * id + d] = Double.parseDouble(w[1 + d]);
            ea[id] = Double.parseDouble(w[4]);
            atoms++;
        }
        assertEquals(s.size(), atoms, "atoms in the LAMMPS dump");
        return new LammpsResult(Double.parseDouble(f[0]), virial, forces, ea);
    }

    static String tail(Path p) throws IOException {
        if (!Files.exists(p)) return "";
        List<String> l = Files.readAllLines(p);
        return String.join("\n", new ArrayList<>(l.subList(Math.max(0, l.size() - 15), l.size()))) + "\n";
    }
}
