package org.jmd.potentials;

import java.util.function.Supplier;
import org.jmd.engine.AtomBlocks;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.BlockSums;
import org.jmd.engine.ForceResult;
import org.jmd.engine.PairGradients;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * The threaded loop of a pair potential on a half list (LJ, Buckingham real space): atoms in
 * fixed blocks over the team; each pair once, its energy split half and half between its atoms,
 * atom i's force and the virial summed by the block, what the neighbor receives left in
 * {@link PairGradients} for the incoming gather (on one thread summed straight into the
 * neighbor's incoming sums, the same bits without the per-pair buffer). The same bits for any
 * number of threads.
 */
final class PairTerms {
    /** One thread's evaluation of pair terms; stateful, so each worker has its own. */
    interface Pair {
        /** Prepares the pairs of centre i (per-atom parameters such as its type or charge). */
        default void centre(int i) {}

        /**
         * The energy of the pair (i, j) at squared distance r2 (below the cutoff²); leaves
         * (dE/dr)/r in {@link #slope()}, so that ∂E/∂δ = slope·δ.
         */
        double energy(int j, double r2);

        /** (dE/dr)/r of the last {@link #energy} call. */
        double slope();

        /**
         * (dE/dr)/r of the pair (i, j) at squared distance r2 without its energy, for steps that
         * want forces only (most MD steps); the same bits as {@link #energy} then {@link #slope}.
         */
        default double slopeOnly(int j, double r2) {
            energy(j, r2);
            return slope();
        }
    }

    private final ThreadTeam team;
    private final Pair[] terms;
    private final BlockSums.Accumulator[] accumulators;
    private final PairGradients pairs = new PairGradients();
    private final BlockSums sums = new BlockSums();

    PairTerms(ThreadTeam team, Supplier<Pair> pair) {
        this.team = team;
        terms = new Pair[team.size()];
        accumulators = new BlockSums.Accumulator[team.size()];
        for (int w = 0; w < terms.length; w++) {
            terms[w] = pair.get();
            accumulators[w] = new BlockSums.Accumulator();
        }
    }

    /** Adds the pair terms within {@code cutoff} of every pair of the half list. */
    void compute(AtomicSystem system, NeighborList list, int want, ForceResult out, double cutoff) {
        final int n = system.size(), blocks = AtomBlocks.count(n);
        final boolean perAtom = (want & ForceResult.ATOM_ENERGIES) != 0, virial = (want & ForceResult.VIRIAL) != 0;
        sums.prepare(blocks);
        final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
        final double[] x = system.x, sh = list.shiftArray();
        final double[] ea = perAtom ? out.atomEnergies : null, f = out.forces;
        final double rc2 = cutoff * cutoff;
        // energy is summed only when asked for (as LAMMPS's eflag): forces-only steps skip it
        final boolean energies = (want & (ForceResult.ENERGY | ForceResult.ATOM_ENERGIES)) != 0;
        if (PairGradients.direct(team)) {
            // one thread: the neighbor's share goes straight into its incoming sums (same bits, see PairGradients)
            // This loop and the buffered one below evaluate a pair alike; they are kept apart so that
            // the pair loop, the whole cost of a pair potential, has no per-pair choice between
            // "add to the neighbor" and "store for the gather" (not measured merged: not worth the risk).
            final double[] in = pairs.incomingSums(n), inShare = perAtom ? pairs.incomingShares(n) : null;
            team.run(blocks, (b, worker) -> {
                Pair term = terms[worker];
                BlockSums.Accumulator acc = accumulators[worker];
                acc.clear();
                double energy = 0;
                for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                    term.centre(i);
                    double ei = 0, fx = 0, fy = 0, fz = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                    for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                        int j = nb[p], k = 3 * img[p];
                        double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 >= rc2) continue;
                        double gr;
                        if (energies) {
                            double e = term.energy(j, r2);
                            gr = term.slope();
                            energy += e;
                            ei += 0.5 * e;
                            if (inShare != null) inShare[j] += 0.5 * e;
                        } else {
                            gr = term.slopeOnly(j, r2);
                        }
                        double gx = gr * dx, gy = gr * dy, gz = gr * dz;
                        in[3 * j] += gx; in[3 * j + 1] += gy; in[3 * j + 2] += gz;
                        fx += gx; fy += gy; fz += gz;
                        if (virial) acc.addPair(dx, dy, dz, gx, gy, gz);
                    }
                    f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
                    if (ea != null) ea[i] += ei;
                }
                acc.energy = energy;
                acc.storeAs(sums, b);
            });
            sums.addTo(out, blocks, virial);
            pairs.subtractIncomingSums(n, f, ea);
            return;
        }
        final int[] slot = list.incomingSlots();
        final double[] g = pairs.gradients(list), share = perAtom ? pairs.shares(list) : null;
        team.run(blocks, (b, worker) -> {
            Pair term = terms[worker];
            BlockSums.Accumulator acc = accumulators[worker];
            acc.clear();
            double energy = 0;
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                term.centre(i);
                double ei = 0, fx = 0, fy = 0, fz = 0, xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
                for (int p = start[i], pe = start[i + 1]; p < pe; p++) {
                    int j = nb[p], k = 3 * img[p];
                    double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    int q = slot[p];
                    if (r2 >= rc2) {
                        g[3 * q] = 0; g[3 * q + 1] = 0; g[3 * q + 2] = 0;
                        if (share != null) share[q] = 0;
                        continue;
                    }
                    double gr;
                    if (energies) {
                        double e = term.energy(j, r2);
                        gr = term.slope();
                        energy += e;
                        ei += 0.5 * e;
                        if (share != null) share[q] = 0.5 * e;
                    } else {
                        gr = term.slopeOnly(j, r2);
                    }
                    // ∂E/∂δ = (dE/dr) δ/r: +g on i, −g on the neighbor
                    double gx = gr * dx, gy = gr * dy, gz = gr * dz;
                    g[3 * q] = gx; g[3 * q + 1] = gy; g[3 * q + 2] = gz;
                    fx += gx; fy += gy; fz += gz;
                    if (virial) acc.addPair(dx, dy, dz, gx, gy, gz);
                }
                f[3 * i] += fx; f[3 * i + 1] += fy; f[3 * i + 2] += fz;
                if (ea != null) ea[i] += ei;
            }
            acc.energy = energy;
            acc.storeAs(sums, b);
        });
        sums.addTo(out, blocks, virial);
        pairs.gatherIncoming(list, n, team, f, ea);
    }
}
