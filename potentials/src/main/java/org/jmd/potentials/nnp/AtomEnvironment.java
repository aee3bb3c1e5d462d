package org.jmd.potentials.nnp;

import java.util.Arrays;
import org.jmd.neighbor.NeighborList;

/**
 * The neighbours of one central atom within the descriptor cutoff, copied out of the full neighbor
 * list into flat arrays: element index, atom index, pair index in the list, displacement
 * δ = x_j + shift − x_i (3 per neighbour), distance and its inverse. The list carries a skin, so pairs beyond
 * the cutoff are dropped here once instead of being tested by every function. Reused atom after
 * atom; grows, never shrinks.
 */
final class AtomEnvironment {
    int centre = -1;
    int size;
    int[] element = new int[64];
    int[] atom = new int[64];
    int[] pair = new int[64];
    double[] delta = new double[192];
    double[] distance = new double[64];
    /** 1/distance: the pair loops multiply by it instead of dividing several times per pair. */
    double[] inverse = new double[64];

    /** Fills the environment of atom i from a full list, keeping neighbours closer than cutoff. */
    void build(int i, double[] x, NeighborList list, int[] atomElement, double cutoff) {
        int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
        double[] sh = list.shiftArray();
        double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
        double rc2 = cutoff * cutoff;
        centre = i;
        size = 0;
        for (int p = start[i], e = start[i + 1]; p < e; p++) {
            int j = nb[p], k = 3 * img[p];
            double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= rc2) continue;
            if (size == element.length) grow();
            element[size] = atomElement[j];
            atom[size] = j;
            pair[size] = p;
            delta[3 * size] = dx;
            delta[3 * size + 1] = dy;
            delta[3 * size + 2] = dz;
            distance[size] = Math.sqrt(r2);
            inverse[size] = 1.0 / distance[size];
            size++;
        }
    }

    private void grow() {
        int cap = element.length * 2;
        element = Arrays.copyOf(element, cap);
        atom = Arrays.copyOf(atom, cap);
        pair = Arrays.copyOf(pair, cap);
        delta = Arrays.copyOf(delta, 3 * cap);
        distance = Arrays.copyOf(distance, cap);
        inverse = Arrays.copyOf(inverse, cap);
    }
}
