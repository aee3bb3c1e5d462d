package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.engine.Units;
import org.jmd.neighbor.Cell;

/**
 * Extended XYZ as ASE reads and writes it: a count line, a comment line of key=value pairs
 * ({@code Lattice}, {@code Properties}, {@code pbc}, {@code energy}, {@code virial},
 * {@code stress}, anything else), then one line per atom with the columns {@code Properties}
 * names. Frames are read one at a time so long trajectories stream.
 *
 * <p>Columns jmd understands: {@code species} (or {@code Z}), {@code pos} (Å), {@code vel} (Å/fs;
 * also {@code velo}), {@code momenta} (ASE's, amu·Å per ASE time unit, converted to velocities),
 * {@code forces} (eV/Å), {@code energies} (eV), {@code charges} (e; also ASE's {@code charge}
 * and {@code initial_charges}), {@code masses} (amu). Any other R, I, S or L column is kept as
 * text in {@link Frame#arrays} and written back unchanged. Comment-line keys other than the
 * ones above are kept in {@link Frame#info}. A comment line without any {@code =} is a plain
 * XYZ title and is kept as {@code info["comment"]}.
 */
public final class ExtXyz implements StructureFormat {
    /** The extxyz format as a {@link StructureFormat}. */
    public static final ExtXyz FORMAT = new ExtXyz();

    private ExtXyz() {}

    /**
     * ASE's velocity unit is Å per ASE time unit, √(amu·Å²/eV) ≈ 10.18 fs; one ASE time unit
     * in fs is √(amu·Å²/fs² in eV). Momenta are converted with it.
     */
    private static final double ASE_TIME_IN_FS = Math.sqrt(Units.AMU_A2_PER_FS2_ASE); // ASE's units (CODATA 2014)

    @Override public String name() { return "extxyz"; }

    @Override public boolean multiFrame() { return true; }

    @Override public Frame readFrame(BufferedReader in, String source, int[] lineNo) throws IOException {
        return read(in, source, lineNo);
    }

    @Override public void writeFrame(Writer out, Frame frame, String target) throws IOException { write(out, frame); }

    /** One column of the Properties spec: name, type letter, width. */
    private record Column(String name, char type, int width) {}

    /** Reads the next frame, or returns null at end of input. {@code lineNo[0]} tracks the line for errors. */
    public static Frame read(BufferedReader in, String source, int[] lineNo) throws IOException {
        String countLine;
        do {
            countLine = in.readLine();
            if (countLine == null) return null;
            lineNo[0]++;
        } while (countLine.isBlank());
        int n;
        try {
            n = Integer.parseInt(countLine.trim());
            if (n < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new InputException(source, lineNo[0], "expected the number of atoms, got '" + Numbers.abbreviate(countLine) + "'");
        }
        Numbers.atomCount(n, source, lineNo[0]);
        int firstLine = lineNo[0];
        String comment = in.readLine();
        if (comment == null) throw new InputException(source, lineNo[0], "expected the comment line, got end of file");
        lineNo[0]++;
        int commentLine = lineNo[0];
        Map<String, String> kv;
        if (comment.indexOf('=') < 0) {
            // plain XYZ: the second line is a free title, not key=value pairs
            kv = new LinkedHashMap<>();
            if (!comment.isBlank()) kv.put("comment", comment.trim());
        } else {
            kv = parseKeyValues(comment, source, commentLine);
        }

        List<Column> props = parseProperties(kv.remove("Properties"), source, commentLine);
        Cell cell = parseCell(kv.remove("Lattice"), kv.remove("pbc"), source, commentLine);

        // Which column feeds which array; the first charge-like column wins, later ones are kept as extra.
        String speciesCol = null, zCol = null, posCol = null, velCol = null, momCol = null, forceCol = null,
                energyCol = null, chargeCol = null, massCol = null;
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Column p : props) {
            String name = p.name();
            String role = role(name);
            boolean taken;
            switch (role) {
                case "species": taken = speciesCol == null && p.type() == 'S' && p.width() == 1; if (taken) speciesCol = name; break;
                case "Z": taken = zCol == null && p.type() == 'I' && p.width() == 1; if (taken) zCol = name; break;
                case "pos": taken = posCol == null && real(p, 3); if (taken) posCol = name; break;
                case "vel": taken = velCol == null && real(p, 3); if (taken) velCol = name; break;
                case "momenta": taken = momCol == null && real(p, 3); if (taken) momCol = name; break;
                case "forces": taken = forceCol == null && real(p, 3); if (taken) forceCol = name; break;
                case "energies": taken = energyCol == null && real(p, 1); if (taken) energyCol = name; break;
                case "charges": taken = chargeCol == null && real(p, 1); if (taken) chargeCol = name; break;
                case "masses": taken = massCol == null && real(p, 1); if (taken) massCol = name; break;
                default: taken = false;
            }
            if (!taken) {
                if (extra.containsKey(name)) throw new InputException(source, commentLine, "Properties names column '" + name + "' twice");
                extra.put(name, new ArrayList<>());
            }
        }
        if (posCol == null) throw new InputException(source, commentLine, "Properties has no pos:R:3 column");
        if (speciesCol == null && zCol == null) {
            throw new InputException(source, commentLine, "Properties has neither a species:S:1 nor a Z:I:1 column");
        }
        if (speciesCol != null && zCol != null) { extra.put(zCol, new ArrayList<>()); zCol = null; }

        // Arrays grow as atom lines arrive: the count line alone allocates nothing.
        List<String> symbols = new ArrayList<>();
        DoubleList x = new DoubleList();
        DoubleList vel = velCol != null ? new DoubleList() : null;
        DoubleList mom = momCol != null ? new DoubleList() : null;
        DoubleList forces = forceCol != null ? new DoubleList() : null;
        DoubleList energies = energyCol != null ? new DoubleList() : null;
        DoubleList charges = chargeCol != null ? new DoubleList() : null;
        DoubleList masses = massCol != null ? new DoubleList() : null;
        long columns = 0;
        for (Column p : props) columns += p.width();
        for (int i = 0; i < n; i++) {
            String line = in.readLine();
            if (line == null) {
                throw new InputException(source, Math.max(1, lineNo[0]), "expected atom " + (i + 1) + " of " + n + " (" + describe(props)
                        + "), got end of file");
            }
            lineNo[0]++;
            String[] f = Words.split(line);
            if (f.length != columns) {
                throw new InputException(source, lineNo[0], "expected atom " + (i + 1) + " of " + n + " with " + columns
                        + " columns (" + describe(props) + "), got " + f.length + ": '" + Numbers.abbreviate(line.trim()) + "'");
            }
            int at = lineNo[0];
            int col = 0;
            for (Column p : props) {
                String name = p.name();
                if (name.equals(speciesCol)) {
                    symbols.add(element(f[col], source, at));
                } else if (name.equals(zCol)) {
                    int z = Numbers.integer(f[col], "column '" + name + "'", source, at);
                    if (z < 1 || z > 103) throw new InputException(source, at, "expected an atomic number 1..103 in column '" + name + "', got " + z);
                    symbols.add(Elements.symbol(z));
                } else if (name.equals(posCol)) {
                    readReals(f, col, x, 3, source, at, name);
                } else if (name.equals(velCol)) {
                    readReals(f, col, vel, 3, source, at, name);
                } else if (name.equals(momCol)) {
                    readReals(f, col, mom, 3, source, at, name);
                } else if (name.equals(forceCol)) {
                    readReals(f, col, forces, 3, source, at, name);
                } else if (name.equals(energyCol)) {
                    readReals(f, col, energies, 1, source, at, name);
                } else if (name.equals(chargeCol)) {
                    readReals(f, col, charges, 1, source, at, name);
                } else if (name.equals(massCol)) {
                    readReals(f, col, masses, 1, source, at, name);
                    if (!(masses.last() > 0)) throw new InputException(source, at, "expected a positive mass in column '" + name + "', got " + f[col]);
                } else {
                    List<String> values = extra.get(name);
                    for (int k = 0; k < p.width(); k++) {
                        validate(f[col + k], p, source, at);
                        values.add(f[col + k]);
                    }
                }
                col += p.width();
            }
        }
        AtomicSystem sys = AtomicSystem.of(cell, symbols.toArray(new String[0]), x.toArray());
        Frame frame = new Frame(sys);
        frame.firstLine = firstLine;
        if (masses != null) System.arraycopy(masses.toArray(), 0, sys.mass, 0, n);
        if (vel != null) {
            System.arraycopy(vel.toArray(), 0, sys.v, 0, 3 * n);
            frame.hasVelocities = true;
        } else if (mom != null) {
            double[] p = mom.toArray();
            for (int k = 0; k < 3 * n; k++) sys.v[k] = p[k] / sys.mass[k / 3] / ASE_TIME_IN_FS;
            frame.hasVelocities = true;
        }
        if (charges != null) { System.arraycopy(charges.toArray(), 0, sys.charge, 0, n); frame.hasCharges = true; }
        frame.forces = forces == null ? null : forces.toArray();
        frame.atomEnergies = energies == null ? null : energies.toArray();
        for (Column p : props) {
            if (extra.containsKey(p.name())) frame.arrays.put(p.name(), new Frame.Column(p.type(), p.width(), extra.get(p.name()).toArray(new String[0])));
        }
        String e = kv.remove("energy");
        if (e != null) frame.energy = Numbers.finite(e, "energy", source, commentLine);
        String vir = kv.remove("virial");
        if (vir != null) frame.virial = parseMatrix(vir, "virial", source, commentLine);
        String st = kv.remove("stress");
        if (st != null) frame.stress = parseMatrix(st, "stress", source, commentLine);
        frame.info.putAll(kv);
        return frame;
    }

    /** The jmd meaning of a column name, by the names ASE and other tools use. */
    private static String role(String name) {
        switch (name) {
            case "species": return "species";
            case "Z": return "Z";
            case "pos": case "positions": return "pos";
            case "vel": case "velo": case "velocities": return "vel";
            case "momenta": return "momenta";
            case "forces": case "force": return "forces";
            case "energies": return "energies";
            case "charges": case "charge": case "initial_charges": return "charges";
            case "masses": case "mass": return "masses";
            default: return "";
        }
    }

    private static boolean real(Column p, int width) { return p.type() == 'R' && p.width() == width; }

    private static String element(String s, String source, int line) {
        if (Elements.isElement(s)) return s;
        throw new InputException(source, line, "expected an element symbol in the species column, got '" + Numbers.abbreviate(s) + "'");
    }

    private static void validate(String v, Column p, String source, int line) {
        switch (p.type()) {
            case 'R': Numbers.real(v, "column '" + p.name() + "'", source, line); break;
            case 'I': Numbers.integer(v, "column '" + p.name() + "'", source, line); break;
            case 'L':
                if (!v.matches("T|F|True|False|true|false|1|0")) {
                    throw new InputException(source, line, "expected T or F in logical column '" + p.name() + "', got '" + Numbers.abbreviate(v) + "'");
                }
                break;
            default: break;
        }
    }

    /** Writes one frame in the form ASE writes (species, pos, then known columns, then extra ones). */
    public static void write(Writer out, Frame f) throws IOException {
        AtomicSystem s = f.system;
        int n = s.size();
        StringBuilder h = new StringBuilder();
        Cell cell = s.cell();
        if (cell.hasLattice()) {
            h.append("Lattice=\"");
            for (int k = 0; k < 9; k++) h.append(k == 0 ? "" : " ").append(Numbers.format(cell.h(k / 3, k % 3)));
            h.append("\" ");
        }
        boolean masses = !standardMasses(s);
        StringBuilder props = new StringBuilder("species:S:1:pos:R:3");
        if (masses) props.append(":masses:R:1");
        // ASE reads velocities only from momenta (amu·Å per its time unit); jmd reads vel first
        if (f.hasVelocities) props.append(":vel:R:3:momenta:R:3");
        if (f.hasCharges) props.append(":charges:R:1");
        if (f.forces != null) props.append(":forces:R:3");
        if (f.atomEnergies != null) props.append(":energies:R:1");
        for (Map.Entry<String, Frame.Column> c : f.arrays.entrySet()) {
            props.append(':').append(c.getKey()).append(':').append(c.getValue().type()).append(':').append(c.getValue().width());
        }
        h.append("Properties=").append(props);
        if (f.energy != null) h.append(" energy=").append(Numbers.format(f.energy));
        if (f.virial != null) h.append(" virial=\"").append(join(f.virial)).append('"');
        if (f.stress != null) h.append(" stress=\"").append(join(f.stress)).append('"');
        for (Map.Entry<String, String> e : f.info.entrySet()) {
            h.append(' ').append(e.getKey()).append('=').append(quoteIfNeeded(e.getValue()));
        }
        h.append(" pbc=\"").append(tf(cell.periodic(0))).append(' ').append(tf(cell.periodic(1))).append(' ').append(tf(cell.periodic(2))).append('"');
        StringBuilder b = new StringBuilder(64 * (n + 2));
        b.append(n).append('\n').append(h).append('\n');
        for (int i = 0; i < n; i++) {
            b.append(s.symbol(i));
            for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(s.x[3 * i + d]));
            if (masses) b.append(' ').append(Numbers.format(s.mass[i]));
            if (f.hasVelocities) {
                for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(s.v[3 * i + d]));
                for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(s.mass[i] * s.v[3 * i + d] * ASE_TIME_IN_FS));
            }
            if (f.hasCharges) b.append(' ').append(Numbers.format(s.charge[i]));
            if (f.forces != null) for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(f.forces[3 * i + d]));
            if (f.atomEnergies != null) b.append(' ').append(Numbers.format(f.atomEnergies[i]));
            for (Frame.Column c : f.arrays.values()) {
                for (int k = 0; k < c.width(); k++) b.append(' ').append(c.values()[c.width() * i + k]);
            }
            b.append('\n');
            if (b.length() > 1 << 16) { out.write(b.toString()); b.setLength(0); }
        }
        out.write(b.toString());
    }

    /** Whether every atom has its element's standard atomic weight (then masses need not be written). */
    private static boolean standardMasses(AtomicSystem s) {
        for (int i = 0; i < s.size(); i++) {
            int z = Elements.number(s.symbol(i));
            if (z < 1 || Elements.mass(z) != s.mass[i]) return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- parsing helpers

    /** key=value pairs with "double", 'single' or {curly} quoting, backslash escapes; a bare key means true. */
    static Map<String, String> parseKeyValues(String text, String source, int line) {
        Map<String, String> kv = new LinkedHashMap<>();
        int k = 0, len = text.length();
        while (k < len) {
            while (k < len && Character.isWhitespace(text.charAt(k))) k++;
            if (k >= len) break;
            int ks = k;
            while (k < len && text.charAt(k) != '=' && !Character.isWhitespace(text.charAt(k))) k++;
            String key = text.substring(ks, k);
            while (k < len && Character.isWhitespace(text.charAt(k)) && nextNonSpace(text, k) == '=') k++;
            if (k < len && text.charAt(k) == '=') {
                if (key.isEmpty()) throw new InputException(source, line, "expected a key before '=' at column " + (k + 1));
                k++;
                while (k < len && Character.isWhitespace(text.charAt(k))) k++;
                StringBuilder v = new StringBuilder();
                if (k < len && (text.charAt(k) == '"' || text.charAt(k) == '\'' || text.charAt(k) == '{' || text.charAt(k) == '[')) {
                    char open = text.charAt(k);
                    char close = open == '{' ? '}' : open == '[' ? ']' : open;
                    k++;
                    while (k < len && text.charAt(k) != close) {
                        if (text.charAt(k) == '\\' && k + 1 < len) k++;
                        v.append(text.charAt(k++));
                    }
                    if (k >= len) throw new InputException(source, line, "expected a closing " + close + " in the value of '" + key + "'");
                    k++;
                    if (open == '[') v = new StringBuilder(v.toString().replace(',', ' '));
                } else {
                    while (k < len && !Character.isWhitespace(text.charAt(k))) v.append(text.charAt(k++));
                }
                kv.put(key, v.toString().trim());
            } else {
                kv.put(key, "T");
            }
        }
        return kv;
    }

    private static char nextNonSpace(String t, int k) {
        while (k < t.length() && Character.isWhitespace(t.charAt(k))) k++;
        return k < t.length() ? t.charAt(k) : 0;
    }

    private static List<Column> parseProperties(String spec, String source, int line) {
        if (spec == null) spec = "species:S:1:pos:R:3";
        String[] f = spec.split(":");
        if (f.length % 3 != 0) throw new InputException(source, line, "expected Properties as name:type:count triples, got '" + spec + "'");
        List<Column> out = new ArrayList<>();
        for (int k = 0; k < f.length; k += 3) {
            String type = f[k + 1];
            if (!type.matches("[RISL]")) throw new InputException(source, line, "Properties column '" + f[k] + "' has type '" + type + "', expected R, I, S or L");
            int w;
            try {
                w = Integer.parseInt(f[k + 2]);
                if (w < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new InputException(source, line, "Properties column '" + f[k] + "' has count '" + f[k + 2] + "', expected a positive whole number");
            }
            out.add(new Column(f[k], type.charAt(0), w));
        }
        return out;
    }

    private static Cell parseCell(String lattice, String pbc, String source, int line) {
        boolean[] periodic = new boolean[3];
        if (pbc != null) {
            String[] p = pbc.trim().split("\\s+");
            if (p.length != 3) throw new InputException(source, line, "expected three T/F flags in pbc, got '" + pbc + "'");
            for (int d = 0; d < 3; d++) periodic[d] = parseBool(p[d], source, line);
        } else if (lattice != null) {
            periodic = new boolean[] {true, true, true}; // ASE: a Lattice without pbc means periodic
        }
        if (lattice == null) {
            if (periodic[0] || periodic[1] || periodic[2]) throw new InputException(source, line, "pbc says periodic but there is no Lattice");
            return Cell.open();
        }
        return Cells.of(parseMatrix(lattice, "Lattice", source, line), periodic, "Lattice", source, line);
    }

    private static boolean parseBool(String s, String source, int line) {
        switch (s) {
            case "T": case "True": case "true": case "1": return true;
            case "F": case "False": case "false": case "0": return false;
            default: throw new InputException(source, line, "expected T or F in pbc, got '" + s + "'");
        }
    }

    /** Nine numbers (3×3 row-major), or six in Voigt order xx yy zz yz xz xy as ASE writes stress. */
    static double[] parseMatrix(String text, String key, String source, int line) {
        String[] f = text.trim().split("[\\s,]+");
        if (f.length == 9) {
            double[] m = new double[9];
            for (int k = 0; k < 9; k++) m[k] = Numbers.finite(f[k], key, source, line);
            return m;
        }
        if (f.length == 6) {
            double[] v = new double[6];
            for (int k = 0; k < 6; k++) v[k] = Numbers.finite(f[k], key, source, line);
            return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
        }
        throw new InputException(source, line, "expected 9 (or 6 Voigt) numbers in " + key + ", got " + f.length);
    }

    private static void readReals(String[] f, int col, DoubleList out, int w, String source, int line, String name) {
        for (int k = 0; k < w; k++) out.add(Numbers.finite(f[col + k], "column '" + name + "'", source, line));
    }

    private static String describe(List<Column> props) {
        StringBuilder sb = new StringBuilder();
        for (Column p : props) sb.append(sb.length() == 0 ? "" : " ").append(p.name()).append(p.width() == 1 ? "" : "×" + p.width());
        return sb.toString();
    }

    // ---------------------------------------------------------------- writing helpers

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : " ").append(Numbers.format(v[k]));
        return sb.toString();
    }

    private static String tf(boolean b) { return b ? "T" : "F"; }

    /** Quotes a value the way ASE's parser reads it back: double quotes, with \" and \\ escaped. */
    private static String quoteIfNeeded(String v) {
        String flat = v.replace('\n', ' ').replace('\r', ' ');
        if (flat.isEmpty() || flat.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=' || c == '"' || c == '\''
                || c == '\\' || c == '{' || c == '}' || c == '[' || c == ']')) {
            return '"' + flat.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return flat;
    }
}
