package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Uncertainty;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.serve.IpiMessage;
import org.jmd.serve.IpiServer;
import org.jmd.serve.IpiUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jmd serve} against a small fake server: a normal session, a committee's extras, and
 * every way a server can go wrong — each must end jmd serve within seconds with exit status 2
 * and one line saying what was received, never a hang or a stack trace.
 */
class ServeCommandTest {
    @TempDir Path dir;

    private static final String SW = "sw " + Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw");
    private static final AtomicSystem SI = Consistency.randomTriclinic(new String[] {"Si"}, 16, 20.0, 2.2, 11);

    /** A fake server on a UNIX socket in the test's folder, and {@code jmd serve ARGS} connected to it on another thread. */
    private final class Served implements AutoCloseable {
        final IpiServer server;
        final CompletableFuture<Jmd.Run> run;
        private final ExecutorService pool = Executors.newSingleThreadExecutor();

        Served(String... args) throws Exception {
            Path socket = dir.resolve("ipi.sock");
            server = IpiServer.unix(socket, 10_000);
            List<String> all = new ArrayList<>(List.of("serve", "--unix", socket.toString(), "--threads", "1"));
            all.addAll(List.of(args));
            run = CompletableFuture.supplyAsync(() -> Jmd.run(all.toArray(new String[0])), pool);
            server.accept(20_000);
        }

        /** jmd serve's result; a run still going after 15 s is a hang and fails the test. */
        Jmd.Run result() throws Exception {
            try {
                return run.get(15, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                fail("jmd serve hangs");
                return null;
            }
        }

        @Override public void close() throws Exception {
            server.close();
            pool.shutdownNow();
        }
    }

    /** Exit status 2, one line "jmd: error: i-PI server unix:…: PROBLEM" containing {@code expected}, no stack trace. */
    private static void assertOneLineError(Jmd.Run r, String expected) {
        assertEquals(2, r.code(), "exit status; stderr: " + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("jmd: error: i-PI server unix:"), err);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        System.out.println(err);
    }

    @Test void servesStructuresUntilExit() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            IpiServer.Reply reply = new IpiServer.Reply();
            for (int k = 0; k < 3; k++) s.server.evaluate(SI.cell().matrix(), SI.x, SI.size(), reply);
            s.server.exit();
            Jmd.Run r = s.result();
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("jmd serve: 3 structure(s) evaluated, 1 neighbor-list build(s); the server sent EXIT"), r.out());
            ForceResult direct = Consistency.evaluate(PotentialRegistry.load().create(SW, null), SI);
            assertEquals(direct.energy, reply.energy, 1e-12 * Math.abs(direct.energy));
        }
    }

    /** ASE closes the connection when it is done, without EXIT: a normal end after at least one structure. */
    @Test void aCloseBetweenStructuresIsANormalEnd() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.evaluate(SI.cell().matrix(), SI.x, SI.size(), new IpiServer.Reply());
            s.server.disconnect();
            Jmd.Run r = s.result();
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("1 structure(s) evaluated") && r.out().contains("the server closed the connection"), r.out());
        }
    }

    /**
     * A committee with --extra: the extra string is JSON with the per-atom energies (Hartree) and
     * the per-atom force spread (Hartree/Bohr), equal to the committee's own to 1e-15.
     */
    @Test void committeeExtrasCarryTheForceSpread() throws Exception {
        Path c = CommitteeThermoTest.writeLjCommittee(dir.resolve("committee"));
        String json;
        try (Served s = new Served("--potential", "committee " + c, "--element", "Si", "--extra")) {
            s.server.evaluate(SI.cell().matrix(), SI.x, SI.size(), new IpiServer.Reply());
            json = s.server.extra();
            s.server.exit();
            assertEquals(0, s.result().code());
        }
        ForceCalculator direct = new ForceCalculator(PotentialRegistry.load().create("committee " + c, null), 0.0);
        ForceResult r = new ForceResult();
        direct.compute(SI, r);
        double[] spread = ((Uncertainty) direct.workspace()).forceSpread();
        double[] energies = numbers(json, "energies"), got = numbers(json, "force_spread");
        assertEquals(SI.size(), energies.length);
        assertEquals(SI.size(), got.length);
        for (int i = 0; i < SI.size(); i++) {
            assertEquals(r.atomEnergies[i] / IpiUnits.ENERGY, energies[i], 1e-15, "energy of atom " + i);
            assertEquals(spread[i] / IpiUnits.FORCE, got[i], 1e-15, "force spread of atom " + i);
        }
    }

    private static double[] numbers(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return java.util.Arrays.stream(m.group(1).split(", ")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * --structure also brings the file's per-atom charges, for a potential that reads them from
     * the structure (Buckingham with damped shifted-force Coulomb and no charges=): the same
     * energy as a direct evaluation to 1e-12.
     */
    @Test void structureBringsItsCharges() throws Exception {
        AtomicSystem zno = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 16, 12.0, 1.8, 13);
        for (int i = 0; i < zno.size(); i++) zno.charge[i] = zno.type[i] == 0 ? 1.2 : -1.2;
        Frame frame = new Frame(zno);
        frame.hasCharges = true;
        Path file = dir.resolve("zno.extxyz");
        StructureIO.write(file, frame);
        String line = "buckingham cutoff=8.0 coulomb=dsf alpha=0.2 pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";
        IpiServer.Reply reply = new IpiServer.Reply();
        try (Served s = new Served("--potential", line, "--structure", file.toString())) {
            s.server.evaluate(zno.cell().matrix(), zno.x, zno.size(), reply);
            s.server.exit();
            assertEquals(0, s.result().code());
        }
        ForceResult direct = Consistency.evaluate(PotentialRegistry.load().create(line, null), zno);
        assertEquals(direct.energy, reply.energy, 1e-12 * Math.abs(direct.energy));
    }

    // ---- a server going wrong: exit status 2 and one line ----

    @Test void serverClosingBeforeAnyStructure() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.status();
            s.server.disconnect();
            assertOneLineError(s.result(), "the server closed the connection before asking for any forces");
        }
    }

    @Test void serverClosingAfterPositionsWithoutAskingForForces() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.status();
            s.server.positions(SI.cell().matrix(), SI.x, SI.size());
            s.server.disconnect();
            assertOneLineError(s.result(), "after sending a structure (POSDATA) without asking for its forces (GETFORCE)");
        }
    }

    /** POSDATA cut off in the positions and the connection closed. */
    @Test void truncatedMessage() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            posdataHead(s.server, 16);
            s.server.out(8).putDouble(1.0);
            s.server.flush();
            s.server.disconnect();
            assertOneLineError(s.result(), "the connection closed in the middle of POSDATA: 8 of the 384 bytes of the positions arrived");
        }
    }

    /** POSDATA cut off while the server keeps the connection open: the rest must come within --timeout. */
    @Test void stalledMessage() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si", "--timeout", "1")) {
            posdataHead(s.server, 16);
            s.server.flush();
            assertOneLineError(s.result(), "no complete POSDATA within 1.0 s: the server stopped sending in the middle of it");
        }
    }

    @Test void wrongHeader() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.out(12).put("HELLO\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
            s.server.flush();
            assertOneLineError(s.result(), "expected a message header (a word such as STATUS or POSDATA padded with spaces to 12 bytes), got "
                    + "'HELLO\\x00\\x00\\x00\\x00\\x00\\x00\\x00'");
        }
    }

    /** A header the client itself sends is not one a server may send. */
    @Test void clientMessageFromTheServer() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            IpiMessage.READY.put(s.server.out(12));
            s.server.flush();
            assertOneLineError(s.result(), "received READY, which only a client sends");
        }
    }

    /** --structure fixes the species and so the atom count; POSDATA with another count is refused. */
    @Test void atomCountThatDoesNotMatchTheSpecies() throws Exception {
        Path species = dir.resolve("si8.extxyz");
        StructureIO.write(species, new Frame(Consistency.randomTriclinic(new String[] {"Si"}, 8, 20.0, 2.2, 12)));
        try (Served s = new Served("--potential", SW, "--structure", species.toString())) {
            s.server.status();
            s.server.positions(SI.cell().matrix(), SI.x, SI.size());
            assertOneLineError(s.result(), "POSDATA has 16 atoms, but the species come from " + species + " with 8");
        }
    }

    @Test void negativeAtomCount() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            posdataHead(s.server, -3);
            s.server.flush();
            assertOneLineError(s.result(), "POSDATA announces -3 atoms");
        }
    }

    @Test void nonFinitePositions() throws Exception {
        double[] x = SI.x.clone();
        x[3 * 4 + 1] = Double.NaN;
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.positions(SI.cell().matrix(), x, SI.size());
            assertOneLineError(s.result(), "POSDATA: atom 5 of 16 has a non-finite position (");
        }
    }

    @Test void nonFiniteCell() throws Exception {
        double[] h = SI.cell().matrix();
        h[4] = Double.POSITIVE_INFINITY;
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            s.server.positions(h, SI.x, SI.size());
            assertOneLineError(s.result(), "POSDATA: the cell has a non-finite component");
        }
    }

    @Test void forcesAskedForBeforeAnyStructure() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            IpiMessage.GETFORCE.put(s.server.out(12));
            s.server.flush();
            assertOneLineError(s.result(), "GETFORCE before any structure was sent (POSDATA)");
        }
    }

    @Test void oversizedInitString() throws Exception {
        try (Served s = new Served("--potential", SW, "--element", "Si")) {
            ByteBuffer out = s.server.out(20);
            IpiMessage.INIT.put(out);
            out.putInt(0).putInt(Integer.MAX_VALUE);
            s.server.flush();
            assertOneLineError(s.result(), "INIT announces a string of 2147483647 bytes");
        }
    }

    // ---- the command line itself ----

    @Test void speciesMustBeGiven() {
        Jmd.Run r = Jmd.run("serve", "--potential", SW, "--unix", dir.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the i-PI protocol carries no species: give --element SYMBOL"), r.err());
    }

    @Test void whereToConnectMustBeGiven() {
        Jmd.Run r = Jmd.run("serve", "--potential", SW, "--element", "Si");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("say where the i-PI server listens: --unix NAME, or --port PORT [--host HOST]"), r.err());
    }

    @Test void noServerIsAnErrorNamingTheSocket() {
        Path missing = dir.resolve("nobody.sock");
        Jmd.Run r = Jmd.run("serve", "--potential", SW, "--element", "Si", "--unix", missing.toString(), "--wait", "0.3");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jmd: error: unix:" + missing + ": cannot connect to the i-PI server"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    /** POSDATA's header, a unit cell of 10 Bohr, a zero inverse and the atom count: what comes before the positions. */
    private static void posdataHead(IpiServer server, int atoms) {
        ByteBuffer out = server.out(160);
        IpiMessage.POSDATA.put(out);
        for (int k = 0; k < 9; k++) out.putDouble(k % 4 == 0 ? 10.0 : 0.0);
        for (int k = 0; k < 9; k++) out.putDouble(k % 4 == 0 ? 0.1 : 0.0);
        out.putInt(atoms);
    }
}
