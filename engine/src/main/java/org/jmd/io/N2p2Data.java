package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;

/**
 * The n2p2 (RuNNer) training-data format {@code input.data}: blocks of
 * <pre>
 * begin
 * comment TEXT                      (optional, may repeat)
 * lattice ax ay az                  (three lines, or none for a non-periodic structure)
 * atom x y z element charge energy fx fy fz   (one per atom)
 * energy E
 * charge Q
 * end
 * </pre>
 * several per file. Values are taken as they are, in whatever units the file uses (n2p2 data
 * sets are often in Bohr and Hartree): converting would break the match with the potential's
 * {@code input.nn} scaling, which was fitted to the numbers as written.
 *
 * <p>Mapping onto {@link Frame}: per-atom charge → {@link AtomicSystem#charge} (and
 * {@link Frame#hasCharges} when any is non-zero), forces → {@link Frame#forces}, the per-atom
 * energy column → {@link Frame#atomEnergies} only when any is non-zero (n2p2 writes zeros there
 * when it has none, and zeros would claim per-atom energies that sum to 0), {@code energy} →
 * {@link Frame#energy}, comment lines → {@code info["comment"]} (several joined by a space),
 * {@code charge} → {@code info["charge"]}.
 */
public final class N2p2Data implements StructureFormat {
    /** The n2p2 format as a {@link StructureFormat}. */
    public static final N2p2Data FORMAT = new N2p2Data();

    private N2p2Data() {}

    @Override public String name() { return "n2p2"; }

    @Override public boolean multiFrame() { return true; }

    @Override public Frame readFrame(BufferedReader in, String source, int[] lineNo) throws IOException {
        return read(in, source, lineNo);
    }

    @Override public void writeFrame(Writer out, Frame frame, String target) throws IOException {
        Cell c = frame.system.cell();
        if (c.anyPeriodic() && !c.fullyPeriodic()) {
            throw new InputException(target, 0, "n2p2 structures are periodic in all three directions or in none; this one has pbc "
                    + java.util.Arrays.toString(c.pbc()));
        }
        write(out, frame);
    }

    /** Info key that holds the block's comment. */
    public static final String COMMENT = "comment";
    /** Info key that holds the block's total charge. */
    public static final String TOTAL_CHARGE = "charge";

    /** Reads the next {@code begin … end} block, or returns null at end of input. {@code lineNo[0]} tracks the line. */
    public static Frame read(BufferedReader in, String source, int[] lineNo) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) return null;
            lineNo[0]++;
        } while (line.isBlank());
        String[] f = fields(line);
        if (!f[0].equals("begin")) {
            throw new InputException(source, lineNo[0], "expected 'begin' to start a structure, got '" + Numbers.abbreviate(line) + "'");
        }
        int beginLine = lineNo[0];
        StringBuilder comment = null;
        List<double[]> lattice = new ArrayList<>(3);
        int latticeLine = 0;
        List<String> symbols = new ArrayList<>();
        DoubleList pos = new DoubleList(), charge = new DoubleList(), energy = new DoubleList(), force = new DoubleList();
        Double total = null;
        String totalCharge = null;
        while (true) {
            line = in.readLine();
            if (line == null) {
                throw new InputException(source, lineNo[0], "expected 'end' to close the structure begun on line " + beginLine + ", got end of file");
            }
            lineNo[0]++;
            if (line.isBlank()) continue;
            f = fields(line);
            int at = lineNo[0];
            switch (f[0]) {
                case "comment": {
                    String text = line.trim().substring("comment".length()).trim();
                    if (comment == null) comment = new StringBuilder(text); else comment.append(' ').append(text);
                    break;
                }
                case "lattice":
                    expectFields(f, 4, "lattice ax ay az", source, at);
                    if (lattice.size() == 3) throw new InputException(source, at, "expected 3 lattice lines, got a 4th");
                    if (!symbols.isEmpty()) throw new InputException(source, at, "expected lattice lines before the first atom line");
                    lattice.add(new double[] {real(f[1], "ax", source, at), real(f[2], "ay", source, at), real(f[3], "az", source, at)});
                    latticeLine = at;
                    break;
                case "atom": {
                    expectFields(f, 10, "atom x y z element charge energy fx fy fz", source, at);
                    for (int d = 0; d < 3; d++) pos.add(real(f[1 + d], "xyz".charAt(d) + "", source, at));
                    if (!Elements.isElement(f[4])) {
                        throw new InputException(source, at, "expected an element symbol in column 5 (element), got '" + f[4] + "'");
                    }
                    symbols.add(f[4]);
                    charge.add(real(f[5], "charge", source, at));
                    energy.add(real(f[6], "atomic energy", source, at));
                    for (int d = 0; d < 3; d++) force.add(real(f[7 + d], "f" + "xyz".charAt(d), source, at));
                    break;
                }
                case "energy":
                    expectFields(f, 2, "energy E", source, at);
                    if (total != null) throw new InputException(source, at, "energy given twice in one structure");
                    total = real(f[1], "energy", source, at);
                    break;
                case "charge":
                    expectFields(f, 2, "charge Q", source, at);
                    real(f[1], "charge", source, at); // validate; kept as written
                    totalCharge = f[1];
                    break;
                case "end":
                    if (f.length != 1) throw new InputException(source, at, "expected 'end' alone on its line");
                    if (lattice.size() != 0 && lattice.size() != 3) {
                        throw new InputException(source, latticeLine, "expected 3 lattice lines (or none for a non-periodic structure), got " + lattice.size());
                    }
                    return frame(symbols, pos, charge, energy, force, lattice, total, comment, totalCharge, source, beginLine);
                case "begin":
                    throw new InputException(source, at, "expected 'end' to close the structure begun on line " + beginLine + ", got 'begin'");
                default:
                    throw new InputException(source, at, "expected one of begin, comment, lattice, atom, energy, charge, end; got '" + Numbers.abbreviate(f[0]) + "'");
            }
        }
    }

    private static Frame frame(List<String> symbols, DoubleList pos, DoubleList charge, DoubleList energy, DoubleList force,
                               List<double[]> lattice, Double total, StringBuilder comment, String totalCharge, String source, int beginLine) {
        int n = symbols.size();
        Cell cell;
        if (lattice.isEmpty()) {
            cell = Cell.open();
        } else {
            double[] h = new double[9];
            for (int k = 0; k < 3; k++) System.arraycopy(lattice.get(k), 0, h, 3 * k, 3);
            cell = Cells.of(h, new boolean[] {true, true, true}, "the lattice of this structure", source, beginLine);
        }
        AtomicSystem sys = AtomicSystem.of(cell, symbols.toArray(new String[0]), pos.toArray());
        Frame frame = new Frame(sys);
        frame.firstLine = beginLine;
        double[] q = charge.toArray();
        System.arraycopy(q, 0, sys.charge, 0, n);
        frame.hasCharges = anyNonZero(q);
        frame.forces = force.toArray();
        double[] e = energy.toArray();
        if (anyNonZero(e)) frame.atomEnergies = e;
        frame.energy = total;
        if (comment != null) frame.info.put(COMMENT, comment.toString());
        if (totalCharge != null) frame.info.put(TOTAL_CHARGE, totalCharge);
        return frame;
    }

    /**
     * Writes one block. Missing labels are written as n2p2 expects them: zero forces, per-atom
     * energies and charges; total energy 0 when unknown; total charge from {@code info["charge"]}
     * or else the sum of atomic charges. Other info entries have no place in the format and are
     * dropped.
     */
    public static void write(Writer out, Frame frame) throws IOException {
        AtomicSystem s = frame.system;
        int n = s.size();
        StringBuilder b = new StringBuilder(128 * (n + 8));
        b.append("begin\n");
        String comment = frame.info.get(COMMENT);
        if (comment != null) {
            for (String c : comment.split("\\R")) b.append("comment ").append(c).append('\n');
        }
        Cell cell = s.cell();
        if (cell.anyPeriodic()) {
            // n2p2 has no partial periodicity: a lattice means periodic in all three directions.
            for (int k = 0; k < 3; k++) {
                b.append("lattice");
                for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(cell.h(k, d)));
                b.append('\n');
            }
        }
        double sumQ = 0;
        for (int i = 0; i < n; i++) {
            b.append("atom");
            for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(s.x[3 * i + d]));
            b.append(' ').append(s.symbol(i));
            b.append(' ').append(Numbers.format(s.charge[i]));
            b.append(' ').append(Numbers.format(frame.atomEnergies == null ? 0.0 : frame.atomEnergies[i]));
            for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(frame.forces == null ? 0.0 : frame.forces[3 * i + d]));
            b.append('\n');
            sumQ += s.charge[i];
        }
        b.append("energy ").append(Numbers.format(frame.energy == null ? 0.0 : frame.energy)).append('\n');
        String q = frame.info.get(TOTAL_CHARGE);
        b.append("charge ").append(q != null ? q : Numbers.format(sumQ)).append('\n');
        b.append("end\n");
        out.write(b.toString());
    }

    // ---------------------------------------------------------------- helpers

    private static String[] fields(String line) { return Words.split(line); }

    private static void expectFields(String[] f, int count, String form, String source, int line) {
        if (f.length != count) {
            throw new InputException(source, line, "expected '" + form + "' (" + count + " fields), got " + f.length + " fields");
        }
    }

    /** Every number of a structure block must be finite: positions, charges and labels alike. */
    private static double real(String s, String what, String source, int line) {
        return Numbers.finite(s, what, source, line);
    }

    private static boolean anyNonZero(double[] v) {
        for (double d : v) if (d != 0) return true;
        return false;
    }
}
