package org.jmd.potentials.plip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.InputException;
import org.jmd.io.StructureIO;

/**
 * A PLIP model: the elements with their energy offsets (the per-element reference energies, eV per
 * atom) and the terms with their weights. The atomic energy of atom i of element c is
 * {@code E_i = offset_c + Σ_t w_t X_t(i)} over the terms whose centre is c. Read and written in
 * the text format of {@code docs/plip.md}; a model file lists only the terms it uses, so a sparse
 * Lasso fit is stored as the non-zero terms alone.
 */
public final class PlipModel {
    /** First line of every model file: format name and version. */
    public static final String MAGIC = "plip";
    public static final int VERSION = 1;

    private final String[] elements;
    private final double[] offsets;
    private final List<PlipTerm> terms;
    private final double[] weights;

    public PlipModel(String[] elements, double[] offsets, List<PlipTerm> terms, double[] weights) {
        if (elements.length == 0) throw new IllegalArgumentException("a PLIP model needs at least one element");
        if (offsets.length != elements.length) throw new IllegalArgumentException("one offset per element");
        if (weights.length != terms.size()) throw new IllegalArgumentException("one weight per term");
        for (int e = 0; e < elements.length; e++)
            for (int f = 0; f < e; f++)
                if (elements[e].equals(elements[f])) throw new IllegalArgumentException("element " + elements[e] + " listed twice");
        this.elements = elements.clone();
        this.offsets = offsets.clone();
        this.terms = List.copyOf(terms);
        this.weights = weights.clone();
        for (PlipTerm t : terms) {
            if (t.centre() >= elements.length || t.neighbour() >= elements.length || t.neighbour2() >= elements.length)
                throw new IllegalArgumentException("term refers to an element the model does not list: " + t);
        }
    }

    public String[] elements() { return elements.clone(); }

    public int elementCount() { return elements.length; }

    public String element(int k) { return elements[k]; }

    public double offset(int k) { return offsets[k]; }

    public double[] offsets() { return offsets.clone(); }

    public List<PlipTerm> terms() { return terms; }

    public double[] weights() { return weights.clone(); }

    public double weight(int t) { return weights[t]; }

    /** The same model without the terms whose weight is exactly zero. */
    public PlipModel withoutZeroWeights() {
        List<PlipTerm> kept = new ArrayList<>();
        double[] w = new double[weights.length];
        int n = 0;
        for (int t = 0; t < terms.size(); t++) {
            if (weights[t] != 0) {
                kept.add(terms.get(t));
                w[n++] = weights[t];
            }
        }
        return new PlipModel(elements, offsets, kept, Arrays.copyOf(w, n));
    }

    // ---------------------------------------------------------------- reading

    public static PlipModel read(Path path) {
        String source = path.toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(in, source);
        } catch (NoSuchFileException e) {
            throw new InputException(source, 0, "no such PLIP model file");
        } catch (IOException e) {
            throw new InputException(source, 0, "cannot read PLIP model file: " + e.getMessage());
        }
    }

    public static PlipModel parse(String text, String source) {
        try {
            return parse(new BufferedReader(new StringReader(text)), source);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    private static final String USAGE_2B = "2b CENTRE NEIGHBOUR a b rc weight";
    private static final String USAGE_3B = "3b CENTRE NEIGHBOUR1 NEIGHBOUR2 a b rc l weight";
    private static final String USAGE_NB = "nb CENTRE NEIGHBOUR a b rc m weight";

    static PlipModel parse(BufferedReader in, String source) throws IOException {
        List<String> elements = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        List<PlipTerm> terms = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<PlipTerm, Integer> seen = new HashMap<>();
        Map<String, Integer> elementLine = new HashMap<>();
        boolean header = false;
        int lineNo = 0;
        for (String raw; (raw = in.readLine()) != null; ) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) continue;
            String[] w = line.split("\\s+");
            if (!header) {
                if (!w[0].equals(MAGIC) || w.length != 2) {
                    throw new InputException(source, lineNo, "expected the header '" + MAGIC + " " + VERSION + "', got '" + abbreviate(line) + "'");
                }
                int version = integer(w[1], "the format version", source, lineNo);
                if (version != VERSION) throw new InputException(source, lineNo, "unsupported PLIP format version " + version + " (this jmd reads version " + VERSION + ")");
                header = true;
                continue;
            }
            switch (w[0]) {
                case "element": {
                    if (w.length != 3) throw new InputException(source, lineNo, "expected 'element SYMBOL OFFSET' (offset in eV per atom), got " + (w.length - 1) + " words after 'element'");
                    if (!terms.isEmpty()) throw new InputException(source, lineNo, "element lines must come before the terms");
                    Integer first = elementLine.putIfAbsent(w[1], lineNo);
                    if (first != null) throw new InputException(source, lineNo, "element " + w[1] + " declared twice (first on line " + first + ")");
                    elements.add(w[1]);
                    offsets.add(real(w[2], "the offset of " + w[1] + " (eV)", source, lineNo));
                    break;
                }
                case "2b": case "3b": case "nb": {
                    PlipTerm.Body body = w[0].equals("2b") ? PlipTerm.Body.TWO : w[0].equals("3b") ? PlipTerm.Body.THREE : PlipTerm.Body.MANY;
                    String usage = body == PlipTerm.Body.TWO ? USAGE_2B : body == PlipTerm.Body.THREE ? USAGE_3B : USAGE_NB;
                    int expected = usage.split(" ").length;
                    if (w.length != expected) {
                        throw new InputException(source, lineNo, "expected '" + usage + "' (" + expected + " words), got " + w.length + " words");
                    }
                    if (elements.isEmpty()) throw new InputException(source, lineNo, "a term before any 'element' line");
                    int k = 1;
                    int c = element(w[k++], elements, source, lineNo);
                    int n1 = element(w[k++], elements, source, lineNo);
                    int n2 = body == PlipTerm.Body.THREE ? element(w[k++], elements, source, lineNo) : -1;
                    double a = real(w[k++], "a (1/Å²)", source, lineNo);
                    double b = real(w[k++], "b (Å)", source, lineNo);
                    double rc = real(w[k++], "rc (Å)", source, lineNo);
                    int order = 0;
                    if (body == PlipTerm.Body.THREE) order = integer(w[k++], "the angular order l", source, lineNo);
                    if (body == PlipTerm.Body.MANY) order = integer(w[k++], "the power m", source, lineNo);
                    double weight = real(w[k], "the weight (eV)", source, lineNo);
                    if (!(a >= 0)) throw new InputException(source, lineNo, "a must be >= 0 (1/Å²), got " + a);
                    if (!(rc > 0)) throw new InputException(source, lineNo, "rc must be positive (Å), got " + rc);
                    if (body == PlipTerm.Body.THREE && (order < 0 || order > PlipTerm.MAX_ANGULAR_ORDER))
                        throw new InputException(source, lineNo, "angular order l must be 0.." + PlipTerm.MAX_ANGULAR_ORDER + ", got " + order);
                    if (body == PlipTerm.Body.MANY && (order < 1 || order > PlipTerm.MAX_POWER))
                        throw new InputException(source, lineNo, "power m must be 1.." + PlipTerm.MAX_POWER + ", got " + order);
                    PlipTerm t = body == PlipTerm.Body.TWO ? PlipTerm.twoBody(c, n1, a, b, rc)
                            : body == PlipTerm.Body.THREE ? PlipTerm.threeBody(c, n1, n2, a, b, rc, order)
                            : PlipTerm.manyBody(c, n1, a, b, rc, order);
                    Integer first = seen.putIfAbsent(t, lineNo);
                    if (first != null) throw new InputException(source, lineNo, "the same term appears twice (first on line " + first + "); give each term once with its total weight");
                    terms.add(t);
                    weights.add(weight);
                    break;
                }
                default:
                    throw new InputException(source, lineNo, "unknown keyword '" + abbreviate(w[0]) + "'; expected element, 2b, 3b or nb");
            }
        }
        if (!header) throw new InputException(source, lineNo, "empty PLIP model file: expected the header '" + MAGIC + " " + VERSION + "'");
        if (elements.isEmpty()) throw new InputException(source, lineNo, "no 'element SYMBOL OFFSET' line: a model needs at least one element");
        double[] off = new double[offsets.size()], wt = new double[weights.size()];
        for (int k = 0; k < off.length; k++) off[k] = offsets.get(k);
        for (int k = 0; k < wt.length; k++) wt[k] = weights.get(k);
        return new PlipModel(elements.toArray(new String[0]), off, terms, wt);
    }

    private static int element(String symbol, List<String> elements, String source, int line) {
        int k = elements.indexOf(symbol);
        if (k < 0) throw new InputException(source, line, "element '" + abbreviate(symbol) + "' is not declared by an 'element' line (declared: " + String.join(", ", elements) + ")");
        return k;
    }

    private static double real(String s, String what, String source, int line) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v) && !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F")) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InputException(source, line, "expected a finite number for " + what + ", got '" + abbreviate(s) + "'");
    }

    private static int integer(String s, String what, String source, int line) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, "expected a whole number for " + what + ", got '" + abbreviate(s) + "'");
        }
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    // ---------------------------------------------------------------- writing

    /** Writes the model via a temporary file renamed into place. */
    public void write(Path path, String comment) {
        StructureIO.writeAtomically(path, w -> write(w, comment));
    }

    /** The file text; numbers are written so that they read back as the same doubles. */
    public void write(Writer w, String comment) throws IOException {
        w.write("# PLIP model for jmd (format: docs/plip.md)\n");
        if (comment != null) for (String l : comment.split("\n")) w.write("# " + l + "\n");
        w.write("# E_i = offset(element of i) + sum of weight * descriptor over the terms centred on that element\n");
        w.write(MAGIC + " " + VERSION + "\n");
        w.write("# element SYMBOL OFFSET(eV)\n");
        for (int e = 0; e < elements.length; e++) w.write("element " + elements[e] + " " + num(offsets[e]) + "\n");
        w.write("# " + USAGE_2B + "   (a 1/Å², b Å, rc Å, weight eV)\n");
        w.write("# " + USAGE_3B + "\n");
        w.write("# " + USAGE_NB + "\n");
        for (int t = 0; t < terms.size(); t++) {
            PlipTerm x = terms.get(t);
            StringBuilder sb = new StringBuilder(x.body().keyword).append(' ')
                    .append(elements[x.centre()]).append(' ').append(elements[x.neighbour()]);
            if (x.body() == PlipTerm.Body.THREE) sb.append(' ').append(elements[x.neighbour2()]);
            sb.append(' ').append(num(x.a())).append(' ').append(num(x.b())).append(' ').append(num(x.cutoff()));
            if (x.body() != PlipTerm.Body.TWO) sb.append(' ').append(x.order());
            sb.append(' ').append(num(weights[t])).append('\n');
            w.write(sb.toString());
        }
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%.1f", v);
        return Double.toString(v);
    }
}
