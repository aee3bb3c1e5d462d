package org.jmd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.io.StructureIO;
import org.jmd.serve.IpiAddress;
import org.jmd.serve.IpiChannel;
import org.jmd.serve.IpiClient;
import org.jmd.serve.ServedAtoms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A potential served over the i-PI socket protocol to ASE's SocketIOCalculator, i-PI and other drivers. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Connect to an i-PI server (i-PI, ASE's SocketIOCalculator) and compute energy, forces and virial "
                + "of every structure it sends, until it sends EXIT or closes the connection.",
            "The protocol works in Bohr and Hartree (converted with ASE's constants) and carries no species: give them with "
                + "--element (every atom the same) or --structure (the species of a file's atoms, in the server's order).",
            "With --extra, each reply's extra string is JSON: per-atom energies (Hartree) and, for a committee, per-atom force spread (Hartree/Bohr)."},
        footer = {"", "Examples:",
            "  jmd serve --potential \"sw inputs/potentials/Si.sw\" --element Si --unix si",
            "  jmd serve --potential \"tersoff ZnO_Erhart2006.tersoff\" \\",
            "      --structure zno.extxyz --host localhost --port 31415",
            "", "See docs/ase.md for a relaxation with ASE."})
final class ServeCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "LINE",
            description = "What a deck line 'potential LINE' would say, e.g. \"sw inputs/potentials/Si.sw\".")
    String potentialLine;

    @Option(names = "--unix", paramLabel = "NAME",
            description = "Connect to the UNIX socket /tmp/ipi_NAME (as i-PI, ASE and LAMMPS name them); a NAME with a '/' is the socket's path.")
    String unix;

    @Option(names = "--host", paramLabel = "HOST", description = "Connect over TCP to HOST (default localhost) at --port.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port of the server (i-PI's and ASE's default is 31415).")
    Integer port;

    @Option(names = "--element", paramLabel = "SYMBOL", description = "Every atom is this element, whatever their number.")
    String element;

    @Option(names = "--structure", paramLabel = "FILE",
            description = "The species (and charges, if given) of this structure's atoms, in order (any format jmd reads; positions and cell are ignored). "
                    + "Every structure served must then have that many atoms.")
    Path structure;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Once a message has begun, how long the rest may take to arrive (default ${DEFAULT-VALUE}). "
                    + "Between messages jmd waits without limit.")
    double timeout;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to keep trying to connect while the server is not listening yet (default ${DEFAULT-VALUE}).")
    double wait;

    @Option(names = "--extra",
            description = "Send per-atom energies (Hartree) and, for a committee, per-atom force spread (Hartree/Bohr) as JSON in each "
                    + "reply's extra string, for i-PI. Off by default: ASE's SocketIOCalculator (3.22) fails on an extra string.")
    boolean extras;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        IpiAddress address = address();
        ServedAtoms atoms = atoms();
        if (!(timeout > 0)) throw new InputException("--timeout must be positive, got " + timeout);
        if (!(wait >= 0)) throw new InputException("--wait must be zero or positive, got " + wait);
        Potential potential = PotentialRegistry.load().create(potentialLine, Path.of(""));
        ForceCalculator calculator = new ForceCalculator(potential);
        PrintWriter out = spec.commandLine().getOut();
        SocketChannel socket = address.connect((long) (wait * 1000));
        try (IpiChannel channel = new IpiChannel(socket, "i-PI server " + address, (long) (timeout * 1000))) {
            out.println("jmd serve: connected to " + address + "; " + potential.describe() + ", " + atoms.describe()
                    + ", " + ThreadsOption.threads() + " thread(s)");
            out.flush();
            IpiClient client = new IpiClient(channel, calculator, atoms, extras);
            IpiClient.End end = client.run();
            out.println("jmd serve: " + client.evaluations() + " structure(s) evaluated, " + calculator.neighborBuilds()
                    + " neighbor-list build(s); " + (end == IpiClient.End.EXIT ? "the server sent EXIT" : "the server closed the connection"));
            out.flush();
        }
        return 0;
    }

    private IpiAddress address() {
        if (unix != null) {
            if (host != null || port != null) throw new InputException("give either --unix NAME or --host/--port, not both");
            if (unix.isEmpty()) throw new InputException("--unix needs a socket name");
            return IpiAddress.unix(unix);
        }
        if (port == null) throw new InputException("say where the i-PI server listens: --unix NAME, or --port PORT [--host HOST]");
        if (port < 1 || port > 65535) throw new InputException("--port must be between 1 and 65535, got " + port);
        return IpiAddress.inet(host == null ? "localhost" : host, port);
    }

    private ServedAtoms atoms() {
        if (element != null && structure != null) throw new InputException("give either --element or --structure, not both");
        if (element != null) {
            if (element.isBlank()) throw new InputException("--element needs a symbol");
            return ServedAtoms.uniform(element);
        }
        if (structure != null) return ServedAtoms.of(StructureIO.read(structure).system, structure.toString());
        throw new InputException("the i-PI protocol carries no species: give --element SYMBOL (every atom the same) "
                + "or --structure FILE (the species of its atoms, in the server's order)");
    }
}
