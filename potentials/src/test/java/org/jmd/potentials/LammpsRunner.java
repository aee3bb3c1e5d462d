package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.io.Frame;
import org.jmd.io.LammpsData;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Matrix3;

/**
 * Runs the real LAMMPS binary ({@code -Djmd.lmp=PATH}, else {@code lmp} on the PATH; Debian
 * package lammps) for a single point on one structure and reads back the total energy, forces,
 * per-atom energies ({@code compute pe/atom}) and virial ({@code compute pressure NULL virial} × V),
 * in jmd's frame and units, so that differential tests only say which force field to use.
 *
 * <p>The structure goes through jmd's own LAMMPS data writer ({@link LammpsData}), which rotates a
 * general cell into LAMMPS's lower-triangular form; forces and virial are rotated back. Atom
 * style is {@code charge} when any atom has a charge, else {@code atomic}. Numbers are written
 * and printed with 17 significant digits, so the comparison is limited by the two programs'
 * arithmetic, not by text.
 */
final class LammpsRunner {
    /** LAMMPS 2021 metal units: bar per eV/Å³ (its nktv2p), used to turn pressure × volume back into a virial. */
    static final double NKTV2P = 1.6021765e6;

    private final Path lmp;
    private final Path work;
    private int runs;

    private LammpsRunner(Path lmp, Path work) {
        this.lmp = lmp;
        this.work = work;
    }

    /** The binary, or null when none is installed. */
    static Path binary() {
        String given = System.getProperty("jmd.lmp");
        if (given != null) return Files.isExecutable(Path.of(given)) ? Path.of(given) : null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "lmp");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** A runner that writes its files under {@code dir}; skips the calling test, saying why, when LAMMPS is missing. */
    static LammpsRunner in(Path dir) {
        Path lmp = binary();
        assumeTrue(lmp != null, "LAMMPS (lmp) is not installed (Debian package lammps; or -Djmd.lmp=PATH); differential test skipped");
        return new LammpsRunner(lmp, dir);
    }

    /** For tools outside JUnit (no skipping there): throws when LAMMPS is missing. */
    static LammpsRunner orFail(Path dir) {
        Path lmp = binary();
        if (lmp == null) throw new IllegalStateException("LAMMPS (lmp) is not installed; set -Djmd.lmp=PATH");
        return new LammpsRunner(lmp, dir);
    }

    /** What LAMMPS computed, in jmd's frame, and its log (for e.g. the Ewald parameters it chose). */
    record Result(ForceResult values, String log) {
        /** The first number after {@code label} in the log, e.g. {@code "G vector (1/distance) ="}. */
        double logValue(String label) {
            int k = log.indexOf(label);
            assertTrue(k >= 0, "'" + label + "' not in the LAMMPS log");
            return Double.parseDouble(log.substring(k + label.length()).trim().split("\\s+")[0]);
        }
    }

    /**
     * A single point ({@code run 0}) of {@code s} with the given force-field commands (pair_style,
     * pair_coeff, pair_modify, kspace_style, ...), one per line.
     */
    Result run(AtomicSystem s, String forceField) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("lmp" + (++runs)));
        int n = s.size();
        Frame frame = new Frame(s);
        for (int i = 0; i < n && !frame.hasCharges; i++) frame.hasCharges = s.charge[i] != 0;
        StructureIO.write(dir.resolve("data.lmp"), frame, LammpsData.FORMAT.name());
        // the cell as LAMMPS holds it: rows h_L = h·Rᵀ, so Rᵀ = h⁻¹ h_L rotates LAMMPS vectors back
        double[] h = s.cell().matrix();
        double[] hl = StructureIO.read(dir.resolve("data.lmp"), LammpsData.FORMAT).system.cell().matrix();
        double[] rt = Arrays.equals(h, hl) ? null : Matrix3.multiply(Matrix3.inverse(h), hl);

        String in = String.join("\n",
                "units metal",
                "atom_style " + (frame.hasCharges ? "charge" : "atomic"),
                "atom_modify map array sort 0 0",
                "boundary p p p",
                "box tilt large",
                "read_data data.lmp",
                forceField.strip(),
                "neighbor 1.0 bin",
                "compute peatom all pe/atom",
                "compute vir all pressure NULL virial",
                // the virial compute must be in the thermo output to be current when print reads it
                "thermo_style custom step pe c_vir[1] c_vir[2] c_vir[3] c_vir[4] c_vir[5] c_vir[6] vol",
                "dump d all custom 1 dump.txt id fx fy fz c_peatom",
                "dump_modify d format float %.17g sort id",
                "run 0",
                "print \"$(pe:%.17g) $(c_vir[1]:%.17g) $(c_vir[2]:%.17g) $(c_vir[3]:%.17g) $(c_vir[4]:%.17g) $(c_vir[5]:%.17g)"
                        + " $(c_vir[6]:%.17g) $(vol:%.17g)\" file result.txt",
                "");
        Files.writeString(dir.resolve("in.lmp"), in);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "log.lammps", "-screen", "none", "-nocite")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done && p.exitValue() == 0 && Files.exists(dir.resolve("result.txt")),
                "LAMMPS failed (exit " + (done ? p.exitValue() : "timeout") + "); its log:\n" + tail(dir.resolve("log.lammps")) + tail(dir.resolve("out.txt")));

        ForceResult r = new ForceResult();
        r.reset(n);
        String[] f = Files.readString(dir.resolve("result.txt")).trim().split("\\s+");
        r.energy = Double.parseDouble(f[0]);
        double volume = Double.parseDouble(f[7]);
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {0, 1}, {0, 2}, {1, 2}};
        double[] w = new double[9];
        for (int v = 0; v < 6; v++) {
            double wv = Double.parseDouble(f[1 + v]) * volume / NKTV2P;
            w[3 * voigt[v][0] + voigt[v][1]] = wv;
            w[3 * voigt[v][1] + voigt[v][0]] = wv;
        }
        List<String> lines = Files.readAllLines(dir.resolve("dump.txt"));
        int first = lines.indexOf("ITEM: ATOMS id fx fy fz c_peatom") + 1;
        assertTrue(first > 0, "no ATOMS section in the LAMMPS dump");
        assertEquals(n, lines.size() - first, "atoms in the LAMMPS dump");
        double[] fl = new double[3];
        for (int k = first; k < lines.size(); k++) {
            String[] c = lines.get(k).trim().split("\\s+");
            int id = Integer.parseInt(c[0]) - 1;
            for (int d = 0; d < 3; d++) fl[d] = Double.parseDouble(c[1 + d]);
            // f = Rᵀ f_L
            for (int d = 0; d < 3; d++) r.forces[3 * id + d] = rt == null ? fl[d] : rt[3 * d] * fl[0] + rt[3 * d + 1] * fl[1] + rt[3 * d + 2] * fl[2];
            r.atomEnergies[id] = Double.parseDouble(c[4]);
        }
        // W = Rᵀ W_L R
        double[] wj = rt == null ? w : Matrix3.multiply(Matrix3.multiply(rt, w), Matrix3.transpose(rt));
        System.arraycopy(wj, 0, r.virial, 0, 9);
        return new Result(r, Files.readString(dir.resolve("log.lammps")));
    }

    private static String tail(Path p) throws IOException {
        if (!Files.exists(p)) return "";
        List<String> l = Files.readAllLines(p);
        return String.join("\n", new ArrayList<>(l.subList(Math.max(0, l.size() - 15), l.size()))) + "\n";
    }
}
