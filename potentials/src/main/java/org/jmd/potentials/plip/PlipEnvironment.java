package org.jmd.potentials.plip;

import java.util.Arrays;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.NeighborList;

/**
 * The neighbourhood of one atom as the design-matrix builder needs it: the neighbours within the
 * centre's cutoff (from the neighbour list, so periodic images of any order are included), their
 * displacement, distance, unit vector, species, and the value and r-derivative of every radial
 * function of their channel, each from its own exponential (the potential uses
 * {@link PlipKernel}). Buffers grow and are reused; gathering allocates nothing.
 */
final class PlipEnvironment {
    private final PlipBasis basis;
    private final String[] elements;
    /** Model species of each species of the current system, -1 if the model does not know it. */
    private int[] speciesMap = new int[0];

    int count;
    int[] atom = new int[0];
    int[] species = new int[0];
    double[] r = new double[0];
    /** Displacement x_j + image·h − x_i and unit vector, 3 per neighbour. */
    double[] delta = new double[0];
    double[] unit = new double[0];
    /** g and dg/dr of radial k of the neighbour's channel at [q·R + k]. */
    double[] g = new double[0];
    double[] dg = new double[0];
    /** Neighbours within the centre's three-body cutoff, as indices q. */
    int tripletCount;
    int[] triplet = new int[0];

    private final double[] fc, dfc;

    PlipEnvironment(PlipBasis basis, String[] elements) {
        this.basis = basis;
        this.elements = elements.clone();
        this.fc = new double[basis.cutoffs.length];
        this.dfc = new double[basis.cutoffs.length];
    }

    /**
     * Maps the system's species table onto the model's elements; an atom of a species the model
     * does not describe is an input error (rather than being silently ignored).
     */
    void mapSpecies(AtomicSystem system) {
        int n = system.speciesCount();
        if (speciesMap.length < n) speciesMap = new int[n];
        for (int t = 0; t < n; t++) {
            speciesMap[t] = -1;
            String sym = system.species(t);
            for (int e = 0; e < elements.length; e++) if (elements[e].equals(sym)) speciesMap[t] = e;
        }
        for (int i = 0; i < system.size(); i++) {
            if (speciesMap[system.type[i]] < 0) {
                throw new InputException("atom " + (i + 1) + " is " + system.symbol(i)
                        + ", which the PLIP model does not describe (its elements: " + String.join(", ", elements) + ")");
            }
        }
    }

    /** Model species of atom i (after {@link #mapSpecies}). */
    int speciesOf(AtomicSystem system, int i) { return speciesMap[system.type[i]]; }

    /** Collects the neighbours of atom i, of model species c, and evaluates their radial functions. */
    void gather(AtomicSystem system, NeighborList list, int i, int c) {
        int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
        double[] pos = system.x, sh = list.shiftArray();
        double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
        int[] type = system.type;
        int S = basis.species, R = basis.maxRadials;
        double rc = basis.centreCutoff[c], rc2 = rc * rc, rc3 = basis.centreCutoff3[c];
        int begin = start[i], end = start[i + 1];
        ensure(end - begin);
        count = 0;
        tripletCount = 0;
        for (int p = begin; p < end; p++) {
            int j = nb[p], ks = 3 * img[p];
            double dx = pos[3 * j] - xi + sh[ks], dy = pos[3 * j + 1] - yi + sh[ks + 1], dz = pos[3 * j + 2] - zi + sh[ks + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= rc2 || r2 == 0) continue;
            int s = speciesMap[type[j]];
            int ch = c * S + s;
            int nr = basis.radialCount[ch];
            if (nr == 0) continue;
            double rr = Math.sqrt(r2), inv = 1 / rr;
            int q = count++;
            atom[q] = j;
            species[q] = s;
            r[q] = rr;
            delta[3 * q] = dx; delta[3 * q + 1] = dy; delta[3 * q + 2] = dz;
            unit[3 * q] = dx * inv; unit[3 * q + 1] = dy * inv; unit[3 * q + 2] = dz * inv;
            for (int k = 0; k < fc.length; k++) {
                double cut = basis.cutoffs[k];
                if (rr < cut) {
                    double arg = Math.PI * rr / cut;
                    fc[k] = 0.5 * (Math.cos(arg) + 1);
                    dfc[k] = -0.5 * Math.PI / cut * Math.sin(arg);
                } else {
                    fc[k] = 0;
                    dfc[k] = 0;
                }
            }
            int base = ch * R, out = q * R;
            for (int k = 0; k < nr; k++) {
                int cut = basis.radialCutoff[base + k];
                double f = fc[cut];
                if (f == 0) {
                    g[out + k] = 0;
                    dg[out + k] = 0;
                    continue;
                }
                double a = basis.radialA[base + k], x = rr - basis.radialB[base + k];
                double gauss = Math.exp(-a * x * x);
                g[out + k] = gauss * f;
                dg[out + k] = gauss * (dfc[cut] - 2 * a * x * f);
            }
            if (rr < rc3) triplet[tripletCount++] = q;
        }
    }

    private void ensure(int n) {
        if (atom.length >= n) return;
        int cap = Math.max(n, atom.length * 3 / 2 + 8);
        atom = Arrays.copyOf(atom, cap);
        species = Arrays.copyOf(species, cap);
        r = Arrays.copyOf(r, cap);
        delta = Arrays.copyOf(delta, 3 * cap);
        unit = Arrays.copyOf(unit, 3 * cap);
        g = Arrays.copyOf(g, cap * basis.maxRadials);
        dg = Arrays.copyOf(dg, cap * basis.maxRadials);
        triplet = Arrays.copyOf(triplet, cap);
    }
}
