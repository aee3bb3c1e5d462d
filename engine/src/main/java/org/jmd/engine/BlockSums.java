package org.jmd.engine;

/**
 * Per-block partial sums of the energy and the virial, reduced in block order so the totals do
 * not depend on which thread ran which block. A kernel's worker accumulates into its own
 * {@link Accumulator} while it runs a block and stores it under the block's index.
 */
public final class BlockSums {
    private double[] sums = new double[0];

    /** Room for this many blocks; call before the team runs. */
    public void prepare(int blocks) {
        if (sums.length < 10 * blocks) sums = new double[10 * blocks];
    }

    /** Adds the energy and, if {@code virial}, the virial of blocks 0..blocks−1, in block order. */
    public void addTo(ForceResult out, int blocks, boolean virial) {
        double e = 0;
        double[] w = out.virial;
        for (int b = 0; b < blocks; b++) e += sums[10 * b];
        out.energy += e;
        if (!virial) return;
        for (int k = 0; k < 9; k++) {
            double s = 0;
            for (int b = 0; b < blocks; b++) s += sums[10 * b + 1 + k];
            w[k] += s;
        }
    }

    /** One worker's running sums over the block it is running. */
    public static final class Accumulator {
        public double energy, w00, w01, w02, w10, w11, w12, w20, w21, w22;

        public void clear() {
            energy = w00 = w01 = w02 = w10 = w11 = w12 = w20 = w21 = w22 = 0;
        }

        /** Adds the virial −δ ⊗ g of a pair whose energy gradient is g = ∂E/∂δ. */
        public void addPair(double dx, double dy, double dz, double gx, double gy, double gz) {
            w00 -= dx * gx; w01 -= dx * gy; w02 -= dx * gz;
            w10 -= dy * gx; w11 -= dy * gy; w12 -= dy * gz;
            w20 -= dz * gx; w21 -= dz * gy; w22 -= dz * gz;
        }

        /** Stores these sums as block b's. */
        public void storeAs(BlockSums target, int b) {
            double[] s = target.sums;
            int o = 10 * b;
            s[o] = energy;
            s[o + 1] = w00; s[o + 2] = w01; s[o + 3] = w02;
            s[o + 4] = w10; s[o + 5] = w11; s[o + 6] = w12;
            s[o + 7] = w20; s[o + 8] = w21; s[o + 9] = w22;
        }
    }
}
