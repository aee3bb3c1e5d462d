package org.jmd.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.Structures;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against jmd's own server side: every message of the protocol, structures whose
 * cell and atom count change, units and layout (compared with a direct evaluation), neighbor-list
 * reuse, the extra string, and no allocation per structure.
 */
class IpiClientTest {
    @TempDir Path dir;

    private static final Potential SW = Session.siliconSw();

    /** Diamond Si, m×m×m conventional cells, rattled. */
    static AtomicSystem diamond(int m, double rattle, long seed) {
        double a = 5.431;
        double[][] basis = {{0, 0, 0}, {0, .5, .5}, {.5, 0, .5}, {.5, .5, 0}, {.25, .25, .25}, {.25, .75, .75}, {.75, .25, .75}, {.75, .75, .25}};
        double[] x = new double[24];
        for (int k = 0; k < 8; k++) for (int d = 0; d < 3; d++) x[3 * k + d] = basis[k][d] * a;
        AtomicSystem s = Structures.repeat(new AtomicSystem(Cell.orthorhombic(a, a, a), new String[] {"Si"}, new int[8], x), m, m, m);
        Random r = new Random(seed);
        for (int k = 0; k < s.x.length; k++) s.x[k] += rattle * r.nextGaussian();
        return s;
    }

    /** A cluster without a cell: the first atoms of a rattled crystal, moved away from the origin. */
    static AtomicSystem cluster(int n) {
        AtomicSystem bulk = diamond(2, 0.1, 5);
        double[] x = new double[3 * n];
        for (int k = 0; k < 3 * n; k++) x[k] = bulk.x[k] + 7.0;
        return new AtomicSystem(Cell.open(), new String[] {"Si"}, new int[n], x);
    }

    private static void assertSame(ForceResult expected, IpiServer.Reply got, String what) {
        double fmax = 0, wmax = 0;
        for (double f : expected.forces) fmax = Math.max(fmax, Math.abs(f));
        for (double w : expected.virial) wmax = Math.max(wmax, Math.abs(w));
        assertEquals(expected.energy, got.energy, 1e-12 * Math.abs(expected.energy), what + ": energy");
        assertEquals(expected.forces.length, got.forces.length, what + ": atom count");
        for (int k = 0; k < expected.forces.length; k++) assertEquals(expected.forces[k], got.forces[k], 1e-12 * fmax, what + ": force " + k);
        for (int k = 0; k < 9; k++) assertEquals(expected.virial[k], got.virial[k], 1e-12 * wmax, what + ": virial " + k);
    }

    /**
     * Periodic cubic, triclinic (a lower-triangular cell, so a transposed cell would change the
     * result), a cluster with no cell, and the first structure again: energy, forces and virial
     * through the socket equal a direct evaluation to 1e-12 (relative to the largest component).
     */
    @Test void structuresOfChangingCellAndSizeEqualDirectEvaluation() throws Exception {
        List<AtomicSystem> structures = List.of(diamond(2, 0.05, 1), Consistency.randomTriclinic(new String[] {"Si"}, 30, 20.0, 2.2, 3),
                cluster(40), diamond(2, 0.05, 1));
        try (Session s = new Session(dir, SW, ServedAtoms.uniform("Si"), false)) {
            IpiServer.Reply reply = new IpiServer.Reply();
            for (int k = 0; k < structures.size(); k++) {
                AtomicSystem a = structures.get(k);
                s.server.evaluate(a.cell().matrix(), a.x, a.size(), reply);
                assertSame(Consistency.evaluate(SW, a), reply, "structure " + k + " (" + a.size() + " atoms)");
            }
            s.server.exit();
            assertEquals(IpiClient.End.EXIT, s.finish());
        }
    }

    /** NEEDINIT until INIT, READY, HAVEDATA after POSDATA, READY again after GETFORCE; a close between structures ends cleanly. */
    @Test void statusFollowsTheProtocol() throws Exception {
        AtomicSystem a = diamond(1, 0.05, 2);
        try (Session s = new Session(dir, SW, ServedAtoms.uniform("Si"), false)) {
            assertEquals(IpiMessage.NEEDINIT, s.server.status());
            assertEquals(IpiMessage.NEEDINIT, s.server.status(), "asking twice changes nothing");
            s.server.init("{\"anything\": 1}");
            assertEquals(IpiMessage.READY, s.server.status());
            s.server.positions(a.cell().matrix(), a.x, a.size());
            assertEquals(IpiMessage.HAVEDATA, s.server.status());
            s.server.forces(new IpiServer.Reply());
            assertEquals(IpiMessage.READY, s.server.status());
            s.server.disconnect();
            assertEquals(IpiClient.End.CLOSED, s.finish());
            assertEquals(1, s.calculator.evaluations());
        }
    }

    /**
     * 50 MD-like structures moved by 0.01 Å each: the neighbor list (skin 1 Å) is rebuilt only
     * when an atom has moved half the skin, so far fewer builds than structures.
     */
    @Test void neighborListIsKeptWhileAtomsMoveLittle() throws Exception {
        AtomicSystem a = diamond(2, 0.05, 3);
        Random r = new Random(4);
        try (Session s = new Session(dir, SW, ServedAtoms.uniform("Si"), false)) {
            IpiServer.Reply reply = new IpiServer.Reply();
            for (int step = 0; step < 50; step++) {
                for (int k = 0; k < a.x.length; k++) a.x[k] += 0.01 * (r.nextDouble() - 0.5);
                s.server.evaluate(a.cell().matrix(), a.x, a.size(), reply);
            }
            assertSame(Consistency.evaluate(SW, a), reply, "last structure");
            s.server.exit();
            s.finish();
            System.out.printf("50 structures, %d neighbor-list builds%n", s.calculator.neighborBuilds());
            assertTrue(s.calculator.neighborBuilds() <= 5, s.calculator.neighborBuilds() + " builds");
        }
    }

    /** With extras, FORCEREADY's extra string is JSON with the per-atom energies in Hartree, summing to the energy. */
    @Test void extraStringCarriesPerAtomEnergiesInHartree() throws Exception {
        AtomicSystem a = diamond(1, 0.1, 6);
        try (Session s = new Session(dir, SW, ServedAtoms.uniform("Si"), true)) {
            IpiServer.Reply reply = new IpiServer.Reply();
            s.server.evaluate(a.cell().matrix(), a.x, a.size(), reply);
            String json = s.server.extra();
            s.server.exit();
            s.finish();
            Matcher m = Pattern.compile("^\\{\"energies\": \\[([^\\]]*)\\]\\}$").matcher(json);
            assertTrue(m.matches(), json);
            String[] values = m.group(1).split(", ");
            assertEquals(a.size(), values.length);
            ForceResult direct = Consistency.evaluate(SW, a);
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                double e = Double.parseDouble(values[i]);
                assertEquals(direct.atomEnergies[i] / IpiUnits.ENERGY, e, 1e-15, "atom " + i);
                sum += e;
            }
            assertEquals(reply.energy / IpiUnits.ENERGY, sum, 1e-12);
        }
    }

    /**
     * 1,200 structures of 64 atoms, each moved a little, with extras. While the cell stays the
     * same the client thread allocates no more per structure than a direct
     * {@code ForceCalculator.compute} on the same structure does (the kernels' own per-call
     * lambdas, ~128 bytes): the protocol adds nothing. With a cell strained at every structure (as
     * under a barostat) it adds the new Cell object, a few hundred bytes, and nothing grows with
     * the number of structures.
     */
    @Test void servingAllocatesNothingThatGrowsWithCalls() throws Exception {
        AtomicSystem a = diamond(2, 0.05, 7);
        double[] h = a.cell().matrix();
        Random r = new Random(8);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Session s = new Session(dir, SW, ServedAtoms.uniform("Si"), true)) {
            IpiServer.Reply reply = new IpiServer.Reply();
            long[] allocated = new long[6];
            for (int round = 0; round < 6; round++) {
                for (int step = 0; step < 200; step++) {
                    for (int k = 0; k < a.x.length; k++) a.x[k] += 0.002 * (r.nextDouble() - 0.5);
                    if (round >= 3) h[0] *= 1 + 1e-6 * (r.nextDouble() - 0.5);
                    s.server.evaluate(h, a.x, a.size(), reply);
                }
                // the client has sent its reply and waits for the next message: its count is settled
                allocated[round] = threads.getThreadAllocatedBytes(s.clientThread.getId());
            }
            s.server.exit();
            s.finish();
            double direct = directAllocation(a);
            double fixedCell = (allocated[2] - allocated[1]) / 200.0;
            double strainedEarly = (allocated[4] - allocated[3]) / 200.0, strainedLate = (allocated[5] - allocated[4]) / 200.0;
            System.out.printf("bytes per structure: direct compute %.1f; client thread %.1f with a fixed cell, %.1f then %.1f with a changing cell%n",
                    direct, fixedCell, strainedEarly, strainedLate);
            assertTrue(fixedCell <= direct + 16, fixedCell + " bytes per structure with a fixed cell, direct compute " + direct);
            assertTrue(strainedLate <= direct + 600, strainedLate + " bytes per structure with a changing cell");
            assertTrue(strainedLate <= strainedEarly + 16, "allocation grows with calls: " + strainedEarly + " then " + strainedLate);
        }
    }

    /** Bytes a direct evaluation allocates per call on this thread, after warm-up. */
    private static double directAllocation(AtomicSystem a) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ForceCalculator calculator = new ForceCalculator(SW, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
        ForceResult r = new ForceResult();
        for (int k = 0; k < 1000; k++) calculator.compute(a, ForceResult.ALL, r);
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int k = 0; k < 200; k++) calculator.compute(a, ForceResult.ALL, r);
        return (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / 200.0;
    }

    /** The same over TCP. */
    @Test void tcpWorksLikeUnix() throws Exception {
        AtomicSystem a = Consistency.randomTriclinic(new String[] {"Si"}, 20, 20.0, 2.2, 9);
        try (IpiServer server = IpiServer.tcp(10_000)) {
            int port = server.port();
            ForceCalculator calculator = new ForceCalculator(SW);
            Thread client = new Thread(() -> {
                try (IpiChannel c = new IpiChannel(IpiAddress.inet("127.0.0.1", port).connect(10_000), "test server", 10_000)) {
                    new IpiClient(c, calculator, ServedAtoms.uniform("Si"), false).run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            client.start();
            server.accept(10_000);
            IpiServer.Reply reply = new IpiServer.Reply();
            server.evaluate(a.cell().matrix(), a.x, a.size(), reply);
            server.exit();
            client.join(10_000);
            assertSame(Consistency.evaluate(SW, a), reply, "over TCP");
        }
    }
}
