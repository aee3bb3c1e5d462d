package org.jmd.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.jmd.engine.InputException;

/**
 * One end of an i-PI connection: 12-byte headers, int32 and float64 in the machine's byte order
 * (little-endian everywhere i-PI runs), through two fixed 64 KiB buffers whatever the atom count,
 * so a long session allocates nothing per message.
 *
 * <p>Waiting for the next message has no time limit (the server may think for as long as it
 * likes between structures), but once a message has begun its remaining bytes must arrive within
 * the timeout, and a reply must drain within it: a server that stops in the middle of a message
 * ends the session with an error instead of a hang. Every failure is an {@link InputException}
 * naming the peer, the message and what had arrived of it.
 */
public final class IpiChannel implements Closeable {
    static final int BUFFER_BYTES = 1 << 16;

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final String peer;
    private final long timeoutNanos;
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private final Consumer<SelectionKey> ignore = k -> { };
    private long deadline;
    private IpiMessage message;

    /**
     * @param channel      a connected socket (made non-blocking here)
     * @param peer         who is at the other end, for messages, e.g. "i-PI server unix:/tmp/ipi_si"
     * @param timeoutMillis how long the rest of a begun message may take to arrive, and a reply to be taken
     */
    public IpiChannel(SocketChannel channel, String peer, long timeoutMillis) throws IOException {
        this.channel = channel;
        this.peer = peer;
        this.timeoutNanos = Math.max(1, timeoutMillis) * 1_000_000L;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, SelectionKey.OP_READ);
        in.flip(); // kept in read mode: position..limit is what has arrived and not been taken
    }

    /** Who is at the other end, as given. */
    public String peer() { return peer; }

    /** The header being read or last read. */
    public IpiMessage message() { return message; }

    /**
     * Waits, without limit, for the next header and returns it; null when the peer closed the
     * connection cleanly between messages. A header that is not the protocol's is an error.
     */
    public IpiMessage next() {
        message = null;
        try {
            while (!in.hasRemaining()) {
                if (fill() < 0) return null;
                if (!in.hasRemaining()) select(0);
            }
        } catch (IOException e) {
            throw failure("the connection failed while waiting for the next message: " + e.getMessage());
        }
        deadline = System.nanoTime() + timeoutNanos;
        need(IpiMessage.HEADER_LENGTH, "a message header");
        IpiMessage m = IpiMessage.match(in);
        if (m == null) {
            throw failure("expected a message header (a word such as STATUS or POSDATA padded with spaces to 12 bytes), got "
                    + IpiMessage.show(in, in.position(), IpiMessage.HEADER_LENGTH));
        }
        in.position(in.position() + IpiMessage.HEADER_LENGTH);
        message = m;
        return m;
    }

    /** Makes at least {@code bytes} (at most 64 KiB) of the current message available to {@link #in()}. */
    public void need(int bytes, String what) {
        if (bytes > BUFFER_BYTES) throw new IllegalArgumentException(bytes + " bytes at once");
        try {
            while (in.remaining() < bytes) {
                if (fill() < 0) {
                    throw failure("the connection closed in the middle of " + (message == null ? "a message header" : message)
                            + ": " + in.remaining() + " of the " + bytes + " bytes of " + what + " arrived");
                }
                if (in.remaining() < bytes) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw failure("no complete " + (message == null ? "message header" : message) + " within " + timeoutNanos / 1_000_000_000.0
                                + " s: the server stopped sending in the middle of it, after " + in.remaining() + " of the " + bytes
                                + " bytes of " + what);
                    }
                    select(Math.max(1, left / 1_000_000));
                }
            }
        } catch (IOException e) {
            throw failure("the connection failed while reading " + what + (message == null ? "" : " of " + message) + ": " + e.getMessage());
        }
    }

    /** What has arrived: read with {@code getInt()}, {@code getDouble()} after {@link #need}. */
    public ByteBuffer in() { return in; }

    /** The outgoing buffer with room for at least {@code bytes} (at most 64 KiB), sending what it holds if needed. */
    public ByteBuffer room(int bytes) {
        if (out.remaining() < bytes) flush();
        return out;
    }

    /** Sends everything put so far, waiting at most the timeout for the peer to take it. */
    public void flush() {
        out.flip();
        try {
            long limit = System.nanoTime() + timeoutNanos;
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    long left = limit - System.nanoTime();
                    if (left <= 0) throw failure("the peer took no data for " + timeoutNanos / 1_000_000_000.0 + " s while jmd was sending " + out.remaining() + " more bytes");
                    key.interestOps(SelectionKey.OP_WRITE);
                    try {
                        selector.select(ignore, Math.max(1, left / 1_000_000));
                    } finally {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
            }
        } catch (IOException e) {
            throw failure("the connection failed while sending a reply: " + e.getMessage());
        } finally {
            out.clear();
        }
    }

    /** Sends a bare header at once. */
    public void send(IpiMessage m) {
        m.put(room(IpiMessage.HEADER_LENGTH));
        flush();
    }

    /** An error naming the peer. */
    public InputException failure(String problem) { return new InputException(peer, 0, problem); }

    @Override public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }

    private int fill() throws IOException {
        in.compact();
        try {
            return channel.read(in);
        } finally {
            in.flip();
        }
    }

    private void select(long millis) throws IOException {
        selector.select(ignore, millis);
    }
}
