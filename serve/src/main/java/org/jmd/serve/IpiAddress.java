package org.jmd.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import org.jmd.engine.InputException;

/**
 * Where an i-PI server listens: a UNIX socket or a TCP host and port. UNIX socket names follow
 * i-PI, ASE and LAMMPS ({@code fix ipi}): the name {@code NAME} is the file {@code /tmp/ipi_NAME};
 * a name with a slash in it is taken as the socket's path.
 */
public final class IpiAddress {
    private final SocketAddress address;
    private final boolean tcp;
    private final String text;

    private IpiAddress(SocketAddress address, boolean tcp, String text) {
        this.address = address;
        this.tcp = tcp;
        this.text = text;
    }

    /** A UNIX socket: {@code /tmp/ipi_NAME}, or NAME itself if it contains a slash. */
    public static IpiAddress unix(String name) {
        Path path = Path.of(name.indexOf('/') >= 0 ? name : "/tmp/ipi_" + name);
        return new IpiAddress(UnixDomainSocketAddress.of(path), false, "unix:" + path);
    }

    /** A TCP address. */
    public static IpiAddress inet(String host, int port) {
        return new IpiAddress(new InetSocketAddress(host, port), true, host + ":" + port);
    }

    /**
     * Connects, trying again every 0.1 s for up to {@code waitMillis} while nothing listens yet
     * (a script may start the server and jmd together), with Nagle's algorithm off on TCP: every
     * message is small and waited for.
     */
    public SocketChannel connect(long waitMillis) {
        long limit = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            try {
                return connectOnce();
            } catch (UnresolvedAddressException e) {
                throw new InputException(text, 0, "cannot connect to the i-PI server: unknown host");
            } catch (IOException e) {
                if (System.nanoTime() > limit) {
                    throw new InputException(text, 0, "cannot connect to the i-PI server: " + e.getMessage()
                            + (waitMillis > 0 ? " (tried for " + waitMillis / 1000.0 + " s)" : "")
                            + "; is it running and listening " + (tcp ? "on this host and port?" : "on this socket?"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new InputException(text, 0, "interrupted while connecting to the i-PI server");
                }
            }
        }
    }

    private SocketChannel connectOnce() throws IOException {
        SocketChannel channel = tcp ? SocketChannel.open() : SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            if (tcp) channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A listening socket at this address (the server's side, for tests and benchmarks). */
    ServerSocketChannel listen() throws IOException {
        ServerSocketChannel server = tcp ? ServerSocketChannel.open() : ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(address, 1);
        return server;
    }

    boolean tcp() { return tcp; }

    SocketAddress socketAddress() { return address; }

    /** "unix:/tmp/ipi_NAME" or "host:port", for messages. */
    @Override public String toString() { return text; }
}
