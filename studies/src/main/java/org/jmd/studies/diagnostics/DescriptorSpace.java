package org.jmd.studies.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jmd.engine.AtomicSystem;
import org.jmd.io.Frame;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.nnp.AtomElements;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DefaultSymmetryFunctions;
import org.jmd.potentials.nnp.DescriptorWorkspace;

/**
 * The model-independent descriptor space the diagnostics measure distances in: the default
 * Behler–Parrinello symmetry functions of the training set's elements (potentials'
 * {@link DefaultSymmetryFunctions}, the set the linear and NNP trainers use by default), each
 * function standardised by its mean and standard deviation over the training atoms of its element.
 * Environments of different elements live in different spaces and are never compared. Of a large
 * training set only a random sample of atoms per element is described (the statistics and the
 * distances need a few thousand environments, not every one).
 */
public final class DescriptorSpace {
    private final BehlerParrinelloDescriptors descriptors;
    private final double[][] mean, scale;
    private final boolean[][] radial;
    /** Per element, the described training environments (scaled). */
    private final List<List<double[]>> training = new ArrayList<>();
    private final int[] atomsPerElement;

    /**
     * Describes up to {@code perElement} atoms of each element of the training frames, picked at
     * random with {@code seed}; elements are those the frames hold.
     */
    public DescriptorSpace(List<Frame> frames, int perElement, long seed) {
        Set<String> elements = new LinkedHashSet<>();
        for (Frame f : frames) elements.addAll(List.of(f.system.symbols()));
        descriptors = DefaultSymmetryFunctions.descriptors(elements);
        int ne = descriptors.elementCount();
        mean = new double[ne][];
        scale = new double[ne][];
        radial = new boolean[ne][];
        List<List<double[]>> raw = new ArrayList<>();
        for (int e = 0; e < ne; e++) {
            raw.add(new ArrayList<>());
            training.add(new ArrayList<>());
            radial[e] = new boolean[descriptors.size(e)];
            for (int s = 0; s < radial[e].length; s++) radial[e][s] = descriptors.definition(e, s).split("\\s+")[1].equals("2");
        }
        // which atoms to describe: a random sample of each element's (frame, atom) pairs
        List<List<long[]>> byElement = new ArrayList<>();
        for (int e = 0; e < ne; e++) byElement.add(new ArrayList<>());
        for (int k = 0; k < frames.size(); k++) {
            AtomicSystem s = frames.get(k).system;
            for (int i = 0; i < s.size(); i++) byElement.get(descriptors.elementIndex(s.symbol(i))).add(new long[] {k, i});
        }
        atomsPerElement = new int[ne];
        boolean[][] chosen = new boolean[frames.size()][];
        for (int k = 0; k < frames.size(); k++) chosen[k] = new boolean[frames.get(k).system.size()];
        for (int e = 0; e < ne; e++) {
            List<long[]> atoms = byElement.get(e);
            atomsPerElement[e] = atoms.size();
            Collections.shuffle(atoms, new Random(seed + e));
            for (long[] a : atoms.subList(0, Math.min(perElement, atoms.size()))) chosen[(int) a[0]][(int) a[1]] = true;
        }
        Describer d = new Describer();
        for (int k = 0; k < frames.size(); k++) {
            AtomicSystem s = frames.get(k).system;
            double[][] g = d.raw(s, chosen[k]);
            for (int i = 0; i < g.length; i++) if (g[i] != null) raw.get(d.element(s, i)).add(g[i]);
        }
        for (int e = 0; e < ne; e++) {
            int size = descriptors.size(e), n = raw.get(e).size();
            mean[e] = new double[size];
            scale[e] = new double[size];
            for (double[] g : raw.get(e)) for (int s = 0; s < size; s++) mean[e][s] += g[s] / n;
            for (double[] g : raw.get(e)) for (int s = 0; s < size; s++) scale[e][s] += (g[s] - mean[e][s]) * (g[s] - mean[e][s]) / Math.max(1, n - 1);
            for (int s = 0; s < size; s++) scale[e][s] = scale[e][s] > 1e-24 ? 1 / Math.sqrt(scale[e][s]) : 1.0;
            for (double[] g : raw.get(e)) training.get(e).add(scaled(e, g));
        }
    }

    /** Element symbols, in descriptor order. */
    public String[] elements() { return descriptors.elements(); }

    /** Index of an element, −1 if the training set has none of it. */
    public int element(String symbol) { return descriptors.elementIndex(symbol); }

    /** The described training environments of element e (scaled). */
    public List<double[]> training(int e) { return Collections.unmodifiableList(training.get(e)); }

    /** How many atoms of element e the training frames hold (described or not). */
    public int trainingAtoms(int e) { return atomsPerElement[e]; }

    /** At most {@code count} training environments of element e, picked at random with the seed (all if fewer). */
    public List<double[]> sample(int e, int count, long seed) {
        List<double[]> all = new ArrayList<>(training.get(e));
        if (all.size() <= count) return all;
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, count);
    }

    /** Which functions of element e are radial (type 2). */
    public boolean[] radial(int e) { return radial[e].clone(); }

    /** A new describer (one per thread). */
    public Describer describer() { return new Describer(); }

    private double[] scaled(int e, double[] g) {
        double[] x = new double[g.length];
        for (int s = 0; s < g.length; s++) x[s] = (g[s] - mean[e][s]) * scale[e][s];
        return x;
    }

    /** Computes scaled descriptors of every atom of a structure; atoms of elements the training set lacks get null. */
    public final class Describer {
        private final DescriptorWorkspace workspace = descriptors.workspace();
        private final CellListSearch search = new CellListSearch();
        private final NeighborList list = new NeighborList();

        public double[][] scaled(AtomicSystem s) {
            double[][] g = raw(s, null);
            for (int i = 0; i < g.length; i++) if (g[i] != null) g[i] = DescriptorSpace.this.scaled(element(s, i), g[i]);
            return g;
        }

        int element(AtomicSystem s, int i) { return descriptors.elementIndex(s.symbol(i)); }

        /** Raw descriptors of the atoms {@code only} marks (all when null); null rows for the others. */
        double[][] raw(AtomicSystem s, boolean[] only) {
            int n = s.size();
            if (only != null) {
                boolean any = false;
                for (boolean b : only) any |= b;
                if (!any) return new double[n][];
            }
            double[][] out = new double[n][];
            // atoms of unknown elements are left out of the binding (the kernel refuses them)
            int[] known = new int[n];
            int m = 0;
            for (int i = 0; i < n; i++) if (descriptors.elementIndex(s.symbol(i)) >= 0) known[m++] = i;
            AtomicSystem sub = m == n ? s : org.jmd.engine.Structures.subset(s, java.util.Arrays.copyOf(known, m));
            if (m == 0) return out;
            AtomElements atoms = descriptors.bind(sub);
            search.build(sub.x, sub.size(), sub.cell(), descriptors.cutoff(), NeighborList.Kind.FULL, list);
            for (int k = 0; k < m; k++) {
                if (only != null && !only[known[k]]) continue;
                int size = workspace.describe(list, atoms, k);
                out[known[k]] = java.util.Arrays.copyOf(workspace.values(), size);
            }
            return out;
        }
    }
}
