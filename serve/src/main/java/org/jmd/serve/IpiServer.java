package org.jmd.serve;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Matrix3;

/**
 * The server ("driver") side of the i-PI protocol, as i-PI and ASE's {@code SocketIOCalculator}
 * run it, in jmd's units: it sends structures in Å and gets energies in eV, forces in eV/Å and
 * the virial W = Σ r⊗f in eV back. jmd's tests drive {@code jmd serve} with it (also with
 * deliberately broken messages, through {@link #out}) and the benchmarks time the round trip.
 */
public final class IpiServer implements Closeable {
    private final ServerSocketChannel listener;
    private final Path socketFile;
    private final long timeoutMillis;
    private IpiChannel channel;
    private final double[] wire = new double[9];
    private final double[] inverse = new double[9];
    private byte[] extra = new byte[0];
    private int extraLength;

    /** What GETFORCE brought back, converted to jmd's units; buffers are reused from call to call. */
    public static final class Reply {
        public double energy;
        public double[] forces = new double[0];
        /** W = Σ r⊗f, eV, row-major, as jmd's {@code ForceResult.virial}. */
        public final double[] virial = new double[9];
    }

    private IpiServer(ServerSocketChannel listener, Path socketFile, long timeoutMillis) {
        this.listener = listener;
        this.socketFile = socketFile;
        this.timeoutMillis = timeoutMillis;
    }

    /** Listens on a UNIX socket at {@code path} (removed again by {@link #close}). */
    public static IpiServer unix(Path path, long timeoutMillis) throws IOException {
        Files.deleteIfExists(path);
        return new IpiServer(IpiAddress.unix(path.toAbsolutePath().toString()).listen(), path, timeoutMillis);
    }

    /** Listens on a free TCP port of the loopback interface ({@link #port()}). */
    public static IpiServer tcp(long timeoutMillis) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        return new IpiServer(s, null, timeoutMillis);
    }

    /** The TCP port listened on. */
    public int port() throws IOException { return ((InetSocketAddress) listener.getLocalAddress()).getPort(); }

    /** Waits up to {@code millis} for the client to connect. */
    public void accept(long millis) throws IOException {
        listener.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            listener.register(selector, SelectionKey.OP_ACCEPT);
            long limit = System.currentTimeMillis() + millis;
            SocketChannel client;
            while ((client = listener.accept()) == null) {
                long left = limit - System.currentTimeMillis();
                if (left <= 0) throw new IOException("no client connected within " + millis + " ms");
                selector.select(left);
            }
            if (socketFile == null) client.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel = new IpiChannel(client, "jmd serve client", timeoutMillis);
        }
    }

    /** Sends STATUS and returns the client's answer. */
    public IpiMessage status() {
        channel.send(IpiMessage.STATUS);
        return reply();
    }

    /** Sends INIT with bead index 0 and the given string. */
    public void init(String parameters) {
        byte[] b = parameters.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = channel.room(20);
        IpiMessage.INIT.put(out);
        out.putInt(0).putInt(b.length);
        for (byte x : b) channel.room(1).put(x);
        channel.flush();
    }

    /**
     * Sends POSDATA: the cell as jmd writes it (rows a, b, c in Å; all zero for none) and
     * {@code n} atoms' positions (Å).
     */
    public void positions(double[] cellRows, double[] x, int n) {
        IpiUnits.cellToWire(cellRows, wire);
        ByteBuffer out = channel.room(160);
        IpiMessage.POSDATA.put(out);
        for (double v : wire) out.putDouble(v);
        // ASE sends the pseudo-inverse, zeros for an empty cell; the client ignores it, so a cell
        // the tests make bad on purpose (singular, infinite) goes out with zeros too
        double det = Matrix3.determinant(wire);
        if (det == 0 || !Double.isFinite(det)) java.util.Arrays.fill(inverse, 0.0);
        else Matrix3.inverse(wire, inverse);
        for (double v : inverse) out.putDouble(v);
        out.putInt(n);
        for (int k = 0; k < 3 * n; k++) channel.room(8).putDouble(x[k] / IpiUnits.LENGTH);
        channel.flush();
    }

    /** Sends GETFORCE and reads FORCEREADY's energy, forces, virial and extra string into {@code r}. */
    public void forces(Reply r) {
        channel.send(IpiMessage.GETFORCE);
        IpiMessage m = reply();
        if (m != IpiMessage.FORCEREADY) throw channel.failure("answered GETFORCE with " + m);
        ByteBuffer in = channel.in();
        channel.need(12, "the energy and atom count");
        r.energy = in.getDouble() * IpiUnits.ENERGY;
        int n = in.getInt();
        if (n < 0 || n > IpiClient.MAX_ATOMS) throw channel.failure("FORCEREADY announces " + n + " atoms");
        if (r.forces.length != 3 * n) r.forces = new double[3 * n];
        for (int k = 0; k < 3 * n; ) {
            int piece = Math.min(3 * n - k, IpiChannel.BUFFER_BYTES / 8);
            channel.need(8 * piece, "the forces");
            for (int end = k + piece; k < end; k++) r.forces[k] = in.getDouble() * IpiUnits.FORCE;
        }
        channel.need(76, "the virial and the extra string's length");
        for (int k = 0; k < 9; k++) r.virial[3 * (k % 3) + k / 3] = in.getDouble() * IpiUnits.ENERGY;
        extraLength = in.getInt();
        if (extraLength < 0) throw channel.failure("FORCEREADY announces an extra string of " + extraLength + " bytes");
        if (extra.length < extraLength) extra = new byte[extraLength];
        for (int k = 0; k < extraLength; ) {
            int piece = Math.min(extraLength - k, IpiChannel.BUFFER_BYTES);
            channel.need(piece, "the extra string");
            in.get(extra, k, piece);
            k += piece;
        }
    }

    /** The extra string of the last {@link #forces} (decoded on demand, so timing loops need not pay for it). */
    public String extra() { return new String(extra, 0, extraLength, StandardCharsets.UTF_8); }

    /** One whole evaluation as ASE does it: STATUS (INIT if asked), POSDATA, STATUS, GETFORCE. */
    public void evaluate(double[] cellRows, double[] x, int n, Reply r) {
        IpiMessage s = status();
        if (s == IpiMessage.NEEDINIT) {
            init("");
            s = status();
        }
        if (s != IpiMessage.READY) throw channel.failure("answered STATUS with " + s + " where READY was due");
        positions(cellRows, x, n);
        s = status();
        if (s != IpiMessage.HAVEDATA) throw channel.failure("answered STATUS with " + s + " after POSDATA where HAVEDATA was due");
        forces(r);
    }

    /** Sends EXIT. */
    public void exit() { channel.send(IpiMessage.EXIT); }

    /** The outgoing buffer with room for {@code bytes}, for writing arbitrary (also broken) messages; send with {@link #flush}. */
    public ByteBuffer out(int bytes) { return channel.room(bytes); }

    public void flush() { channel.flush(); }

    /** Closes the connection to the client (as ASE does at the end, without EXIT) but keeps listening. */
    public void disconnect() throws IOException {
        if (channel != null) channel.close();
        channel = null;
    }

    @Override public void close() throws IOException {
        try {
            disconnect();
            listener.close();
        } finally {
            if (socketFile != null) Files.deleteIfExists(socketFile);
        }
    }

    private IpiMessage reply() {
        IpiMessage m = channel.next();
        if (m == null) throw new InputException(channel.peer(), 0, "the client closed the connection");
        return m;
    }
}
