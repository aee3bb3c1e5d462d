package org.jmd.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;

/** An {@link IpiServer} in the test's thread and an {@link IpiClient} on a thread of its own, over a UNIX socket. */
final class Session implements AutoCloseable {
    final IpiServer server;
    final ForceCalculator calculator;
    final Future<IpiClient.End> end;
    volatile Thread clientThread;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    Session(Path dir, Potential potential, ServedAtoms atoms, boolean extras) throws Exception {
        Path socket = dir.resolve("ipi.sock");
        server = IpiServer.unix(socket, 10_000);
        calculator = new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
        end = pool.submit(() -> {
            clientThread = Thread.currentThread();
            try (IpiChannel channel = new IpiChannel(IpiAddress.unix(socket.toString()).connect(10_000), "test server", 10_000)) {
                return new IpiClient(channel, calculator, atoms, extras).run();
            }
        });
        server.accept(10_000);
    }

    /** Si with Stillinger–Weber from the repository's inputs/potentials/Si.sw. */
    static Potential siliconSw() {
        Path sw = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw");
        assertTrue(Files.exists(sw), "repository file missing: " + sw);
        return PotentialRegistry.load().create("sw " + sw, null);
    }

    /** How the client ended, waiting at most 10 s for it (a hang fails the test). */
    IpiClient.End finish() throws Exception {
        return end.get(10, TimeUnit.SECONDS);
    }

    @Override public void close() throws Exception {
        server.close();
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
