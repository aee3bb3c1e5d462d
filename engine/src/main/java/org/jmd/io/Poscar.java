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
import org.jmd.neighbor.Matrix3;

/**
 * VASP POSCAR and CONTCAR files.
 *
 * <p>Reading: title (kept as {@code info["comment"]}); scale factor (one positive number
 * multiplies lattice and Cartesian positions, a negative one is the target volume in Å³, three
 * positive ones scale x, y and z); three lattice vectors; the VASP 5 species line (POTCAR
 * labels such as {@code Si_pv} or {@code Si/abc123} give their element); atom counts;
 * {@code Selective dynamics} (kept as the logical column {@code move_mask}, ASE's name, T = free
 * to move); {@code Direct} or {@code Cartesian}; positions; then optionally the ion velocities
 * CONTCAR writes after a blank line (Cartesian, Å/fs, jmd's unit). A VASP 4 file has no species
 * line: its species must be given ({@link #withSpecies}, {@code --species}). The cell is periodic
 * in all directions.
 *
 * <p>Writing: VASP 5 with scale 1 and Cartesian positions (exact round trip). POSCAR lists
 * atoms species by species, so atoms are written grouped by species in order of the species
 * table, keeping their order within a species: jmd structures whose species are interleaved come
 * back in a different atom order. {@code move_mask} becomes Selective dynamics; velocities are
 * written as CONTCAR does. A POSCAR needs a lattice: structures without one are refused.
 */
public final class Poscar implements StructureFormat {
    /** The format with species taken from the file (VASP 5). */
    public static final Poscar FORMAT = new Poscar(null);

    /** Column that holds selective-dynamics flags, as ASE names it in extended XYZ. */
    public static final String MOVE_MASK = "move_mask";

    private final String[] species;

    private Poscar(String[] species) { this.species = species; }

    /** The format with these species for the atom groups of a VASP 4 file (checked against a VASP 5 species line). */
    public Poscar withSpecies(String... elements) {
        for (String e : elements) {
            if (!Elements.isElement(e)) throw new InputException("unknown element '" + e + "' in the species list");
        }
        return new Poscar(elements.clone());
    }

    @Override public String name() { return "poscar"; }

    @Override public boolean multiFrame() { return false; }

    // ---------------------------------------------------------------- reading

    @Override public Frame readFrame(BufferedReader reader, String source, int[] lineNo) throws IOException {
        LineCursor in = new LineCursor(reader, source, lineNo);
        String title = in.next();
        if (title == null) return null;

        String[] sc = fields(in.require("the scale factor (line 2)"));
        double[] scale;
        double volume = 0;
        if (sc.length < 3 || !isNumber(sc[1])) {
            // one scale factor (anything after it that is not a number is a comment)
            if (sc.length == 2 && isNumber(sc[1])) throw in.error("expected one scale factor or three, got two");
            double s = in.finite(sc[0], "the scale factor");
            if (s == 0) throw in.error("expected a non-zero scale factor, got 0");
            if (s < 0) { volume = -s; s = 1; }
            scale = new double[] {s, s, s};
        } else {
            scale = new double[3];
            for (int d = 0; d < 3; d++) {
                scale[d] = in.finite(sc[d], "a scale factor");
                if (!(scale[d] > 0)) throw in.error("expected three positive scale factors, got " + sc[d]);
            }
        }
        double[] h = new double[9];
        for (int k = 0; k < 3; k++) {
            String[] f = fields(in.require("lattice vector " + (k + 1) + " (line " + (k + 3) + ")"));
            if (f.length < 3) throw in.error("expected three numbers for lattice vector " + (k + 1) + ", got " + f.length);
            for (int d = 0; d < 3; d++) h[3 * k + d] = in.finite(f[d], "lattice vector " + (k + 1)) * scale[d];
        }
        int latticeLine = in.line();
        if (volume > 0) {
            double v = Math.abs(Matrix3.determinant(h));
            if (!(v > 0)) throw in.error(latticeLine, "the lattice vectors are linearly dependent");
            double s = Math.cbrt(volume / v);
            for (int k = 0; k < 9; k++) h[k] *= s;
            scale = new double[] {s, s, s};
        }

        String[] line6 = fields(in.require("the species or the atom counts (line 6)"));
        String[] groupSpecies;
        String[] countFields;
        int countLine;
        if (isInteger(line6[0])) {
            if (species == null) {
                throw in.error("this POSCAR has no species line (VASP 4 format); add the element symbols above the counts "
                        + "(VASP 5) or give them (--species Si,O)");
            }
            groupSpecies = species;
            countFields = line6;
        } else {
            groupSpecies = new String[line6.length];
            for (int k = 0; k < line6.length; k++) {
                String e = potcarElement(line6[k]);
                if (!Elements.isElement(e)) {
                    throw in.error("expected element symbols in the species line, got '" + Numbers.abbreviate(line6[k]) + "'");
                }
                groupSpecies[k] = e;
            }
            if (species != null && !java.util.Arrays.equals(species, groupSpecies)) {
                throw in.error("the species line says " + String.join(" ", groupSpecies) + " but " + String.join(" ", species) + " were given");
            }
            countFields = fields(in.require("the atom counts (line 7)"));
        }
        countLine = in.line();
        if (countFields.length != groupSpecies.length) {
            throw in.error("expected " + groupSpecies.length + " atom counts (one per species: " + String.join(" ", groupSpecies)
                    + "), got " + countFields.length);
        }
        int[] counts = new int[countFields.length];
        long total = 0;
        for (int k = 0; k < countFields.length; k++) {
            counts[k] = in.integer(countFields[k], "the atom count of " + groupSpecies[k]);
            if (counts[k] < 0) throw in.error("expected an atom count ≥ 0, got " + counts[k]);
            total += counts[k];
        }
        // nothing is sized by the counts before the positions are there: 10⁹ claimed atoms in a short file cost nothing
        int n = Numbers.atomCount(total, in.source, in.line());

        String mode = in.require("'Direct' or 'Cartesian' (or 'Selective dynamics')").trim();
        boolean selective = false;
        if (mode.startsWith("S") || mode.startsWith("s")) {
            selective = true;
            mode = in.require("'Direct' or 'Cartesian'").trim();
        }
        boolean cartesian;
        char m = mode.isEmpty() ? ' ' : Character.toLowerCase(mode.charAt(0));
        if (m == 'c' || m == 'k') cartesian = true;
        else if (m == 'd') cartesian = false;
        else throw in.error("expected 'Direct' or 'Cartesian', got '" + Numbers.abbreviate(mode) + "'");

        Cell cell = Cells.of(h, new boolean[] {true, true, true}, "the lattice", in.source, latticeLine);
        DoubleList xs = new DoubleList();
        List<String> mask = selective ? new ArrayList<>() : null;
        int width = selective ? 6 : 3;
        double[] p = new double[3], r = new double[3];
        for (int i = 0; i < n; i++) {
            String l = in.require("position " + (i + 1) + " of " + n + " (the counts on line " + countLine + " add up to " + n + ")");
            String[] f = fields(l);
            if (f.length < width) {
                throw in.error("expected position " + (i + 1) + " of " + n + " as " + (selective ? "x y z and three T/F flags" : "x y z")
                        + ", got '" + Numbers.abbreviate(l.trim()) + "'");
            }
            for (int d = 0; d < 3; d++) p[d] = in.finite(f[d], "xyz".charAt(d) + " of atom " + (i + 1));
            if (cartesian) {
                for (int d = 0; d < 3; d++) r[d] = p[d] * scale[d];
            } else {
                cell.toCartesian(p, 0, r, 0);
            }
            for (int d = 0; d < 3; d++) {
                if (!Double.isFinite(r[d])) throw in.error("position " + (i + 1) + " is too large: it overflows once scaled");
                xs.add(r[d]);
            }
            if (selective) {
                for (int d = 0; d < 3; d++) {
                    String flag = f[3 + d];
                    if (!flag.equals("T") && !flag.equals("F")) throw in.error("expected a T or F selective-dynamics flag, got '" + flag + "'");
                    mask.add(flag);
                }
            }
        }
        String[] symbols = new String[n];
        for (int k = 0, i = 0; k < counts.length; k++) for (int c = 0; c < counts[k]; c++) symbols[i++] = groupSpecies[k];
        AtomicSystem s = AtomicSystem.of(cell, symbols, xs.toArray());
        Frame frame = new Frame(s);
        if (!title.isBlank()) frame.info.put("comment", title.trim());
        if (selective) frame.arrays.put(MOVE_MASK, new Frame.Column('L', 3, mask.toArray(new String[0])));
        readVelocities(in, s, frame);
        return frame;
    }

    /**
     * The optional block after the positions: CONTCAR's lattice velocities (skipped) and ion
     * velocities after a blank line or a "Cartesian" line. Anything after them (predictor-
     * corrector data) is ignored.
     */
    private static void readVelocities(LineCursor in, AtomicSystem s, Frame frame) throws IOException {
        int n = s.size();
        String l = in.next();
        if (l == null) return;
        if (l.trim().toLowerCase().startsWith("l")) {
            // "Lattice velocities and vectors": an init flag, three lattice velocities, three vectors
            for (int k = 0; k < 7; k++) in.require("the lattice velocities block");
            l = in.next();
            if (l == null) return;
        }
        String t = l.trim();
        if (!t.isEmpty()) {
            char c = Character.toLowerCase(t.charAt(0));
            if (c == 'd') {
                throw in.error("velocities in Direct mode (lattice vectors per time step) need VASP's POTIM; give them in Cartesian (Å/fs)");
            }
            if (c != 'c' && c != 'k') {
                throw in.error("expected a blank line or the velocity block after the " + n + " positions, got '" + Numbers.abbreviate(t)
                        + "' (do the atom counts match the positions?)");
            }
        }
        String first = in.next();
        if (first == null || first.isBlank()) return; // nothing after the separator: no velocities
        if (t.isEmpty()) {
            // after a blank separator a mode line may still follow
            char c0 = Character.toLowerCase(first.trim().charAt(0));
            if (c0 == 'c' || c0 == 'k') first = in.require("velocity 1 of " + n);
            else if (c0 == 'd') throw in.error("velocities in Direct mode (lattice vectors per time step) need VASP's POTIM; give them in Cartesian (Å/fs)");
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            String v = i == 0 ? first : in.require("velocity " + (i + 1) + " of " + n);
            String[] f = fields(v);
            if (f.length < 3) throw in.error("expected velocity " + (i + 1) + " of " + n + " as vx vy vz (Å/fs), got '" + Numbers.abbreviate(v.trim()) + "'");
            for (int d = 0; d < 3; d++) {
                s.v[3 * i + d] = in.finite(f[d], "velocity of atom " + (i + 1));
                any |= s.v[3 * i + d] != 0;
            }
        }
        // a relaxation's CONTCAR carries an all-zero block, which says nothing about velocities
        frame.hasVelocities = any;
    }

    // ---------------------------------------------------------------- writing

    @Override public void writeFrame(Writer out, Frame frame, String target) throws IOException {
        AtomicSystem s = frame.system;
        int n = s.size();
        Cell cell = s.cell();
        if (!cell.hasLattice() || cell.volume() == 0) {
            throw new InputException(target, 0, "a POSCAR needs three lattice vectors; this structure has "
                    + (cell.hasLattice() ? "a degenerate cell" : "none") + " (write extxyz instead)");
        }
        Frame.Column mask = frame.arrays.get(MOVE_MASK);
        if (mask != null && (mask.type() != 'L' || (mask.width() != 3 && mask.width() != 1))) mask = null;

        // group by species in table order, keeping the order within each species
        int[] order = new int[n];
        List<String> groups = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int k = 0;
        for (int t = 0; t < s.speciesCount(); t++) {
            int c = 0;
            for (int i = 0; i < n; i++) if (s.type[i] == t) { order[k++] = i; c++; }
            if (c > 0) { groups.add(s.species(t)); counts.add(c); }
        }
        StringBuilder b = new StringBuilder(80 * (n + 10));
        String title = frame.info.getOrDefault("comment", String.join(" ", groups)).replaceAll("\\R", " ");
        b.append(title.isBlank() ? "written by jmd" : title).append('\n');
        b.append("1.0\n");
        for (int r = 0; r < 3; r++) {
            for (int d = 0; d < 3; d++) b.append(d == 0 ? "" : " ").append(Numbers.format(cell.h(r, d)));
            b.append('\n');
        }
        b.append(String.join(" ", groups)).append('\n');
        for (int g = 0; g < counts.size(); g++) b.append(g == 0 ? "" : " ").append(counts.get(g));
        b.append('\n');
        if (mask != null) b.append("Selective dynamics\n");
        b.append("Cartesian\n");
        for (int j = 0; j < n; j++) {
            int i = order[j];
            for (int d = 0; d < 3; d++) b.append(d == 0 ? "" : " ").append(Numbers.format(s.x[3 * i + d]));
            if (mask != null) {
                for (int d = 0; d < 3; d++) b.append(' ').append(flag(mask.values()[mask.width() == 3 ? 3 * i + d : i]));
            }
            b.append('\n');
        }
        if (frame.hasVelocities) {
            b.append('\n');
            for (int j = 0; j < n; j++) {
                int i = order[j];
                for (int d = 0; d < 3; d++) b.append(d == 0 ? "" : " ").append(Numbers.format(s.v[3 * i + d]));
                b.append('\n');
            }
        }
        out.write(b.toString());
    }

    /** POSCAR wants T or F; extended XYZ also allows True/False/1/0. */
    private static String flag(String v) {
        return v.equals("T") || v.equalsIgnoreCase("true") || v.equals("1") ? "T" : "F";
    }

    // ---------------------------------------------------------------- helpers

    private static String[] fields(String l) {
        String t = l.trim();
        int hash = t.indexOf('#');
        int bang = t.indexOf('!');
        int cut = hash < 0 ? bang : bang < 0 ? hash : Math.min(hash, bang);
        if (cut >= 0) t = t.substring(0, cut).trim();
        return t.isEmpty() ? new String[] {""} : t.split("\\s+");
    }

    /** The element of a POTCAR label: "Si_pv" → "Si", "Si/abc123" → "Si". */
    private static String potcarElement(String label) {
        int k = 0;
        while (k < label.length() && "_/.".indexOf(label.charAt(k)) < 0) k++;
        return label.substring(0, k);
    }

    private static boolean isInteger(String s) { return s.matches("[+-]?\\d+"); }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
