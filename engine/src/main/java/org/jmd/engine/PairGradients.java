package org.jmd.engine;

import java.util.Arrays;
import org.jmd.neighbor.NeighborList;

/**
 * The deterministic reduction of threaded force kernels. A kernel stores, for every pair p of
 * the neighbor list, the gradient g_p = ∂E/∂δ_p of the energy terms it evaluated with respect to
 * the pair displacement δ_p = x_j + shift − x_i (and, if per-atom energies are wanted, the
 * share s_p of those terms that belongs to the neighbor j). Kernels visit each atom's own pairs
 * only, so atoms can be split over threads with no shared writes. This class then turns the pair
 * gradients into
 * <pre>
 *   F_i = Σ_{p from i} g_p − Σ_{p into i} g_p        W = −Σ_p δ_p ⊗ g_p
 * </pre>
 * (F_i = −∂E/∂x_i since ∂δ_p/∂x_i = −1 and ∂δ_p/∂x_j = +1), summing each atom's terms in pair
 * order and the virial block by block in block order: the result is the same bits whatever the
 * number of threads. It works for full lists (many-body terms, each center's terms on its own
 * pairs) and half lists (pair potentials, each pair once).
 *
 * <p>One instance per workspace; buffers grow with the list and are reused.
 */
public final class PairGradients {
    private double[] gradient = new double[0];
    private double[] share = new double[0];
    private double[] blockVirial = new double[0];

    /** The gradient buffer for this list: 3 per pair. Kernels must write every pair of the atoms they visit (zero for pairs beyond the cutoff). */
    public double[] gradients(NeighborList list) {
        int need = 3 * list.pairCount();
        if (gradient.length < need) gradient = new double[Math.max(need, gradient.length + gradient.length / 2)];
        return gradient;
    }

    /** The neighbor-share buffer for per-atom energies: 1 per pair, written like the gradients. */
    public double[] shares(NeighborList list) {
        int need = list.pairCount();
        if (share.length < need) share = new double[Math.max(need, share.length + share.length / 2)];
        return share;
    }

    /**
     * Adds the forces (3N) and, when not null, the virial (9) and the neighbors' energy shares
     * (N; pass null unless the kernel wrote {@link #shares}). Parallel over atom blocks.
     */
    public void reduce(NeighborList list, double[] x, int n, ThreadTeam team, double[] forces, double[] virial, double[] atomEnergies) {
        final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
        final int[] inStart = list.incomingStart(), in = list.incomingPairs();
        final double[] g = gradient, sh = list.shiftArray(), s = share;
        int blocks = AtomBlocks.count(n);
        if (virial != null) {
            if (blockVirial.length < 9 * blocks) blockVirial = new double[9 * blocks];
        }
        final double[] bv = blockVirial;
        final boolean withVirial = virial != null, withShares = atomEnergies != null;
        team.run(blocks, (b, worker) -> {
            double w00 = 0, w01 = 0, w02 = 0, w10 = 0, w11 = 0, w12 = 0, w20 = 0, w21 = 0, w22 = 0;
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                double fx = 0, fy = 0, fz = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                for (int p = start[i], e = start[i + 1]; p < e; p++) {
                    double gx = g[3 * p], gy = g[3 * p + 1], gz = g[3 * p + 2];
                    fx += gx; fy += gy; fz += gz;
                    if (withVirial) {
                        int j = nb[p], k = 3 * img[p];
                        double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                        w00 -= dx * gx; w01 -= dx * gy; w02 -= dx * gz;
                        w10 -= dy * gx; w11 -= dy * gy; w12 -= dy * gz;
                        w20 -= dz * gx; w21 -= dz * gy; w22 -= dz * gz;
                    }
                }
                double es = 0;
                for (int k = inStart[i], e = inStart[i + 1]; k < e; k++) {
                    int p = in[k];
                    fx -= g[3 * p]; fy -= g[3 * p + 1]; fz -= g[3 * p + 2];
                    if (withShares) es += s[p];
                }
                forces[3 * i] += fx; forces[3 * i + 1] += fy; forces[3 * i + 2] += fz;
                if (withShares) atomEnergies[i] += es;
            }
            if (withVirial) {
                int o = 9 * b;
                bv[o] = w00; bv[o + 1] = w01; bv[o + 2] = w02;
                bv[o + 3] = w10; bv[o + 4] = w11; bv[o + 5] = w12;
                bv[o + 6] = w20; bv[o + 7] = w21; bv[o + 8] = w22;
            }
        });
        if (withVirial) {
            for (int b = 0; b < blocks; b++)
                for (int k = 0; k < 9; k++) virial[k] += bv[9 * b + k];
        }
    }

    /** Zeroes the gradients of atom i's pairs, for kernels that accumulate into them. */
    public static void clear(double[] gradients, NeighborList list, int i) {
        Arrays.fill(gradients, 3 * list.start(i), 3 * list.end(i), 0.0);
    }
}
