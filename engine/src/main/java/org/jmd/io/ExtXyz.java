package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.Cell;

/**
 * Extended XYZ as ASE reads and writes it: a count line, a comment line of key=value pairs
 * ({@code Lattice}, {@code Properties}, {@code pbc}, {@code energy}, {@code virial},
 * {@code stress}, anything else), then one line per atom with the columns {@code Properties}
 * names. Frames are read one at a time so long trajectories stream.
 */
public final class ExtXyz {
    private ExtXyz() {}

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
            throw new InputException(source, lineNo[0], "expected the number of atoms, got '" + abbreviate(countLine) + "'");
        }
        String comment = in.readLine();
        if (comment == null) throw new InputException(source, lineNo[0] + 1, "expected the comment line, got end of file");
        lineNo[0]++;
        int commentLine = lineNo[0];
        Map<String, String> kv = parseKeyValues(comment, source, commentLine);

        List<String[]> props = parseProperties(kv.remove("Properties"), source, commentLine);
        Cell cell = parseCell(kv.remove("Lattice"), kv.remove("pbc"), source, commentLine);

        String[] symbols = new String[n];
        double[] x = new double[3 * n];
        Frame frame = new Frame(null);
        double[] vel = null, forces = null, energies = null, charges = null, masses = null;
        Map<String, String[]> extra = new LinkedHashMap<>();
        for (String[] p : props) {
            String name = p[0];
            int w = Integer.parseInt(p[2]);
            switch (name) {
                case "species": case "pos": break;
                case "vel": case "velo": vel = new double[3 * n]; break;
                case "forces": case "force": forces = new double[3 * n]; break;
                case "energies": energies = new double[n]; break;
                case "charges": case "initial_charges": charges = new double[n]; break;
                case "masses": masses = new double[n]; break;
                default: extra.put(name, new String[w * n]);
            }
        }
        for (int i = 0; i < n; i++) {
            String line = in.readLine();
            lineNo[0]++;
            if (line == null) throw new InputException(source, lineNo[0], "expected atom " + (i + 1) + " of " + n + ", got end of file");
            String[] f = line.trim().split("\\s+");
            int col = 0;
            for (String[] p : props) {
                String name = p[0];
                char type = p[1].charAt(0);
                int w = Integer.parseInt(p[2]);
                if (col + w > f.length) {
                    throw new InputException(source, lineNo[0], "expected " + columnCount(props) + " columns ("
                            + describe(props) + "), got " + f.length);
                }
                switch (name) {
                    case "species": symbols[i] = f[col]; break;
                    case "pos": readReals(f, col, x, 3 * i, 3, source, lineNo[0], name); break;
                    case "vel": case "velo": readReals(f, col, vel, 3 * i, 3, source, lineNo[0], name); break;
                    case "forces": case "force": readReals(f, col, forces, 3 * i, 3, source, lineNo[0], name); break;
                    case "energies": readReals(f, col, energies, i, 1, source, lineNo[0], name); break;
                    case "charges": case "initial_charges": readReals(f, col, charges, i, 1, source, lineNo[0], name); break;
                    case "masses": readReals(f, col, masses, i, 1, source, lineNo[0], name); break;
                    default:
                        if (type == 'R') readReals(f, col, new double[w], 0, w, source, lineNo[0], name); // validate
                        System.arraycopy(f, col, extra.get(name), w * i, w);
                }
                col += w;
            }
            if (col != f.length) {
                throw new InputException(source, lineNo[0], "expected " + col + " columns (" + describe(props) + "), got " + f.length);
            }
        }
        if (symbols.length > 0 && symbols[0] == null) throw new InputException(source, commentLine, "Properties has no species column");
        AtomicSystem sys = AtomicSystem.of(cell, symbols, x);
        if (vel != null) { System.arraycopy(vel, 0, sys.v, 0, 3 * n); frame.hasVelocities = true; }
        if (charges != null) { System.arraycopy(charges, 0, sys.charge, 0, n); frame.hasCharges = true; }
        if (masses != null) System.arraycopy(masses, 0, sys.mass, 0, n);
        frame.system = sys;
        frame.forces = forces;
        frame.atomEnergies = energies;
        for (String[] p : props) {
            if (extra.containsKey(p[0])) frame.arrays.put(p[0], new Frame.Column(p[1].charAt(0), Integer.parseInt(p[2]), extra.get(p[0])));
        }
        String e = kv.remove("energy");
        if (e != null) frame.energy = parseReal(e, "energy", source, commentLine);
        String vir = kv.remove("virial");
        if (vir != null) frame.virial = parseMatrix(vir, "virial", source, commentLine);
        String st = kv.remove("stress");
        if (st != null) frame.stress = parseMatrix(st, "stress", source, commentLine);
        frame.info.putAll(kv);
        return frame;
    }

    /** Writes one frame in the form ASE writes (species, pos, then known columns, then extra ones). */
    public static void write(Writer out, Frame f) throws IOException {
        AtomicSystem s = f.system;
        int n = s.size();
        StringBuilder h = new StringBuilder();
        Cell cell = s.cell();
        if (cell.hasLattice()) {
            h.append("Lattice=\"");
            for (int k = 0; k < 9; k++) h.append(k == 0 ? "" : " ").append(num(cell.h(k / 3, k % 3)));
            h.append("\" ");
        }
        StringBuilder props = new StringBuilder("species:S:1:pos:R:3");
        if (f.hasVelocities) props.append(":vel:R:3");
        if (f.hasCharges) props.append(":charges:R:1");
        if (f.forces != null) props.append(":forces:R:3");
        if (f.atomEnergies != null) props.append(":energies:R:1");
        for (Map.Entry<String, Frame.Column> c : f.arrays.entrySet()) {
            props.append(':').append(c.getKey()).append(':').append(c.getValue().type()).append(':').append(c.getValue().width());
        }
        h.append("Properties=").append(props);
        if (f.energy != null) h.append(" energy=").append(num(f.energy));
        if (f.virial != null) h.append(" virial=\"").append(join(f.virial)).append('"');
        if (f.stress != null) h.append(" stress=\"").append(join(f.stress)).append('"');
        for (Map.Entry<String, String> e : f.info.entrySet()) {
            h.append(' ').append(e.getKey()).append('=').append(quoteIfNeeded(e.getValue()));
        }
        h.append(" pbc=\"").append(tf(cell.periodic(0))).append(' ').append(tf(cell.periodic(1))).append(' ').append(tf(cell.periodic(2))).append('"');
        out.write(Integer.toString(n));
        out.write('\n');
        out.write(h.toString());
        out.write('\n');
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            line.append(s.symbol(i));
            for (int d = 0; d < 3; d++) line.append(' ').append(num(s.x[3 * i + d]));
            if (f.hasVelocities) for (int d = 0; d < 3; d++) line.append(' ').append(num(s.v[3 * i + d]));
            if (f.hasCharges) line.append(' ').append(num(s.charge[i]));
            if (f.forces != null) for (int d = 0; d < 3; d++) line.append(' ').append(num(f.forces[3 * i + d]));
            if (f.atomEnergies != null) line.append(' ').append(num(f.atomEnergies[i]));
            for (Frame.Column c : f.arrays.values()) {
                for (int k = 0; k < c.width(); k++) line.append(' ').append(c.values()[c.width() * i + k]);
            }
            line.append('\n');
            out.write(line.toString());
        }
    }

    // ---------------------------------------------------------------- parsing helpers

    /** key=value pairs with "double", 'single' or {curly} quoting; a bare key means true. */
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
                    if (k >= len) throw new InputException(source, line, "unclosed " + open + " in value of '" + key + "'");
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

    private static List<String[]> parseProperties(String spec, String source, int line) {
        if (spec == null) spec = "species:S:1:pos:R:3";
        String[] f = spec.split(":");
        if (f.length % 3 != 0) throw new InputException(source, line, "Properties must be name:type:count triples, got '" + spec + "'");
        List<String[]> out = new ArrayList<>();
        for (int k = 0; k < f.length; k += 3) {
            String type = f[k + 1];
            if (!type.matches("[RISL]")) throw new InputException(source, line, "Properties column '" + f[k] + "' has type '" + type + "', expected R, I, S or L");
            try {
                if (Integer.parseInt(f[k + 2]) < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new InputException(source, line, "Properties column '" + f[k] + "' has count '" + f[k + 2] + "', expected a positive whole number");
            }
            out.add(new String[] {f[k], type, f[k + 2]});
        }
        return out;
    }

    private static Cell parseCell(String lattice, String pbc, String source, int line) {
        boolean[] periodic = new boolean[3];
        if (pbc != null) {
            String[] p = pbc.trim().split("\\s+");
            if (p.length != 3) throw new InputException(source, line, "pbc needs three T/F flags, got '" + pbc + "'");
            for (int d = 0; d < 3; d++) periodic[d] = parseBool(p[d], source, line);
        } else if (lattice != null) {
            periodic = new boolean[] {true, true, true}; // ASE: a Lattice without pbc means periodic
        }
        if (lattice == null) return new Cell(new double[9], periodic);
        double[] h = parseMatrix(lattice, "Lattice", source, line);
        try {
            return new Cell(h, periodic);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, line, "Lattice vectors are linearly dependent");
        }
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
            for (int k = 0; k < 9; k++) m[k] = parseReal(f[k], key, source, line);
            return m;
        }
        if (f.length == 6) {
            double[] v = new double[6];
            for (int k = 0; k < 6; k++) v[k] = parseReal(f[k], key, source, line);
            return new double[] {v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]};
        }
        throw new InputException(source, line, key + " needs 9 (or 6 Voigt) numbers, got " + f.length);
    }

    static double parseReal(String s, String what, String source, int line) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, "expected a number for " + what + ", got '" + abbreviate(s) + "'");
        }
    }

    private static void readReals(String[] f, int col, double[] out, int at, int w, String source, int line, String name) {
        for (int k = 0; k < w; k++) out[at + k] = parseReal(f[col + k], "column '" + name + "'", source, line);
    }

    private static int columnCount(List<String[]> props) {
        int c = 0;
        for (String[] p : props) c += Integer.parseInt(p[2]);
        return c;
    }

    private static String describe(List<String[]> props) {
        StringBuilder sb = new StringBuilder();
        for (String[] p : props) sb.append(sb.length() == 0 ? "" : " ").append(p[0]).append(p[2].equals("1") ? "" : "×" + p[2]);
        return sb.toString();
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    // ---------------------------------------------------------------- writing helpers

    /** Shortest text that reads back as the same double. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < v.length; k++) sb.append(k == 0 ? "" : " ").append(num(v[k]));
        return sb.toString();
    }

    private static String tf(boolean b) { return b ? "T" : "F"; }

    private static String quoteIfNeeded(String v) {
        if (v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=' || c == '"')) {
            return '"' + v.replace("\"", "\\\"") + '"';
        }
        return v;
    }
}
