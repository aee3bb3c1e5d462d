package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.build.Lattices;
import org.jmd.io.Frame;
import org.jmd.training.TrainingContext.InvariantPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant points from a training deck: built with their true atomic energies, checked for
 * equivalent atoms, handed to the trainer, and measured on the trained model in the report.
 */
class InvariantPointsTest {
    @TempDir static Path dir;
    static Path sw;

    @BeforeAll static void setUp() {
        String root = System.getProperty("jmd.root");
        sw = Path.of(root == null ? ".." : root).resolve("inputs/potentials/Si.sw").toAbsolutePath();
        assertTrue(Files.isRegularFile(sw), "missing " + sw);
        SyntheticData.write(dir.resolve("si.extxyz"), SyntheticData.frames(12, new String[] {"Si"}, 7));
    }

    private static Potential sw() { return PotentialRegistry.load().create("sw " + sw, null); }

    /** Stillinger & Weber (1985): diamond at a = 5.431 Å has E/N = −2ε = −4.3366 eV; a free atom has zero energy. */
    @Test void stillingerWeberPointsCarryTheirKnownEnergies() {
        AtomicSystem diamond = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1);
        InvariantPoint d = InvariantPoints.crystal("diamond", diamond, sw());
        assertEquals("Si", d.element());
        assertEquals(-4.3366, d.atomicEnergy(), 1e-4);
        InvariantPoint free = InvariantPoints.isolatedAtom("Si", sw());
        assertEquals("isolated_Si", free.name());
        assertEquals(0.0, free.atomicEnergy(), 0.0);
        assertEquals(1, free.structure().size());
    }

    @Test void equivalenceIsChecked() {
        // hcp atoms are equivalent for any c/a; rattling one atom of diamond breaks equivalence
        AtomicSystem hcp = Lattices.build("hcp", 3.0, 5.3, Double.NaN, new String[] {"Si"}, 1, 1, 1);
        assertEquals("Si", InvariantPoints.requireEquivalent("hcp", hcp));
        AtomicSystem rattled = Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1);
        rattled.x[3 * 5 + 1] += 0.05;
        InputException e = assertThrows(InputException.class, () -> InvariantPoints.requireEquivalent("rattled", rattled));
        assertTrue(e.getMessage().contains("not all equivalent"), e.getMessage());
        AtomicSystem zb = Lattices.build("zincblende", 5.4, Double.NaN, Double.NaN, new String[] {"Si", "C"}, 1, 1, 1);
        e = assertThrows(InputException.class, () -> InvariantPoints.requireEquivalent("sic", zb));
        assertTrue(e.getMessage().contains("single-element"), e.getMessage());
    }

    /**
     * The deck's points reach the trainer with SW's values, and the report measures the saved model
     * there: its mean atomic energy at an all-equivalent crystal must equal its own E/N.
     */
    @Test void deckPointsReachTheTrainerAndTheReport() throws IOException {
        // labelled structures for 'invariant_points read': an fcc cell with E/N = -3 and a free atom
        List<Frame> frames = new ArrayList<>();
        Frame fcc = new Frame(Lattices.build("fcc", 3.9, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1));
        fcc.energy = -12.0;
        fcc.info.put("name", "fcc_dft");
        frames.add(fcc);
        SyntheticData.write(dir.resolve("points.extxyz"), frames);

        Path out = dir.resolve("run");
        StringWriter log = new StringWriter();
        TrainDeck deck = new TrainDeck(new PrintWriter(log, true), out);
        TrainingRun.Result r = deck.run("""
                read si.extxyz
                reference_energies Si=-0.25
                invariant_points isolated reference="sw %s"
                invariant_points lattice diamond a=5.431 species=Si scales=1,1.05 reference="sw %s"
                invariant_points read points.extxyz
                model toy sigma=2.0 cutoff=5.0 epochs=3
                train seed=3 threads=1
                """.formatted(sw, sw), "ip.deck", dir);
        assertTrue(log.toString().contains("invariant points: 4 (isolated_Si, diamond_Si_a5.431, diamond_Si_a5.703, fcc_dft)"), log.toString());

        List<InvariantPoints.Deviation> points = r.invariantPoints();
        assertEquals(4, points.size());
        Potential model = PotentialRegistry.load().create(r.potentialLine(), out);
        assertEquals(0.0, points.get(0).reference(), 0.0); // SW's free atom
        assertEquals(-4.3366, points.get(1).reference(), 1e-4);
        assertEquals(-3.0, points.get(3).reference(), 1e-12);
        // the model's E/N at a crystal point, from its total energy, not from its atomic energies
        AtomicSystem diamond = Lattices.build("diamond", 5.431 * 1.05, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1);
        ForceResult fr = new ForceResult();
        new ForceCalculator(model, 0.0).compute(diamond, fr);
        assertEquals(fr.energy / diamond.size(), points.get(2).predicted(), 1e-12);
        // the toy model's free atom (no neighbours) has its reference energy
        assertEquals(-0.25, points.get(0).predicted(), 1e-12);
        String json = Files.readString(out.resolve(TrainingRun.REPORT_JSON));
        for (String key : List.of("\"invariant_points\"", "\"fcc_dft\"", "\"deviation_meV\"", "\"model_eV_per_atom\"")) {
            assertTrue(json.contains(key), key + " missing in report.json");
        }
        assertTrue(Files.readString(out.resolve(TrainingRun.REPORT_MD)).contains("## Invariant points"));
    }

    /** Without a reference potential (and no 'label'), the isolated atom's true value is the reference energy. */
    @Test void isolatedAtomsTakeTheReferenceEnergiesWhenNoPotentialIsGiven() {
        TrainDeck deck = new TrainDeck(new PrintWriter(new StringWriter()), dir.resolve("isolated"));
        TrainingRun.Result r = deck.run("""
                read si.extxyz
                reference_energies Si=-0.5
                invariant_points isolated
                model toy sigma=2.0 cutoff=5.0 epochs=2
                train threads=1
                """, "iso.deck", dir);
        assertEquals(1, r.invariantPoints().size());
        assertEquals("isolated_Si", r.invariantPoints().get(0).name());
        assertEquals(-0.5, r.invariantPoints().get(0).reference(), 0.0);
        assertEquals(0.0, r.invariantPoints().get(0).deviation(), 1e-12);
    }

    /** The NNP trainer logs every deck point each epoch; the deck's label potential gives the true values. */
    @Test void nnpTrainingLogsTheDeckPointsEveryEpoch() throws IOException {
        Path out = dir.resolve("nnp");
        TrainDeck deck = new TrainDeck(new PrintWriter(new StringWriter()), out);
        TrainingRun.Result r = deck.run("""
                read si.extxyz
                label potential="sw %s"
                invariant_points isolated
                invariant_points lattice diamond a=5.431 species=Si
                model nnp hidden=4 epochs=3
                train seed=1 threads=1
                """.formatted(sw), "nnp.deck", dir);
        assertEquals(0.0, r.invariantPoints().get(0).reference(), 0.0);
        assertEquals(-4.3366, r.invariantPoints().get(1).reference(), 1e-4);
        List<String> curve = Files.readAllLines(out.resolve(TrainingRun.LEARNING_CURVE));
        List<String> header = List.of(curve.get(0).split(","));
        for (String column : List.of("ip_isolated_Si_deviation_meV", "ip_diamond_Si_a5.431_deviation_meV", "ip_rms_deviation_meV")) {
            int c = header.indexOf(column);
            assertTrue(c >= 0, column + " not in " + header);
            for (String row : curve.subList(1, curve.size())) assertTrue(Double.isFinite(Double.parseDouble(row.split(",")[c])), row);
        }
        assertEquals(1 + 4, curve.size(), "epochs 0 to 3");
    }

    private static InputException fails(String text) {
        TrainDeck deck = new TrainDeck(new PrintWriter(new StringWriter()), dir.resolve("bad-" + System.nanoTime()));
        return assertThrows(InputException.class, () -> deck.run(text, "bad.deck", dir));
    }

    private static void assertError(String text, int line, String fragment) {
        InputException e = fails(text);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
    }

    @Test void badLinesAreErrorsAtTheirLine() throws IOException {
        assertError("read si.extxyz\ninvariant_points lattice diamond a=5.43 species=Si\n", 2, "needs reference=");
        assertError("read si.extxyz\ninvariant_points lattice wurtzite a=3.2 c=5.2 species=Zn reference=\"sw " + sw + "\"\n", 2, "two species");
        assertError("read si.extxyz\ninvariant_points lattice diamnd a=5.43 species=Si\n", 2, "unknown lattice 'diamnd'");
        assertError("read si.extxyz\ninvariant_points crystal\n", 2, "unknown kind 'crystal'");
        assertError("read si.extxyz\ninvariant_points isolated\ninvariant_points isolated\nmodel toy\ntrain\n", 5, "two invariant points are called isolated_Si");
        assertError("read si.extxyz\ninvariant_points lattice diamond a=5.43 species=Si scales=1,x reference=\"sw " + sw + "\"\n", 2, "scales expects a number, got 'x'");
        // a structure in the file whose atoms are not equivalent
        Frame rattled = new Frame(Lattices.build("diamond", 5.431, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1));
        rattled.system.x[0] += 0.1;
        rattled.energy = -30.0;
        SyntheticData.write(dir.resolve("rattled.extxyz"), List.of(rattled));
        assertError("read si.extxyz\ninvariant_points read rattled.extxyz\n", 2, "structure 1");
        // a point of an element the data do not hold is an error at 'train'
        assertError("read si.extxyz\ninvariant_points lattice fcc a=4.05 species=Al reference=\"lj epsilon=0.1 sigma=2.5 cutoff=6\"\n"
                + "model toy\ntrain\n", 4, "Al, which the training data do not contain");
    }
}
