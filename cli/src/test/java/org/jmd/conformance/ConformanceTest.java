package org.jmd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.StructureIO;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of {@link ConformanceTable} on each of its samples, and every registered potential
 * provider covered by a row:
 *
 * <ul>
 * <li>forces against central differences of the energy, step h = 1e-5 Å, on up to
 *     {@value #FINITE_DIFFERENCE_ATOMS} atoms per sample (all of small samples, evenly spread ones of larger);
 * <li>the virial W = Σ r⊗f against central differences of the energy under homogeneous strain,
 *     step 1e-6;
 * <li>per-atom energies summing to the total;
 * <li>the energy unchanged by a translation, a rotation of atoms and cell, a permutation of the
 *     atoms and moving atoms by lattice vectors ({@link Consistency#maxInvarianceError});
 * <li>a 2×2×2 supercell having 8 times the energy (fully periodic samples);
 * <li>an empty system (zero energy, no exception), an atom in vacuum (finite energy, or the row's
 *     value; zero force and virial), and InputExceptions for bad potential lines ({@link BadLines}).
 * </ul>
 *
 * <p>The tolerances are the same for every row. With S = max(1 eV, Σ|e_i|), the size of the
 * terms the energy sums, the round-off of one energy evaluation is taken as ν = 40 ε S (ε = 2.2e-16;
 * networks and Coulomb sums cancel large intermediate terms, so more than a few ulps): force error
 * ≤ 1e-7 eV/Å + ν/h; virial error ≤ 1e-6 eV + ν/1e-6; |Σe_i − E| ≤ 1e-13 S; invariance ≤ 1e-13 S;
 * |E(2×2×2) − 8E| ≤ 8e-13 S. The run prints each measured error as a fraction of its tolerance.
 */
class ConformanceTest {
    static final double FORCE_STEP = 1e-5, STRAIN_STEP = 1e-6;
    static final int FINITE_DIFFERENCE_ATOMS = 12;
    /** Round-off of one energy evaluation in units of ε S. */
    static final double ENERGY_NOISE = 40 * Math.ulp(1.0);
    static final String DECK = "conformance.deck";
    static final int DECK_LINE = 3;

    @Test void everyRegisteredPotentialHasARow() {
        Set<String> covered = ConformanceTable.ROWS.stream().map(Row::provider).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(PotentialRegistry.load().providers().keySet());
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "registered potentials without a row in ConformanceTable: " + missing
                + " (add one row each; see docs/testing.md)");
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(PotentialRegistry.load().providers().keySet());
        assertTrue(unknown.isEmpty(), "rows naming potentials that are not registered: " + unknown);
    }

    @TestFactory Stream<DynamicNode> everyRow() {
        return ConformanceTable.ROWS.stream().map(row -> {
            Supplier<Potential> potential = memo(() -> PotentialRegistry.load().create(row.line(), TestData.root()));
            List<DynamicNode> nodes = new ArrayList<>();
            for (String sample : row.samples()) {
                Supplier<AtomicSystem> system = memo(() -> StructureIO.read(TestData.file(sample)).system);
                String name = Path.of(sample).getFileName().toString();
                nodes.add(dynamicContainer(name, Stream.of(
                        dynamicTest("forces vs finite differences", () -> forces(row, potential.get(), system.get(), name)),
                        dynamicTest("virial vs finite differences", () -> virial(row, potential.get(), system.get(), name)),
                        dynamicTest("per-atom energies sum to the total", () -> atomEnergies(row, potential.get(), system.get(), name)),
                        dynamicTest("translation, rotation, permutation, image invariance", () -> invariance(row, potential.get(), system.get(), name)),
                        dynamicTest("2x2x2 supercell", () -> supercell(row, potential.get(), system.get(), name)))));
            }
            nodes.add(dynamicTest("empty system", () -> empty(row, potential.get(), species(row))));
            nodes.add(dynamicTest("one atom in vacuum", () -> oneAtom(row, potential.get(), species(row))));
            for (BadLines.Bad bad : BadLines.of(row.line())) nodes.add(dynamicTest("error: " + bad, () -> refused(bad)));
            return dynamicContainer(row.toString(), nodes);
        });
    }

    // ---------------------------------------------------------------- the checks

    static void forces(Row row, Potential p, AtomicSystem s, String name) {
        double scale = scale(Consistency.evaluate(p, s));
        double error = Consistency.maxForceError(p, s, FORCE_STEP, spreadAtoms(s.size(), FINITE_DIFFERENCE_ATOMS));
        check(row, name, "force vs finite differences (eV/Å)", error, 1e-7 + ENERGY_NOISE * scale / FORCE_STEP);
    }

    static void virial(Row row, Potential p, AtomicSystem s, String name) {
        double scale = scale(Consistency.evaluate(p, s));
        double error = Consistency.maxVirialError(p, s, STRAIN_STEP);
        check(row, name, "virial vs finite differences (eV)", error, 1e-6 + ENERGY_NOISE * scale / STRAIN_STEP);
    }

    static void atomEnergies(Row row, Potential p, AtomicSystem s, String name) {
        check(row, name, "|sum e_i - E| (eV)", Consistency.atomEnergySumError(p, s), 1e-13 * scale(Consistency.evaluate(p, s)));
    }

    static void invariance(Row row, Potential p, AtomicSystem s, String name) {
        check(row, name, "energy change under translation/rotation/permutation/image (eV)",
                Consistency.maxInvarianceError(p, s, 1), 1e-13 * scale(Consistency.evaluate(p, s)));
    }

    static void supercell(Row row, Potential p, AtomicSystem s, String name) {
        if (!s.cell().fullyPeriodic()) return; // copies of a cluster side by side say nothing
        check(row, name, "|E(2x2x2) - 8E| (eV)", Consistency.supercellError(p, s), 8e-13 * scale(Consistency.evaluate(p, s)));
    }

    /** No atoms, in a periodic cell: zero energy and virial, no exception. */
    static void empty(Row row, Potential p, String[] species) {
        AtomicSystem s = new AtomicSystem(Cell.orthorhombic(10, 11, 12), species, new int[0], new double[0]);
        ForceResult r = Consistency.evaluate(p, s);
        assertEquals(0.0, r.energy, 0.0, row + ": energy of no atoms");
        for (double w : r.virial) assertEquals(0.0, w, 0.0, row + ": virial of no atoms");
        assertEquals(0, r.forces.length, row + ": forces of no atoms");
    }

    /** Each species of the row's first sample alone in vacuum. */
    static void oneAtom(Row row, Potential p, String[] species) {
        for (int t = 0; t < species.length; t++) {
            String alone = row + ": " + species[t] + " alone";
            AtomicSystem s = new AtomicSystem(Cell.open(), species, new int[] {t}, new double[] {0.3, -0.2, 0.1});
            if (row.isolatedAtomRefusal() != null) {
                InputException e = assertThrows(InputException.class, () -> Consistency.evaluate(p, s), alone);
                assertTrue(e.getMessage().contains(row.isolatedAtomRefusal()), alone + ": " + e.getMessage());
                continue;
            }
            ForceResult r = Consistency.evaluate(p, s);
            assertTrue(Double.isFinite(r.energy), alone + ": energy " + r.energy);
            if (row.isolatedAtomEnergy() != null) assertEquals(row.isolatedAtomEnergy(), r.energy, 1e-12 * Math.max(1, Math.abs(r.energy)), alone);
            assertEquals(r.energy, r.atomEnergies[0], 1e-12 * Math.max(1, Math.abs(r.energy)), alone + ": its per-atom energy");
            for (double f : r.forces) assertEquals(0.0, f, 1e-12, alone + ": force");
            for (double w : r.virial) assertEquals(0.0, w, 1e-12, alone + ": virial");
        }
    }

    /** A wrong line is an InputException that names the deck line (or the missing file) and the problem; nothing else escapes. */
    static void refused(BadLines.Bad bad) {
        InputException e;
        try {
            PotentialRegistry.load().create(Arguments.parseLine(bad.line(), DECK, DECK_LINE, TestData.root()));
            fail("accepted: " + bad.line());
            return;
        } catch (InputException x) {
            e = x;
        } catch (RuntimeException x) {
            throw new AssertionError(bad + ": " + x.getClass().getName() + " instead of an InputException", x);
        }
        assertTrue(e.getMessage().contains(bad.expect()), bad + ": the message should mention '" + bad.expect() + "': " + e.getMessage());
        if (bad.atDeck()) {
            assertEquals(DECK, e.source(), bad + ": " + e.getMessage());
            assertEquals(DECK_LINE, e.line(), bad + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    /** S = max(1 eV, Σ|e_i|), the size of the terms the energy sums. */
    static double scale(ForceResult r) {
        double s = 0;
        for (double e : r.atomEnergies) s += Math.abs(e);
        return Math.max(1, Math.max(s, Math.abs(r.energy)));
    }

    /** m atom indices spread evenly over 0..n-1, first and last included; all of them when n ≤ m. */
    static int[] spreadAtoms(int n, int m) {
        if (n <= m) return IntStream.range(0, n).toArray();
        int[] out = new int[m];
        for (int k = 0; k < m; k++) out[k] = (int) ((long) k * (n - 1) / (m - 1));
        return out;
    }

    static String[] species(Row row) { return StructureIO.read(TestData.file(row.samples().get(0))).system.speciesTable(); }

    /** Prints the measured error as a fraction of its tolerance (so margins can be read off a run) and asserts it. */
    static void check(Row row, String sample, String what, double error, double tolerance) {
        System.out.printf(Locale.ROOT, "conformance %-48.48s %-34s %.2f of %.1e  %s%n", row.line(), sample, error / tolerance, tolerance, what);
        assertTrue(error <= tolerance, row + " on " + sample + ": " + what + " " + error + " exceeds the tolerance " + tolerance);
    }

    static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }
}
