package org.jmd.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.Structures;
import org.jmd.engine.ThreadTeam;
import org.jmd.serve.IpiAddress;
import org.jmd.serve.IpiChannel;
import org.jmd.serve.IpiClient;
import org.jmd.serve.IpiServer;
import org.jmd.serve.ServedAtoms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code jmd serve} costs on top of the force evaluation: one i-PI round trip (STATUS,
 * POSDATA, STATUS, GETFORCE and the reply, as ASE's SocketIOCalculator sends them) over a UNIX
 * socket to an {@link IpiClient} on its own thread, against the same {@code ForceCalculator}
 * call made directly (what {@code jmd eval} does per structure). SW Si, rattled diamond of 96
 * (2×2×3 cells) and 10,648 (11³) atoms; the structure moves by 1e-4 Å between calls, so the
 * neighbor list is kept, as in MD or a relaxation. Both sides run one force thread. {@code
 * socketExtras} adds the JSON extra string of per-atom energies ({@code jmd serve --extra}).
 * Score: µs per call; the overhead is {@code socket − direct}, also measured alone with a
 * potential that does no work ({@code model=empty}).
 *
 * <p>The server side is jmd's own {@link IpiServer} in the benchmark thread, so the figure also
 * holds its share (converting positions to Bohr, reading the reply), which in real use ASE's
 * numpy does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ServeBenchmark {
    @Param({"96", "10648"})
    public int atoms;

    /**
     * {@code sw}: Stillinger–Weber Si. {@code empty}: Lennard-Jones with a 0.1 Å cutoff, which
     * finds no pairs, so the score is the protocol's own cost with next to no force work.
     */
    @Param({"sw", "empty"})
    public String model;

    AtomicSystem system;
    double[] cell;
    ForceCalculator direct;
    final ForceResult result = new ForceResult();
    final IpiServer.Reply reply = new IpiServer.Reply();
    Path folder;
    IpiServer plain, extras;
    Thread plainClient, extrasClient;
    double step = 1e-4;

    @Setup(Level.Trial) public void setUp() throws Exception {
        Path root = Path.of(System.getProperty("jmd.root", "."));
        Path sw = root.resolve("inputs/potentials/Si.sw");
        if (!Files.exists(sw)) throw new IllegalStateException("potential file not found: " + sw.toAbsolutePath() + " (run from the repository root or set -Djmd.root)");
        String line = model.equals("sw") ? "sw " + sw.toAbsolutePath() : "lj epsilon=0.01 sigma=1 cutoff=0.1";
        Potential potential = PotentialRegistry.load().create(line, root);
        AtomicSystem unit = Crystals.silicon(8, 1);
        system = atoms == 96 ? Structures.repeat(unit, 2, 2, 3) : Crystals.silicon(atoms, 1);
        if (system.size() != atoms) throw new IllegalStateException(system.size() + " atoms, not " + atoms);
        cell = system.cell().matrix();
        direct = new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
        folder = Files.createTempDirectory("jmd-serve-bench");
        plain = IpiServer.unix(folder.resolve("plain.sock"), 60_000);
        plainClient = client(folder.resolve("plain.sock"), potential, false);
        plain.accept(60_000);
        extras = IpiServer.unix(folder.resolve("extras.sock"), 60_000);
        extrasClient = client(folder.resolve("extras.sock"), potential, true);
        extras.accept(60_000);
    }

    private static Thread client(Path socket, Potential potential, boolean extras) {
        Thread t = new Thread(() -> {
            ForceCalculator calculator = new ForceCalculator(potential, ForceCalculator.DEFAULT_SKIN, ThreadTeam.serial());
            try (IpiChannel channel = new IpiChannel(IpiAddress.unix(socket.toString()).connect(60_000), "benchmark server", 60_000)) {
                new IpiClient(channel, calculator, ServedAtoms.uniform("Si"), extras).run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "jmd-serve-client");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @TearDown(Level.Trial) public void tearDown() throws Exception {
        plain.exit();
        extras.exit();
        plainClient.join(10_000);
        extrasClient.join(10_000);
        plain.close();
        extras.close();
        Files.deleteIfExists(folder);
    }

    /** A small move of one atom, back and forth, so each call sees a new structure but the list stays. */
    private void move() {
        system.x[0] += step;
        step = -step;
    }

    /** Forces, energy, virial and per-atom energies by a direct call, as jmd eval makes it. */
    @Benchmark public double direct() {
        move();
        direct.compute(system, ForceResult.ALL, result);
        return result.energy;
    }

    /** The same through the socket: one whole i-PI exchange. */
    @Benchmark public double socket() {
        move();
        plain.evaluate(cell, system.x, system.size(), reply);
        return reply.energy;
    }

    /** The same with the JSON extra string of per-atom energies. */
    @Benchmark public double socketExtras() {
        move();
        extras.evaluate(cell, system.x, system.size(), reply);
        return reply.energy;
    }
}
