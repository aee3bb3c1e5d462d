package org.jmd.potentials.committee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.N2p2Writer;
import org.jmd.potentials.nnp.Scaling;
import org.jmd.potentials.LennardJones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code potential committee DIR}, with nothing of the training module on the classpath: the
 * mean of its members and their force spread (by hand, and for networks sharing descriptors
 * against the members one by one), forces and virial against finite differences, and a clear
 * error for a directory without members.
 */
class CommitteeTest {
    private static final double EPSILON = 0.0125, SIGMA = 2.0, CUTOFF = 5.0;
    private static final String LJ = "lj epsilon=" + EPSILON + " sigma=" + SIGMA + " cutoff=" + CUTOFF;

    @TempDir Path dir;

    private Path committee(String... lines) throws IOException {
        Path c = dir.resolve("committee");
        for (int k = 0; k < lines.length; k++) {
            Path m = c.resolve("member-" + (k + 1));
            Files.createDirectories(m);
            Files.writeString(m.resolve("POTENTIAL"), "# member " + (k + 1) + "\n" + lines[k] + "\n");
        }
        return c;
    }

    private static Potential load(Path c) { return PotentialRegistry.load().create("committee " + c, Path.of("")); }

    private static Path siSw() {
        Path p = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw");
        assertTrue(Files.isRegularFile(p), "missing " + p.toAbsolutePath());
        return p.toAbsolutePath();
    }

    /** Evaluates the committee and returns its workspace, which knows the spread of that evaluation. */
    static Uncertainty spread(Potential c, AtomicSystem s) {
        ForceCalculator calculator = new ForceCalculator(c, 0.0);
        calculator.compute(s, new ForceResult());
        return (Uncertainty) calculator.workspace();
    }

    @Test void identicalMembersHaveZeroSpreadAndEqualAMember() throws IOException {
        Potential c = load(committee(LJ, LJ, LJ));
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 12, 14.0, 2.1, 3);
        ForceResult rc = Consistency.evaluate(c, s);
        ForceResult rm = Consistency.evaluate(new LennardJones(EPSILON, SIGMA, CUTOFF), s);
        assertEquals(rm.energy, rc.energy, 1e-12 * Math.abs(rm.energy));
        for (int k = 0; k < rm.forces.length; k++) assertEquals(rm.forces[k], rc.forces[k], 1e-12);
        for (int k = 0; k < 9; k++) assertEquals(rm.virial[k], rc.virial[k], 1e-12);
        for (int i = 0; i < s.size(); i++) assertEquals(rm.atomEnergies[i], rc.atomEnergies[i], 1e-12);
        assertInstanceOf(CommitteePotential.class, c);
        assertEquals(0.0, spread(c, s).maxForceSpread(), 1e-12);
    }

    /**
     * Neural-network members with the same symmetry functions are evaluated in one sweep that
     * describes each atom once: the committee's mean and spread are those of the members evaluated
     * one by one, and the same on 1 and 2 threads.
     */
    @Test void networksSharingDescriptorsGiveTheMembersMeanAndSpread() {
        BehlerParrinelloDescriptors bp = DefaultSymmetryFunctions.descriptors(List.of("Si"));
        int n = bp.size(0), hidden = 4;
        List<Potential> members = new java.util.ArrayList<>();
        java.util.Random rnd = new java.util.Random(5);
        for (int k = 0; k < 3; k++) {
            double[] min = new double[n], max = new double[n], mean = new double[n], sigma = new double[n];
            double[] w1 = new double[hidden * n], w2 = new double[hidden], b1 = new double[hidden];
            for (int f = 0; f < n; f++) { max[f] = 1 + rnd.nextDouble(); mean[f] = 0.5; sigma[f] = 0.3; }
            for (int c = 0; c < w1.length; c++) w1[c] = 0.2 * rnd.nextGaussian();
            for (int c = 0; c < hidden; c++) { w2[c] = 0.2 * rnd.nextGaussian(); b1[c] = 0.1 * rnd.nextGaussian(); }
            Path out = dir.resolve("nnp-" + k);
            new N2p2Writer(bp).scaling(Scaling.SCALE_CENTER, 0, 1).network(new int[] {hidden}, "t l").statistics("Si", min, max, mean, sigma)
                    .weights("Si", new double[][] {w1, w2}, new double[][] {b1, {-4.0}}).write(out);
            members.add(PotentialRegistry.load().create("nnp \"" + out + "\"", null));
        }
        CommitteePotential c = new CommitteePotential(members, "three networks");
        assertTrue(c.sharesDescriptors());
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 150, 20.0, 2.1, 8);
        ForceResult[] each = new ForceResult[3];
        for (int k = 0; k < 3; k++) each[k] = Consistency.evaluate(members.get(k), s);
        for (int threads : new int[] {1, 2}) {
            ForceCalculator calc = new ForceCalculator(c, 0.0, org.jmd.engine.ThreadTeam.of(threads));
            ForceResult r = new ForceResult();
            calc.compute(s, r);
            double energy = 0;
            for (int k = 0; k < 3; k++) energy += each[k].energy / 3;
            assertEquals(energy, r.energy, 1e-12 * Math.abs(energy));
            double maxSpread = 0;
            for (int i = 0; i < s.size(); i++) {
                double s2 = 0;
                for (int d = 0; d < 3; d++) {
                    double m = (each[0].forces[3 * i + d] + each[1].forces[3 * i + d] + each[2].forces[3 * i + d]) / 3;
                    assertEquals(m, r.forces[3 * i + d], 1e-12);
                    for (int k = 0; k < 3; k++) s2 += (each[k].forces[3 * i + d] - m) * (each[k].forces[3 * i + d] - m);
                }
                maxSpread = Math.max(maxSpread, Math.sqrt(s2 / 3));
            }
            assertEquals(maxSpread, ((Uncertainty) calc.workspace()).maxForceSpread(), 1e-12);
            assertTrue(maxSpread > 0);
        }
        // a member with other symmetry functions: evaluated member by member, same contract
        assertTrue(!new CommitteePotential(List.of(members.get(0), new LennardJones(0.01, 2, 5)), "mixed").sharesDescriptors());
    }

    /** Two LJ members differing only in ε: F_k = ε_k G, so σ_i = |ε1 − ε2|/2 · |G_i| with G the ε = 1 forces. */
    @Test void spreadOfTwoMembersByHand() throws IOException {
        Potential c = load(committee("lj epsilon=0.01 sigma=2 cutoff=5", "lj epsilon=0.03 sigma=2 cutoff=5"));
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 10, 14.0, 2.1, 4);
        Uncertainty u = spread(c, s);
        ForceResult unit = Consistency.evaluate(new LennardJones(1, 2, 5), s);
        double[] spread = u.forceSpread();
        double max = 0;
        for (int i = 0; i < s.size(); i++) {
            double g = Math.sqrt(unit.forces[3 * i] * unit.forces[3 * i] + unit.forces[3 * i + 1] * unit.forces[3 * i + 1]
                    + unit.forces[3 * i + 2] * unit.forces[3 * i + 2]);
            assertEquals(0.01 * g, spread[i], 1e-12);
            max = Math.max(max, 0.01 * g);
        }
        assertEquals(max, u.maxForceSpread(), 1e-12);
        assertTrue(max > 0);
    }

    /** A committee of a half-list (LJ) and a full-list (SW) member: forces and virial are derivatives of its energy. */
    @Test void forcesAndVirialMatchFiniteDifferences() throws IOException {
        Potential c = load(committee("lj epsilon=0.02 sigma=2.1 cutoff=4.5", "sw " + siSw()));
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Si"}, 16, 20.0, 2.2, 11);
        double fErr = Consistency.maxForceError(c, s, 1e-5);
        double wErr = Consistency.maxVirialError(c, s, 1e-6);
        assertTrue(fErr < 1e-6, "force error " + fErr);
        assertTrue(wErr < 1e-5, "virial error " + wErr);
        assertTrue(Consistency.atomEnergySumError(c, s) < 1e-10);
        assertTrue(Consistency.maxInvarianceError(c, s, 5) < 1e-9);
        assertTrue(spread(c, s).maxForceSpread() > 0);
    }

    @Test void missingMembersAreAClearError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> load(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("has no member-K/POTENTIAL"), e.getMessage());
        Path bad = committee("lj epsilon=1 sigma=2");
        e = assertThrows(InputException.class, () -> load(bad));
        assertTrue(e.getMessage().contains("member-1/POTENTIAL:1") && e.getMessage().contains("missing cutoff="), e.getMessage());
    }
}
