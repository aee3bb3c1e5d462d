package org.jmd.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;
import org.jmd.engine.Units;
import org.jmd.neighbor.Cell;

/**
 * LAMMPS data files ({@code read_data}/{@code write_data}) in {@code units metal}, atom styles
 * {@code atomic} ({@code id type x y z}) and {@code charge} ({@code id type q x y z}), each with
 * optional image flags. Orthogonal and triclinic boxes ({@code xy xz yz}).
 *
 * <p>Species: LAMMPS knows only numbered atom types. The element of each type comes from, in
 * order: the species given with {@link #withSpecies} (like {@code pair_coeff * * Si O}), an
 * {@code Atom Type Labels} section, the comment of the {@code Masses} line ({@code 1 28.0855 # Si},
 * as jmd, ASE-based tools and LAMMPS's own {@code write_data} with labels write it), or the
 * element whose standard atomic weight is within {@value #MASS_TOLERANCE} amu of the mass.
 *
 * <p>Reading: positions are kept as written, plus image flags times the box vectors (so they are
 * unwrapped); the box origin (xlo, ylo, zlo) is not kept, which changes nothing in a periodic
 * system. Data files carry no boundary conditions: the cell is periodic in all three directions,
 * LAMMPS's default. Velocities are converted from Å/ps to Å/fs. Atoms are put in order of
 * their IDs. {@code * Coeffs} sections (force-field parameters) are skipped; bonds, angles and
 * other molecular topology are rejected.
 *
 * <p>Writing: a general cell is rotated rigidly into LAMMPS's lower-triangular form (see
 * {@link LammpsBox}); positions and velocities are rotated with it. A structure without a
 * lattice is written in its bounding box enlarged by 1 Å on each side (use {@code boundary f}
 * or {@code s}). Atom type k is species k of the species table; atom_style is {@code charge}
 * when the frame has charges, else {@code atomic}. Energies and forces have no place in a data
 * file and are not written.
 */
public final class LammpsData implements StructureFormat {
    /** The format with species taken from the file. */
    public static final LammpsData FORMAT = new LammpsData(null);

    /** How close (amu) a mass must be to an element's standard atomic weight to identify it. */
    static final double MASS_TOLERANCE = 0.05;

    private final String[] species;

    private LammpsData(String[] species) { this.species = species; }

    /** The format with atom types 1, 2, … being these elements, whatever the file says. */
    public LammpsData withSpecies(String... elements) {
        for (String e : elements) {
            if (!Elements.isElement(e)) throw new InputException("unknown element '" + e + "' in the species list");
        }
        return new LammpsData(elements.clone());
    }

    @Override public String name() { return "lammps-data"; }

    @Override public boolean multiFrame() { return false; }

    // ---------------------------------------------------------------- reading

    @Override public Frame readFrame(BufferedReader reader, String source, int[] lineNo) throws IOException {
        LineCursor in = new LineCursor(reader, source, lineNo);
        String title = in.next();
        if (title == null) return null;
        Header h = readHeader(in);
        double[] mass = null;
        String[] labels = null, massComments = null;
        int[] massLine = null;
        int[] id = null, type = null, image = null;
        double[] x = null, q = null, v = null;
        String style = null;
        int atomsLine = 0;
        for (String line = h.firstSection; line != null; line = nextNonBlank(in)) {
            String keyword = stripComment(line).trim();
            String comment = comment(line);
            int at = in.line();
            switch (keyword) {
                case "Masses": {
                    // the lines are read before anything is sized by the header's type count
                    IntList types = new IntList(), lines = new IntList();
                    DoubleList values = new DoubleList();
                    List<String> comments = new ArrayList<>();
                    for (int k = 0; k < h.types; k++) {
                        String l = bodyLine(in, "Masses", k, h.types, "type mass");
                        String[] f = fields(l);
                        if (f.length != 2) throw in.error("expected 'type mass' in Masses, got '" + Numbers.abbreviate(l.trim()) + "'");
                        int t = typeIndex(in, f[0], h.types);
                        double m = in.finite(f[1], "mass");
                        if (!(m > 0)) throw in.error("expected a positive mass for atom type " + t + ", got " + f[1]);
                        types.add(t);
                        values.add(m);
                        comments.add(comment(l));
                        lines.add(in.line());
                    }
                    mass = new double[h.types + 1];
                    massComments = new String[h.types + 1];
                    massLine = new int[h.types + 1];
                    int[] t = types.toArray(), where = lines.toArray();
                    double[] m = values.toArray();
                    for (int k = 0; k < t.length; k++) {
                        if (massLine[t[k]] != 0) throw in.error(where[k], "atom type " + t[k] + " is given twice in Masses (first on line " + massLine[t[k]] + ")");
                        mass[t[k]] = m[k];
                        massComments[t[k]] = comments.get(k);
                        massLine[t[k]] = where[k];
                    }
                    break;
                }
                case "Atom Type Labels": {
                    IntList types = new IntList();
                    List<String> names = new ArrayList<>();
                    for (int k = 0; k < h.types; k++) {
                        String l = bodyLine(in, "Atom Type Labels", k, h.types, "type label");
                        String[] f = fields(l);
                        if (f.length != 2) throw in.error("expected 'type label' in Atom Type Labels, got '" + Numbers.abbreviate(l.trim()) + "'");
                        types.add(typeIndex(in, f[0], h.types));
                        names.add(f[1]);
                    }
                    labels = new String[h.types + 1];
                    int[] t = types.toArray();
                    for (int k = 0; k < t.length; k++) {
                        if (labels[t[k]] != null) throw in.error("atom type " + t[k] + " is given twice in Atom Type Labels");
                        labels[t[k]] = names.get(k);
                    }
                    break;
                }
                case "Atoms": {
                    style = comment == null ? null : comment.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
                    if (style != null && !style.equals("atomic") && !style.equals("charge")) {
                        throw in.error("atom_style '" + style + "' is not supported; expected atomic or charge");
                    }
                    if (id != null) throw in.error("a second Atoms section");
                    atomsLine = at;
                    // grown line by line: the header's atom count alone allocates nothing
                    IntList ids = new IntList(), types = new IntList(), images = new IntList();
                    DoubleList xs = new DoubleList(), qs = new DoubleList();
                    for (int i = 0; i < h.atoms; i++) {
                        String l = bodyLine(in, "Atoms", i, h.atoms, "id type x y z");
                        String[] f = fields(l);
                        if (style == null) {
                            if (f.length == 5 || f.length == 8) style = "atomic";
                            else if (f.length == 6 || f.length == 9) style = "charge";
                            else throw in.error("expected 5 or 8 columns (atom_style atomic: id type x y z [ix iy iz]) or 6 or 9 "
                                    + "(atom_style charge: id type q x y z [ix iy iz]), got " + f.length);
                        }
                        boolean charge = style.equals("charge");
                        int base = charge ? 6 : 5;
                        if (f.length != base && f.length != base + 3) {
                            throw in.error("expected " + base + " or " + (base + 3) + " columns for atom_style " + style + " ("
                                    + (charge ? "id type q x y z" : "id type x y z") + " [ix iy iz]), got " + f.length);
                        }
                        int atomId = in.integer(f[0], "atom ID");
                        if (atomId < 1) throw in.error("expected a positive atom ID, got " + atomId);
                        ids.add(atomId);
                        types.add(typeIndex(in, f[1], h.types));
                        int c = 2;
                        qs.add(charge ? in.finite(f[c++], "charge") : 0.0);
                        for (int d = 0; d < 3; d++) xs.add(in.finite(f[c++], "xyz".charAt(d) + ""));
                        for (int d = 0; d < 3; d++) images.add(f.length == base + 3 ? in.integer(f[c++], "image flag") : 0);
                    }
                    id = ids.toArray();
                    type = types.toArray();
                    image = images.toArray();
                    x = xs.toArray();
                    q = qs.toArray();
                    break;
                }
                case "Velocities": {
                    // kept in file order; matched to atoms by ID once all sections are read
                    if (v != null) throw in.error("a second Velocities section");
                    IntList vid = new IntList();
                    DoubleList vv = new DoubleList();
                    for (int i = 0; i < h.atoms; i++) {
                        String l = bodyLine(in, "Velocities", i, h.atoms, "id vx vy vz");
                        String[] f = fields(l);
                        if (f.length != 4) throw in.error("expected 'id vx vy vz' in Velocities, got " + f.length + " columns");
                        vid.add(in.integer(f[0], "atom ID"));
                        for (int d = 0; d < 3; d++) vv.add(in.finite(f[1 + d], "velocity") / Units.FS_PER_PS);
                    }
                    h.velocityIds = vid.toArray();
                    v = vv.toArray();
                    h.velocitiesLine = at;
                    break;
                }
                default:
                    if (keyword.endsWith("Coeffs")) {
                        skipSection(in);
                    } else if (keyword.matches("Bonds|Angles|Dihedrals|Impropers|Ellipsoids|Lines|Triangles|Bodies")) {
                        throw in.error("section '" + keyword + "' is not supported: jmd reads atom_style atomic and charge only");
                    } else {
                        throw in.error("expected a section (Masses, Atoms, Velocities, Atom Type Labels, … Coeffs), got '"
                                + Numbers.abbreviate(keyword) + "'");
                    }
            }
        }
        if (id == null) {
            if (h.atoms > 0) throw new InputException(source, lineNo[0], "missing Atoms section (the header declares " + h.atoms + " atoms)");
            id = new int[0]; type = new int[0]; image = new int[0]; x = new double[0]; q = new double[0];
        }
        String[] table = speciesOfTypes(h, labels, mass, massComments, massLine, source);
        return frame(title, h, table, mass, id, type, image, x, q, v, "charge".equals(style), source, atomsLine);
    }

    private Frame frame(String title, Header h, String[] table, double[] mass, int[] id, int[] type, int[] image, double[] x,
                        double[] q, double[] v, boolean charges, String source, int atomsLine) {
        int n = h.atoms;
        // order atoms by ID, as LAMMPS numbers them
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Integer.compare(id[i], id[j]));
        for (int k = 1; k < n; k++) {
            if (id[order[k]] == id[order[k - 1]]) throw new InputException(source, atomsLine, "atom ID " + id[order[k]] + " appears twice in Atoms");
        }
        double[] cellH = {h.xhi - h.xlo, 0, 0, h.xy, h.yhi - h.ylo, 0, h.xz, h.yz, h.zhi - h.zlo};
        Cell cell = Cells.of(cellH, new boolean[] {true, true, true}, "the box (xlo xhi, ylo yhi, zlo zhi, xy xz yz)", source, h.boxLine);
        int[] types = new int[n];
        double[] pos = new double[3 * n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            types[k] = type[i] - 1;
            for (int d = 0; d < 3; d++) {
                pos[3 * k + d] = x[3 * i + d] + image[3 * i] * cellH[d] + image[3 * i + 1] * cellH[3 + d] + image[3 * i + 2] * cellH[6 + d];
            }
        }
        AtomicSystem s = new AtomicSystem(cell, table, types, pos);
        if (mass != null) for (int t = 1; t <= h.types; t++) s.setMass(t - 1, mass[t]);
        Frame f = new Frame(s);
        if (charges) {
            for (int k = 0; k < n; k++) s.charge[k] = q[order[k]];
            f.hasCharges = true;
        }
        if (v != null) {
            int[] slot = new int[n];
            Arrays.fill(slot, -1);
            int[] sortedIds = new int[n];
            for (int k = 0; k < n; k++) sortedIds[k] = id[order[k]];
            for (int j = 0; j < n; j++) {
                int k = Arrays.binarySearch(sortedIds, h.velocityIds[j]);
                if (k < 0) throw new InputException(source, h.velocitiesLine + 1 + j, "Velocities names atom ID " + h.velocityIds[j] + ", which is not in Atoms");
                if (slot[k] >= 0) throw new InputException(source, h.velocitiesLine + 1 + j, "atom ID " + h.velocityIds[j] + " appears twice in Velocities");
                slot[k] = j;
                System.arraycopy(v, 3 * j, s.v, 3 * k, 3);
            }
            f.hasVelocities = true;
        }
        String t = title.trim();
        if (!t.isEmpty()) f.info.put("comment", t);
        return f;
    }

    /** The element of each type 1..types, as a species table indexed from 0. */
    private String[] speciesOfTypes(Header h, String[] labels, double[] mass, String[] comments, int[] massLine, String source) {
        int types = h.types;
        if (species != null) {
            if (species.length != types) {
                throw new InputException(source, h.typesLine, "the file has " + types + " atom types but " + species.length + " species were given ("
                        + String.join(" ", species) + ")");
            }
            return species.clone();
        }
        if (mass == null && labels == null) {
            throw new InputException(source, h.typesLine, "missing Masses section: cannot tell the element of atom type 1"
                    + "; add 'Masses' with lines like '1 28.0855 # Si', or give the species (--species)");
        }
        String[] table = new String[types];
        for (int t = 1; t <= types; t++) {
            if (labels != null && labels[t] != null && Elements.isElement(labels[t])) { table[t - 1] = labels[t]; continue; }
            if (mass == null) {
                throw new InputException(source, h.typesLine, "missing Masses section: cannot tell the element of atom type " + t
                        + "; add 'Masses' with lines like '" + t + " 28.0855 # Si', or give the species (--species)");
            }
            String c = comments[t] == null ? "" : comments[t].trim().split("\\s+")[0];
            if (Elements.isElement(c)) { table[t - 1] = c; continue; }
            table[t - 1] = elementOfMass(mass[t], t, source, massLine[t]);
        }
        return table;
    }

    /** The element whose standard atomic weight is within the tolerance of m, if exactly one is. */
    static String elementOfMass(double m, int type, String source, int line) {
        String best = null;
        int within = 0;
        double bestDiff = Double.MAX_VALUE;
        for (int z = 1; z <= 103; z++) {
            double diff = Math.abs(Elements.mass(z) - m);
            if (diff <= MASS_TOLERANCE) within++;
            if (diff < bestDiff) { bestDiff = diff; best = Elements.symbol(z); }
        }
        if (within == 1) return best;
        String hint = "; name it in a comment ('" + type + " " + Numbers.format(m) + " # El') or give the species (--species)";
        if (within == 0) {
            throw new InputException(source, line, "atom type " + type + " has mass " + Numbers.format(m)
                    + ", which is no element's standard atomic weight (within " + MASS_TOLERANCE + " amu)" + hint);
        }
        throw new InputException(source, line, "atom type " + type + " has mass " + Numbers.format(m)
                + ", which matches several elements" + hint);
    }

    /** The header: counts and box, up to the first section keyword. */
    private static final class Header {
        int atoms = -1, types = -1;
        double xlo = -0.5, xhi = 0.5, ylo = -0.5, yhi = 0.5, zlo = -0.5, zhi = 0.5, xy, xz, yz;
        int boxLine, typesLine;
        String firstSection;
        int[] velocityIds;
        int velocitiesLine;
    }

    private static Header readHeader(LineCursor in) throws IOException {
        Header h = new Header();
        String line;
        while ((line = in.next()) != null) {
            String body = stripComment(line).trim();
            if (body.isEmpty()) continue;
            if (Character.isLetter(body.charAt(0))) { h.firstSection = line; break; }
            String[] f = body.split("\\s+");
            String key = String.join(" ", Arrays.copyOfRange(f, countNumbers(f), f.length));
            switch (key) {
                case "atoms": h.atoms = Numbers.atomCount(headerInt(in, f, "atoms"), in.source, in.line()); break;
                case "atom types": h.types = headerInt(in, f, "atom types"); h.typesLine = in.line(); break;
                case "xlo xhi": { double[] r = bounds(in, f, key); h.xlo = r[0]; h.xhi = r[1]; h.boxLine = in.line(); break; }
                case "ylo yhi": { double[] r = bounds(in, f, key); h.ylo = r[0]; h.yhi = r[1]; h.boxLine = in.line(); break; }
                case "zlo zhi": { double[] r = bounds(in, f, key); h.zlo = r[0]; h.zhi = r[1]; h.boxLine = in.line(); break; }
                case "xy xz yz": { double[] r = headerReals(in, f, 3, key); h.xy = r[0]; h.xz = r[1]; h.yz = r[2]; h.boxLine = in.line(); break; }
                case "bonds": case "angles": case "dihedrals": case "impropers": case "ellipsoids": case "lines": case "triangles": case "bodies":
                    if (headerInt(in, f, key) > 0) throw in.error("'" + key + "' is not supported: jmd reads atom_style atomic and charge only");
                    break;
                default:
                    if (key.endsWith(" types") || key.startsWith("extra ")) break; // bond types etc.: irrelevant without bonds
                    throw in.error("expected a header line such as 'N atoms', 'N atom types' or 'xlo xhi', got '" + Numbers.abbreviate(body) + "'");
            }
        }
        // a missing count is noticed where the header ends: at the first section or the end of the file
        if (h.atoms < 0) throw in.error(Math.max(1, in.line()), "missing 'N atoms' in the header");
        if (h.types < 1) throw in.error(Math.max(1, in.line()), "missing 'N atom types' in the header");
        if (h.boxLine == 0) h.boxLine = in.line();
        return h;
    }

    private static int countNumbers(String[] f) {
        int k = 0;
        while (k < f.length && !Character.isLetter(f[k].charAt(0))) k++;
        return k;
    }

    private static int headerInt(LineCursor in, String[] f, String key) {
        if (countNumbers(f) != 1) throw in.error("expected one number before '" + key + "'");
        int v = in.integer(f[0], "'" + key + "'");
        if (v < 0) throw in.error("expected a count ≥ 0 for '" + key + "', got " + v);
        return v;
    }

    private static double[] headerReals(LineCursor in, String[] f, int count, String key) {
        if (countNumbers(f) != count) throw in.error("expected " + count + " numbers before '" + key + "'");
        double[] r = new double[count];
        for (int k = 0; k < count; k++) r[k] = in.finite(f[k], "'" + key + "'");
        return r;
    }

    /** lo hi of the box in one direction; LAMMPS requires lo &lt; hi. */
    private static double[] bounds(LineCursor in, String[] f, String key) {
        double[] r = headerReals(in, f, 2, key);
        if (!(r[0] < r[1])) throw in.error("expected lo < hi in '" + key + "', got " + f[0] + " " + f[1]);
        return r;
    }

    /** Line k (0-based) of a section body of the given length, skipping the blank lines around it. */
    private static String bodyLine(LineCursor in, String section, int k, int total, String form) throws IOException {
        while (true) {
            String l = in.next();
            if (l == null) {
                throw in.error(section + " ends after " + k + " of " + total + " lines ('" + form + "'); got end of file");
            }
            String body = stripComment(l).trim();
            if (body.isEmpty()) continue;
            if (Character.isLetter(body.charAt(0))) {
                throw in.error("expected " + total + " lines ('" + form + "') in " + section + ", got " + k + " before '" + Numbers.abbreviate(body) + "'");
            }
            return l;
        }
    }

    /** Skips a section whose length jmd does not track, up to the next keyword. */
    private static void skipSection(LineCursor in) throws IOException {
        String l;
        while ((l = in.next()) != null) {
            String body = stripComment(l).trim();
            if (!body.isEmpty() && Character.isLetter(body.charAt(0))) { in.pushBack(l); return; }
        }
    }

    private static String nextNonBlank(LineCursor in) throws IOException {
        String l;
        while ((l = in.next()) != null) if (!stripComment(l).isBlank()) return l;
        return null;
    }

    private static int typeIndex(LineCursor in, String s, int types) {
        int t = in.integer(s, "atom type");
        if (t < 1 || t > types) throw in.error("expected an atom type 1.." + types + ", got " + t);
        return t;
    }

    private static String stripComment(String l) {
        int k = l.indexOf('#');
        return k < 0 ? l : l.substring(0, k);
    }

    private static String comment(String l) {
        int k = l.indexOf('#');
        return k < 0 ? null : l.substring(k + 1).trim();
    }

    private static String[] fields(String l) { return stripComment(l).trim().split("\\s+"); }

    // ---------------------------------------------------------------- writing

    @Override public void writeFrame(Writer out, Frame frame, String target) throws IOException {
        AtomicSystem s = frame.system;
        int n = s.size();
        Cell cell = s.cell();
        double[] origin = new double[3];
        LammpsBox box;
        if (cell.hasLattice()) {
            box = LammpsBox.of(cell);
            if (box == null) {
                throw new InputException(target, 0, "the cell is left-handed (a·(b×c) < 0), which no LAMMPS box can be; "
                        + "swap two lattice vectors first");
            }
        } else {
            box = boundingBox(s, origin);
        }
        String style = frame.hasCharges ? "charge" : "atomic";
        StringBuilder b = new StringBuilder(96 * (n + 16));
        String title = frame.info.getOrDefault("comment", "LAMMPS data file written by jmd").replaceAll("\\R", " ");
        b.append(title).append("\n\n");
        b.append(n).append(" atoms\n");
        b.append(s.speciesCount()).append(" atom types\n\n");
        b.append(Numbers.format(origin[0])).append(' ').append(Numbers.format(origin[0] + box.lx)).append(" xlo xhi\n");
        b.append(Numbers.format(origin[1])).append(' ').append(Numbers.format(origin[1] + box.ly)).append(" ylo yhi\n");
        b.append(Numbers.format(origin[2])).append(' ').append(Numbers.format(origin[2] + box.lz)).append(" zlo zhi\n");
        if (box.tilted()) {
            b.append(Numbers.format(box.xy)).append(' ').append(Numbers.format(box.xz)).append(' ').append(Numbers.format(box.yz)).append(" xy xz yz\n");
        }
        b.append("\nMasses\n\n");
        for (int t = 0; t < s.speciesCount(); t++) {
            b.append(t + 1).append(' ').append(Numbers.format(massOf(s, t))).append(" # ").append(s.species(t)).append('\n');
        }
        b.append("\nAtoms # ").append(style).append("\n\n");
        double[] r = new double[3];
        for (int i = 0; i < n; i++) {
            b.append(i + 1).append(' ').append(s.type[i] + 1);
            if (frame.hasCharges) b.append(' ').append(Numbers.format(s.charge[i]));
            box.rotate(s.x, i, r);
            for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(r[d]));
            b.append('\n');
            if (b.length() > 1 << 16) { out.write(b.toString()); b.setLength(0); }
        }
        if (frame.hasVelocities) {
            b.append("\nVelocities\n\n");
            for (int i = 0; i < n; i++) {
                box.rotate(s.v, i, r);
                b.append(i + 1);
                for (int d = 0; d < 3; d++) b.append(' ').append(Numbers.format(r[d] * Units.FS_PER_PS));
                b.append('\n');
                if (b.length() > 1 << 16) { out.write(b.toString()); b.setLength(0); }
            }
        }
        out.write(b.toString());
    }

    /** The mass of the atoms of species t (the standard weight if it has no atoms). */
    private static double massOf(AtomicSystem s, int t) {
        for (int i = 0; i < s.size(); i++) if (s.type[i] == t) return s.mass[i];
        return Elements.mass(s.species(t));
    }

    /** An orthogonal box around the atoms of a structure without a lattice, 1 Å of space on each side. */
    private static LammpsBox boundingBox(AtomicSystem s, double[] origin) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < s.size(); i++) {
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], s.x[3 * i + d]);
                hi[d] = Math.max(hi[d], s.x[3 * i + d]);
            }
        }
        if (s.size() == 0) { Arrays.fill(lo, 0); Arrays.fill(hi, 0); }
        double[] h = new double[9];
        for (int d = 0; d < 3; d++) {
            origin[d] = lo[d] - 1.0;
            h[4 * d] = hi[d] - lo[d] + 2.0;
        }
        return LammpsBox.of(new Cell(h, new boolean[3]));
    }
}
