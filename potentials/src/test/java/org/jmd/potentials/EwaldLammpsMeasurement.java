package org.jmd.potentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Units;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;

/**
 * Not a test: the measurement behind the table in docs/potentials-ionic.md. For every
 * {@code *.buck.extxyz} reference it runs LAMMPS at ewald accuracy 1e-10 and 1e-12 (printing the
 * α it chose), then jmd with {CODATA, LAMMPS} k_e × {exact, polynomial} erfc at both accuracies,
 * and prints the energy (relative), force (eV/Å) and virial (relative to its largest component)
 * differences against the file and against both LAMMPS runs. Run from the repository root after
 * {@code mvn -o -pl potentials -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/jmd-cp.txt}:
 * <pre>
 * java -cp potentials/target/test-classes:potentials/target/classes:$(cat /tmp/jmd-cp.txt) \
 *      -Djmd.testdata=../testdata org.jmd.potentials.EwaldLammpsMeasurement
 * </pre>
 */
public final class EwaldLammpsMeasurement {
    private EwaldLammpsMeasurement() {}


    static double[] errors(ForceResult r, ForceResult ref) {
        double eErr = Math.abs(r.energy - ref.energy) / Math.abs(ref.energy), fErr = 0, wMax = 0, wErr = 0;
        for (int k = 0; k < ref.forces.length; k++) fErr = Math.max(fErr, Math.abs(r.forces[k] - ref.forces[k]));
        for (int k = 0; k < 9; k++) wMax = Math.max(wMax, Math.abs(ref.virial[k]));
        for (int k = 0; k < 9; k++) wErr = Math.max(wErr, Math.abs(r.virial[k] - ref.virial[k]) / wMax);
        return new double[] {eErr, fErr, wErr};
    }

    static String lammpsPair(double acc) {
        return "pair_style buck/coul/long 10.0\npair_coeff 1 1 0.0 1.0 0.0\npair_coeff 1 2 529.70 0.3581 0.0\n"
                + "pair_coeff 2 2 9547.96 0.21916 32.0\npair_modify shift yes table 0\nkspace_style ewald " + acc + "\n";
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("jmd.testdata", "../testdata"), "reference", "lammps-singlepoint");
        Path work = Files.createTempDirectory("ewald-measure");
        List<Path> files;
        try (var st = Files.list(dir)) { files = st.filter(p -> p.toString().endsWith(".buck.extxyz")).sorted().toList(); }
        LammpsRunner lmp = LammpsRunner.orFail(work);
        double[] accs = {1e-10, 1e-12};
        for (Path path : files) {
            Frame fr = StructureIO.read(path);
            AtomicSystem s = fr.system;
            ForceResult ref = new ForceResult();
            ref.reset(s.size());
            ref.energy = fr.energy;
            System.arraycopy(fr.forces, 0, ref.forces, 0, ref.forces.length);
            System.arraycopy(fr.virial, 0, ref.virial, 0, 9);
            AtomicSystem sc = s.copy();
            for (int i = 0; i < sc.size(); i++) sc.charge[i] = sc.symbol(i).equals("Zn") ? 2 : -2;
            ForceResult[] live = new ForceResult[2];
            for (int a = 0; a < 2; a++) {
                LammpsRunner.Result res = lmp.run(sc, lammpsPair(accs[a]));
                live[a] = res.values();
                System.out.printf("%s lmp %.0e: g_ewald %.15g kcount %s%n", path.getFileName(), accs[a], res.logValue("G vector (1/distance) ="),
                        res.log().lines().filter(l -> l.contains("KSpace vectors")).findFirst().orElse("?").trim());
                double[] e = errors(live[a], ref);
                System.out.printf("   lmp(%.0e) vs file: E %.2e F %.2e W %.2e%n", accs[a], e[0], e[1], e[2]);
            }
            for (double acc : accs) {
                for (double ke : new double[] {Units.COULOMB, Units.COULOMB_LAMMPS}) {
                    for (boolean poly : new boolean[] {false, true}) {
                        CoulombConvention conv = new CoulombConvention("x", ke, poly);
                        Buckingham p = new Buckingham.Builder().cutoff(10.0).shift(true).coulomb(CoulombMethod.EWALD).ewaldAccuracy(acc)
                                .charges(Map.of("Zn", 2.0, "O", -2.0))
                                .pairs(List.of(new BuckinghamPair("Zn", "O", 529.70, 0.3581, 0.0), new BuckinghamPair("O", "O", 9547.96, 0.21916, 32.0)))
                                .convention(conv).build();
                        ForceCalculator calculator = new ForceCalculator(p, 0.0);
                        ForceResult r = new ForceResult();
                        calculator.compute(s, r);
                        Buckingham.Workspace w = (Buckingham.Workspace) calculator.workspace();
                        double[] ef = errors(r, ref), e12 = errors(r, live[1]), e10 = errors(r, live[0]);
                        System.out.printf("  acc %.0e ke %-7s erfc %-6s alpha %.12f K %.4f nk %5d | file E %.1e F %.1e W %.1e | lmp12 E %.1e F %.1e W %.1e | lmp10 E %.1e F %.1e W %.1e%n",
                                acc, ke == Units.COULOMB_LAMMPS ? "lammps" : "codata", poly ? "poly" : "exact", w.alpha(), w.kCutoff(), w.kVectorCount(),
                                ef[0], ef[1], ef[2], e12[0], e12[1], e12[2], e10[0], e10[1], e10[2]);
                    }
                }
            }
        }
    }
}
