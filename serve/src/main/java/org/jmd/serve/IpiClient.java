package org.jmd.serve;

import java.nio.ByteBuffer;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Uncertainty;
import org.jmd.neighbor.Cell;

/**
 * The client side of the i-PI protocol: answers the server's messages with a
 * {@link ForceCalculator} until the server sends EXIT or closes the connection between
 * structures (what ASE's {@code SocketIOCalculator} does when it is closed).
 *
 * <pre>
 * STATUS   → NEEDINIT (until INIT), READY, or HAVEDATA once a structure is evaluated
 * INIT     ← int32 bead index, int32 length, that many bytes (ignored)
 * POSDATA  ← cell (9 float64, Bohr), inverse cell (9, ignored), int32 N, positions (3N, Bohr)
 * GETFORCE → FORCEREADY, energy (float64, Hartree), int32 N, forces (3N, Hartree/Bohr),
 *            virial (9, Hartree, transposed as ASE reads it), int32 length, extra (JSON)
 * EXIT       the session ends
 * </pre>
 *
 * The structure is evaluated when POSDATA arrives. Cell and atom count may change from one
 * structure to the next; the calculator's Verlet list is kept while the atoms moved less than
 * half its skin. A lattice vector of zero length is a non-periodic direction (ASE sends an
 * all-zero cell for atoms without one). Nothing is allocated per structure except a new
 * {@link Cell} when the cell changed and a new system when the atom count changed.
 */
public final class IpiClient {
    /** More atoms than this would not fit one message's byte count in an int; a count beyond is a garbled message. */
    static final int MAX_ATOMS = (Integer.MAX_VALUE - 1024) / 24;
    /** Longest INIT string accepted (i-PI sends a short parameter string, ASE one byte). */
    static final int MAX_INIT_BYTES = 1 << 24;

    /** How a session ended without error. */
    public enum End {
        /** The server sent EXIT. */
        EXIT,
        /** The server closed the connection between structures, as ASE does. */
        CLOSED
    }

    private final IpiChannel channel;
    private final ForceCalculator calculator;
    private final ServedAtoms atoms;
    private final ForceResult result = new ForceResult();
    private final ExtraJson extra;
    private final double[] wireCell = new double[9];
    private final double[] rows = new double[9];
    private final boolean[] periodic = new boolean[3];
    private final Cell open = Cell.open();
    private Cell cell;
    private AtomicSystem system;
    private IpiMessage state = IpiMessage.NEEDINIT;
    private long evaluations;

    /**
     * @param extras whether FORCEREADY carries the per-atom energies (and a committee's force
     *               spread) as JSON; without, the extra string is empty
     */
    public IpiClient(IpiChannel channel, ForceCalculator calculator, ServedAtoms atoms, boolean extras) {
        this.channel = channel;
        this.calculator = calculator;
        this.atoms = atoms;
        this.extra = extras ? new ExtraJson() : null;
    }

    /** Structures evaluated and sent back so far. */
    public long evaluations() { return evaluations; }

    /** Serves until EXIT or a clean close; every protocol or connection problem is an {@link InputException} naming the server. */
    public End run() {
        while (true) {
            IpiMessage m = channel.next();
            if (m == null) return closed();
            switch (m) {
                case STATUS -> channel.send(state);
                case INIT -> init();
                case POSDATA -> positions();
                case GETFORCE -> forces();
                case EXIT -> { return End.EXIT; }
                default -> throw channel.failure("received " + m + ", which only a client sends; is the other end a server?");
            }
        }
    }

    private End closed() {
        if (state == IpiMessage.HAVEDATA) {
            throw channel.failure("the server closed the connection after sending a structure (POSDATA) without asking for its forces (GETFORCE)");
        }
        if (evaluations == 0) throw channel.failure("the server closed the connection before asking for any forces");
        return End.CLOSED;
    }

    private void init() {
        channel.need(8, "the bead index and the length of the INIT string");
        ByteBuffer in = channel.in();
        in.getInt(); // the replica (bead) index: one potential serves every bead alike
        int length = in.getInt();
        if (length < 0 || length > MAX_INIT_BYTES) throw channel.failure("INIT announces a string of " + length + " bytes");
        while (length > 0) {
            int piece = Math.min(length, IpiChannel.BUFFER_BYTES);
            channel.need(piece, "the INIT string");
            in.position(in.position() + piece);
            length -= piece;
        }
        if (state == IpiMessage.NEEDINIT) state = IpiMessage.READY;
    }

    private void positions() {
        if (state == IpiMessage.HAVEDATA) {
            throw channel.failure("POSDATA again before the forces of the previous structure were asked for (GETFORCE)");
        }
        ByteBuffer in = channel.in();
        channel.need(148, "the cell, its inverse and the atom count");
        for (int k = 0; k < 9; k++) wireCell[k] = in.getDouble();
        in.position(in.position() + 72); // the inverse cell: jmd inverts the cell itself
        int n = in.getInt();
        if (n < 1 || n > MAX_ATOMS) throw channel.failure("POSDATA announces " + n + " atoms");
        try {
            system = atoms.forCount(n);
        } catch (InputException e) {
            throw channel.failure(e.problem());
        }
        double[] x = system.x;
        for (int k = 0; k < 3 * n; ) {
            int piece = Math.min(3 * n - k, IpiChannel.BUFFER_BYTES / 8);
            channel.need(8 * piece, "the positions");
            for (int end = k + piece; k < end; k++) x[k] = in.getDouble() * IpiUnits.LENGTH;
        }
        for (int k = 0; k < 3 * n; k++) {
            if (!Double.isFinite(x[k])) {
                int i = k / 3;
                throw channel.failure("POSDATA: atom " + (i + 1) + " of " + n + " has a non-finite position ("
                        + x[3 * i] / IpiUnits.LENGTH + ", " + x[3 * i + 1] / IpiUnits.LENGTH + ", " + x[3 * i + 2] / IpiUnits.LENGTH + " Bohr)");
            }
        }
        system.setCell(cell());
        calculator.compute(system, ForceResult.ALL, result);
        state = IpiMessage.HAVEDATA;
    }

    /** The cell of the message, the previous object while it is unchanged. */
    private Cell cell() {
        boolean same = cell != null;
        for (int k = 0; k < 9; k++) {
            if (!Double.isFinite(wireCell[k])) throw channel.failure("POSDATA: the cell has a non-finite component " + java.util.Arrays.toString(wireCell) + " (Bohr)");
            double r = wireCell[3 * (k % 3) + k / 3] * IpiUnits.LENGTH;
            if (r != rows[k]) same = false;
            rows[k] = r;
        }
        if (same) return cell;
        boolean any = false;
        for (int k = 0; k < 3; k++) {
            periodic[k] = rows[3 * k] != 0 || rows[3 * k + 1] != 0 || rows[3 * k + 2] != 0;
            any |= periodic[k];
        }
        try {
            cell = any ? new Cell(rows, periodic) : open;
        } catch (IllegalArgumentException e) {
            throw channel.failure("POSDATA: the cell's lattice vectors are linearly dependent " + java.util.Arrays.toString(wireCell) + " (Bohr, as sent)");
        }
        return cell;
    }

    private void forces() {
        if (state != IpiMessage.HAVEDATA) {
            throw channel.failure(evaluations == 0 ? "GETFORCE before any structure was sent (POSDATA)"
                    : "GETFORCE twice for one structure");
        }
        int n = system.size();
        ByteBuffer out = channel.room(24);
        IpiMessage.FORCEREADY.put(out);
        out.putDouble(result.energy / IpiUnits.ENERGY);
        out.putInt(n);
        double[] f = result.forces;
        for (int k = 0; k < 3 * n; k++) channel.room(8).putDouble(f[k] / IpiUnits.FORCE);
        out = channel.room(76);
        // sent transposed, as ASE reads it (W is symmetric for any rotation-invariant potential)
        for (int k = 0; k < 9; k++) out.putDouble(result.virial[3 * (k % 3) + k / 3] / IpiUnits.ENERGY);
        if (extra == null) {
            out.putInt(0);
        } else {
            extra.build(result, n, calculator.workspace() instanceof Uncertainty u ? u : null);
            out.putInt(extra.length());
            extra.put(channel);
        }
        channel.flush();
        state = IpiMessage.READY;
        evaluations++;
    }
}
