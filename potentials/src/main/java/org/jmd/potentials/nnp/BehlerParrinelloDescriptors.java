package org.jmd.potentials.nnp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Elements;
import org.jmd.engine.InputException;

/**
 * Behler–Parrinello (atom-centred) symmetry functions defined as n2p2 defines them: a
 * {@code cutoff_type} and {@code symfunction_short} lines (every type n2p2 knows, see docs/nnp.md).
 * For one atom of a system and a full neighbor list they give the raw, unscaled descriptor vector
 * G_i in n2p2's sorted order (the order of {@code scaling.data} and of the network inputs) and
 * their derivatives with respect to each neighbour displacement δ_p = x_j + image·h − x_i. Since
 * G_i depends on positions only through the δ_p, ∂G_s/∂x_j = Σ_{p: atom p = j} ∂G_s/∂δ_p and
 * ∂G_s/∂x_i = −Σ_p ∂G_s/∂δ_p; the virial follows from the same numbers (W = −Σ_p δ_p ⊗ ∂E/∂δ_p).
 *
 * <p>Elements are indexed by increasing atomic number, as n2p2 does. Lengths are in Å (the unit of
 * the definitions). The {@code nnp} potential evaluates its symmetry functions with this class, so
 * a model trained on these descriptors sees exactly what {@code potential nnp} computes.
 *
 * <p>Immutable and shared by every thread. Per system, {@link #bind} maps atoms to elements
 * ({@link AtomElements}, also shareable); per thread, {@link #workspace()} gives the scratch that
 * computes ({@link DescriptorWorkspace}).
 */
public final class BehlerParrinelloDescriptors {
    private final String owner;
    private final String[] symbols;
    private final Map<String, Integer> elementIndex = new LinkedHashMap<>();
    private final double[] atomicNumbers;
    final ElementDescriptor[] descriptors;
    /** Per element, the symfunction_short arguments of each function, in n2p2 order. */
    private final String[][] definitions;
    private final String cutoffType;
    final int cutoffTypeNumber;
    private final double cutoff;
    private final int maxSize;

    private final DerivativeLayout layout;
    private final int mostCells, mostRadialParts, mostAngularParts;

    /**
     * Reads {@code cutoff_type} and every {@code symfunction_short} of the settings.
     *
     * @param sortedSymbols element symbols by increasing atomic number
     * @param lengthScale   factor from the definitions' length unit to the working unit
     * @param owner         what to name in messages about atoms of other elements
     */
    BehlerParrinelloDescriptors(N2p2Settings s, String[] sortedSymbols, double lengthScale, String owner) {
        this.owner = owner;
        this.symbols = sortedSymbols.clone();
        atomicNumbers = new double[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            elementIndex.put(symbols[i], i);
            atomicNumbers[i] = Elements.number(symbols[i]);
        }

        N2p2Settings.Entry ct = s.require("cutoff_type", "cutoff function type 0-8 and optional alpha");
        cutoffTypeNumber = s.integer(ct, 0, "cutoff type");
        if (cutoffTypeNumber < 0 || cutoffTypeNumber > 8) throw s.error(ct, "cutoff_type must be 0 to 8, got " + cutoffTypeNumber);
        double alpha = ct.args.length > 1 ? s.real(ct, 1, "inner cutoff alpha") : 0.0;
        if (!(alpha >= 0 && alpha < 1)) throw s.error(ct, "cutoff_type: alpha must satisfy 0 <= alpha < 1, got " + alpha);
        cutoffType = String.join(" ", ct.args);

        SymmetryFunctionReader reader = new SymmetryFunctionReader(s, elementIndex, atomicNumbers, lengthScale, cutoffTypeNumber, alpha);
        List<List<SymmetryFunction>> perElement = new ArrayList<>();
        Map<SymmetryFunction, String> text = new LinkedHashMap<>();
        for (int i = 0; i < symbols.length; i++) perElement.add(new ArrayList<>());
        for (N2p2Settings.Entry e : s.all("symfunction_short")) {
            SymmetryFunction f = reader.read(e);
            perElement.get(f.centre).add(f);
            text.put(f, String.join(" ", e.args));
        }
        descriptors = new ElementDescriptor[symbols.length];
        definitions = new String[symbols.length][];
        double rc = 0;
        int max = 0;
        for (int i = 0; i < symbols.length; i++) {
            List<SymmetryFunction> list = perElement.get(i);
            if (list.isEmpty()) throw s.missing("element " + symbols[i] + " has no symfunction_short lines");
            list.sort(SymmetryFunction.N2P2_ORDER);
            descriptors[i] = new ElementDescriptor(list, symbols.length);
            definitions[i] = list.stream().map(text::get).toArray(String[]::new);
            rc = Math.max(rc, descriptors[i].cutoff());
            max = Math.max(max, list.size());
        }
        cutoff = rc;
        maxSize = max;
        layout = new DerivativeLayout(descriptors);
        int cells = 0, radial = 0, angular = 0;
        for (ElementDescriptor d : descriptors) {
            cells = Math.max(cells, d.mostCells());
            radial = Math.max(radial, d.mostRadialParts());
            angular = Math.max(angular, d.mostAngularParts());
        }
        mostCells = cells;
        mostRadialParts = radial;
        mostAngularParts = angular;
    }

    /**
     * Symmetry functions from input.nn-style lines: one {@code cutoff_type T [α]} line and
     * {@code symfunction_short ...} lines; any other keyword is ignored, so a whole input.nn serves.
     *
     * @param elements the elements the descriptors are for (any order; every one needs functions)
     * @param source   name of the text, for messages (line k of {@code lines} is line k + 1)
     */
    public static BehlerParrinelloDescriptors parse(Collection<String> elements, List<String> lines, String source) {
        return new BehlerParrinelloDescriptors(N2p2Settings.parse(lines, source), sortByAtomicNumber(elements, source), 1.0,
                "the symmetry functions of " + source);
    }

    /** {@link #parse} on a file (input.nn or a fragment of it). */
    public static BehlerParrinelloDescriptors read(Path file, Collection<String> elements) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, "no such file (expected cutoff_type and symfunction_short lines)");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(elements, lines, file.toString());
    }

    /**
     * From a cutoff type (e.g. {@code "6 0.0"}) and the arguments of {@code symfunction_short}
     * lines (e.g. {@code "Si 2 Si 0.02 0.0 6.0"}); a message about function k names line k.
     */
    public static BehlerParrinelloDescriptors of(Collection<String> elements, String cutoffType, List<String> symfunctions) {
        List<String> lines = new ArrayList<>();
        for (String f : symfunctions) lines.add("symfunction_short " + f);
        lines.add("cutoff_type " + cutoffType);
        return parse(elements, lines, "symmetry functions");
    }

    /** A new scratch for one thread (cheap: arrays only). */
    public DescriptorWorkspace workspace() {
        return new DescriptorWorkspace(this, maxSize, mostCells, mostRadialParts, mostAngularParts);
    }

    /** The layout of {@link DescriptorWorkspace#derivativeRows()}, for caching derivatives. */
    public DerivativeLayout layout() { return layout; }

    private static String[] sortByAtomicNumber(Collection<String> elements, String source) {
        if (elements.isEmpty()) throw new InputException(source, 0, "no elements given");
        for (String e : elements) {
            if (Elements.number(e) < 1) throw new InputException(source, 0, "'" + e + "' is not a chemical element");
        }
        String[] s = new LinkedHashSet<>(elements).toArray(new String[0]);
        Arrays.sort(s, (a, b) -> Integer.compare(Elements.number(a), Elements.number(b)));
        return s;
    }

    /** Element symbols, by increasing atomic number (the element index order). */
    public String[] elements() { return symbols.clone(); }

    public int elementCount() { return symbols.length; }

    /** Index of an element, or −1 if these descriptors do not cover it. */
    public int elementIndex(String symbol) {
        Integer i = elementIndex.get(symbol);
        return i == null ? -1 : i;
    }

    /** Number of symmetry functions of element e (its descriptor length). */
    public int size(int e) { return descriptors[e].size(); }

    /** Largest descriptor length over the elements. */
    public int maxSize() { return maxSize; }

    /** Largest symmetry-function cutoff (Å): the neighbor list must hold every pair closer than this. */
    public double cutoff() { return cutoff; }

    /** The {@code cutoff_type} arguments, e.g. {@code "6 0.0"}. */
    public String cutoffType() { return cutoffType; }

    /** The {@code symfunction_short} arguments of function s of element e, in n2p2 order. */
    public String definition(int e, int s) { return definitions[e][s]; }

    /**
     * Maps the atoms of a system to element indices, once per system (again only if its atom
     * types change); the result is read-only and can be shared by threads.
     *
     * @throws InputException naming the first atom of an element these descriptors do not cover
     */
    public AtomElements bind(AtomicSystem system) {
        int species = system.speciesCount();
        int[] speciesElement = new int[species];
        for (int t = 0; t < species; t++) speciesElement[t] = elementIndex(system.species(t));
        int n = system.size();
        int[] atomElement = new int[n];
        for (int i = 0; i < n; i++) {
            int e = speciesElement[system.type[i]];
            if (e < 0) {
                throw new InputException("atom " + (i + 1) + " is '" + system.symbol(i) + "', which " + owner
                        + " does not describe (elements: " + String.join(" ", symbols) + ")");
            }
            atomElement[i] = e;
        }
        return new AtomElements(atomElement, system.speciesTable(), Arrays.copyOf(system.type, n), system.x);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int e = 0; e < symbols.length; e++) {
            sb.append(String.format(Locale.ROOT, "%s%s: %d functions", e == 0 ? "" : ", ", symbols[e], size(e)));
        }
        return sb.append(String.format(Locale.ROOT, ", cutoff %.3f Å", cutoff)).toString();
    }
}
