package org.jmd.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.FiniteResults;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.io.Frame;
import org.jmd.neighbor.BruteForceSearch;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.NeighborList;
import org.jmd.training.TrainingContext.InvariantPoint;

/**
 * Invariant points of feature space (Yoo et al., Phys. Rev. Materials 3, 093802 (2019)): the
 * isolated atom, where every descriptor is zero and the atomic energy is the isolated-atom energy,
 * and single-element structures whose atoms are all equivalent, where it is E/N. A model's
 * atomic energies there are checkable even though it learned them from total energies only.
 *
 * <p>A training deck collects them with {@code invariant_points} lines. Crystals and labelled
 * structures become points at once; isolated atoms whose energy is to come from the reference
 * energies wait until those are fitted ({@link #resolve}).
 */
public final class InvariantPoints {
    /** Neighbour distances compared when checking that atoms are equivalent (Å). */
    static final double EQUIVALENCE_RANGE = 5.0;
    /** Two atoms' distance lists must agree to this (Å). */
    static final double EQUIVALENCE_TOLERANCE = 1e-3;

    private final List<InvariantPoint> fixed = new ArrayList<>();
    /** Isolated atoms of every element of the data; null = use the reference energies. */
    private final List<Potential> isolated = new ArrayList<>();

    /** Adds ready points (crystals, labelled structures). */
    public void add(List<InvariantPoint> points) { fixed.addAll(points); }

    /** Asks for the isolated atom of every element in the data, valued by this potential (null: by the reference energies). */
    public void addIsolated(Potential reference) { isolated.add(reference); }

    public boolean isEmpty() { return fixed.isEmpty() && isolated.isEmpty(); }

    /**
     * All points for a training on {@code elements} with these reference energies. Every point's
     * element must be among them: a network has no atomic energy for an element it never saw.
     */
    public List<InvariantPoint> resolve(Map<String, Double> referenceEnergies, Collection<String> elements) {
        Map<String, InvariantPoint> out = new LinkedHashMap<>();
        for (Potential p : isolated) {
            for (String z : elements) {
                add(out, p == null ? isolatedAtom(z, referenceEnergies.get(z)) : isolatedAtom(z, p));
            }
        }
        for (InvariantPoint ip : fixed) {
            if (!elements.contains(ip.element())) {
                throw new InputException("invariant point " + ip.name() + " is of " + ip.element() + ", which the training data do not contain ("
                        + String.join(", ", elements) + ")");
            }
            add(out, ip);
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, InvariantPoint> points, InvariantPoint ip) {
        if (points.putIfAbsent(ip.name(), ip) != null) throw new InputException("two invariant points are called " + ip.name());
    }

    /** The isolated atom with a given energy (eV). */
    public static InvariantPoint isolatedAtom(String element, double energy) {
        return new InvariantPoint("isolated_" + element, element, labelled(atom(element), energy), energy);
    }

    /** The isolated atom valued by a potential (a single atom in vacuum). */
    public static InvariantPoint isolatedAtom(String element, Potential reference) {
        AtomicSystem s = atom(element);
        ForceResult r = evaluate("isolated_" + element, s, reference);
        return new InvariantPoint("isolated_" + element, element, labelled(s, r.energy), r.energy);
    }

    /** A single-element structure valued by a potential: E/N. Checks that its atoms are equivalent. */
    public static InvariantPoint crystal(String name, AtomicSystem s, Potential reference) {
        String element = requireEquivalent(name, s);
        ForceResult r = evaluate(name, s, reference);
        Frame f = new Frame(s);
        f.setResults(r);
        return new InvariantPoint(name, element, new LabelledStructure(f, "invariant_point"), r.energy / s.size());
    }

    /** A labelled single-element structure: E/N of its label. Checks that its atoms are equivalent. */
    public static InvariantPoint labelled(String name, LabelledStructure s) {
        String element = requireEquivalent(name, s.frame().system);
        return new InvariantPoint(name, element, s, s.energy() / s.size());
    }

    /**
     * The element of a structure whose atoms are all of one element and equivalent, or an error.
     * Equivalence is checked by each atom's sorted neighbour distances up to
     * {@value #EQUIVALENCE_RANGE} Å (to {@value #EQUIVALENCE_TOLERANCE} Å): a necessary condition
     * that catches a wrong file or lattice, not a full symmetry analysis.
     */
    static String requireEquivalent(String name, AtomicSystem s) {
        if (s.size() == 0) throw new InputException("invariant point " + name + " has no atoms");
        String element = s.symbol(0);
        for (int i = 1; i < s.size(); i++) {
            if (!s.symbol(i).equals(element)) {
                throw new InputException("invariant point " + name + " holds " + element + " and " + s.symbol(i)
                        + "; invariant points are single-element structures (only there is E/N the atomic energy)");
            }
        }
        NeighborList list = new NeighborList();
        BruteForceSearch.build(s.x, s.size(), s.cell(), EQUIVALENCE_RANGE + EQUIVALENCE_TOLERANCE, NeighborList.Kind.FULL, list);
        double[] first = distances(list, s.x, 0);
        for (int i = 1; i < s.size(); i++) {
            double[] d = distances(list, s.x, i);
            if (!sameShells(first, d)) {
                throw new InputException("invariant point " + name + ": atom " + (i + 1) + " has other neighbour distances than atom 1"
                        + " (within " + EQUIVALENCE_RANGE + " Å), so its atoms are not all equivalent and E/N is not each atom's energy");
            }
        }
        return element;
    }

    private static double[] distances(NeighborList list, double[] x, int i) {
        double[] delta = new double[3];
        double[] d = new double[list.end(i) - list.start(i)];
        for (int p = list.start(i); p < list.end(i); p++) {
            list.displacement(x, i, p, delta);
            d[p - list.start(i)] = Math.sqrt(delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2]);
        }
        Arrays.sort(d);
        return d;
    }

    /** Same distances below the range; a distance within the tolerance of its end may be in one list only. */
    private static boolean sameShells(double[] a, double[] b) {
        int na = inside(a), nb = inside(b);
        if (na != nb) return false;
        for (int k = 0; k < na; k++) if (Math.abs(a[k] - b[k]) > EQUIVALENCE_TOLERANCE) return false;
        return true;
    }

    private static int inside(double[] d) {
        int n = 0;
        while (n < d.length && d[n] < EQUIVALENCE_RANGE - EQUIVALENCE_TOLERANCE) n++;
        return n;
    }

    private static AtomicSystem atom(String element) {
        return new AtomicSystem(Cell.open(), new String[] {element}, new int[] {0}, new double[3]);
    }

    private static LabelledStructure labelled(AtomicSystem s, double energy) {
        Frame f = new Frame(s);
        f.energy = energy;
        f.forces = new double[3 * s.size()];
        return new LabelledStructure(f, "invariant_point");
    }

    /** The potential's results at a point; a NaN or infinity is an error naming the point and its closest pair. */
    private static ForceResult evaluate(String name, AtomicSystem s, Potential potential) {
        ForceResult r = new ForceResult();
        new ForceCalculator(potential, 0.0).compute(s, r);
        FiniteResults.require(s, r, null, 0, "invariant point " + name);
        return r;
    }

    /** One point's outcome after training: the model's mean atomic energy there against the reference. */
    public record Deviation(String name, String element, double reference, double predicted) {
        public double deviation() { return predicted - reference; }
    }

    /** The model's mean atomic energy over the point's atoms of its element, at every point. */
    public static List<Deviation> measure(List<InvariantPoint> points, Potential model) {
        List<Deviation> out = new ArrayList<>(points.size());
        for (InvariantPoint ip : points) {
            AtomicSystem s = ip.structure().frame().system;
            ForceResult r = evaluate(ip.name(), s, model);
            double sum = 0;
            int n = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.symbol(i).equals(ip.element())) {
                    sum += r.atomEnergies[i];
                    n++;
                }
            }
            out.add(new Deviation(ip.name(), ip.element(), ip.atomicEnergy(), sum / n));
        }
        return out;
    }
}
