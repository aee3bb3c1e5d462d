package org.jmd.engine;

import org.jmd.neighbor.NeighborList;

/**
 * The deterministic reduction of threaded force kernels. A kernel visits each atom's own pairs
 * only, so atoms can be split over threads with no shared writes: for atom i it adds
 * F_i += Σ_{p from i} g_p and the pairs' virial −δ_p ⊗ g_p itself, and stores, for every pair p
 * of the neighbor list, the gradient g_p = ∂E/∂δ_p of the terms it evaluated with respect to the
 * pair displacement δ_p = x_j + shift − x_i (zero for pairs it skipped) and, if per-atom energies
 * are wanted, the share s_p of those terms that belongs to the neighbor j — both at the pair's
 * slot in the list's transpose ({@link NeighborList#incomingSlots()}), so that each atom's
 * incoming values lie side by side. This class then adds what the neighbors receive,
 * <pre>
 *   F_j −= Σ_{p into j} g_p          E_j += Σ_{p into j} s_p
 * </pre>
 * (F = −∂E/∂x, and ∂δ_p/∂x_j = +1), each atom's terms summed in pair order, reading them
 * contiguously: the result is the same bits whatever the number of threads. It works for full lists
 * (many-body terms, each center's terms on its own pairs) and half lists (pair potentials).
 *
 * <p><b>A team of one</b> needs no per-pair buffer: visiting the atoms in order, a kernel meets
 * the pairs into atom j in the same increasing pair order as the gather reads them, so it can add
 * g_p and s_p straight into per-atom sums ({@link #incomingSums}, {@link #incomingShares}),
 * which {@link #subtractIncomingSums} then applies exactly as the gather applies its sums. The
 * additions are the same, in the same order, so the bits are those of the gather (pairs a kernel
 * skips add nothing here and +0 there, which changes no sum: a sum that starts at +0 is never −0).
 * It saves writing and reading back 24 bytes per pair (tens of MB a step for 10⁵ atoms), which
 * is most of the cost of a cheap pair potential on one thread. {@code ThreadDeterminismTest}
 * holds the two ways to the same bits.
 *
 * <p>One instance per workspace; buffers grow with the list and are reused.
 */
public final class PairGradients {
    private double[] gradient = new double[0];
    private double[] share = new double[0];
    private double[] incoming = new double[0];
    private double[] incomingShare = new double[0];

    /** Whether kernels on this team should sum into {@link #incomingSums} rather than store per pair. */
    public static boolean direct(ThreadTeam team) { return team.size() == 1; }

    /**
     * For a team of one: the zeroed per-atom sums (3 per atom) of the gradients of the pairs into
     * each atom, to which a kernel adds g_p at the neighbor's index, visiting atoms and their
     * pairs in order.
     */
    public double[] incomingSums(int n) {
        if (incoming.length < 3 * n) incoming = new double[3 * n];
        else java.util.Arrays.fill(incoming, 0, 3 * n, 0.0);
        return incoming;
    }

    /** For a team of one: the zeroed per-atom sums of the neighbors' energy shares, added like {@link #incomingSums}. */
    public double[] incomingShares(int n) {
        if (incomingShare.length < n) incomingShare = new double[n];
        else java.util.Arrays.fill(incomingShare, 0, n, 0.0);
        return incomingShare;
    }

    /**
     * For a team of one, the end of {@link #gatherIncoming}: subtracts each atom's
     * {@link #incomingSums} from its force and, when {@code atomEnergies} is not null, adds its
     * {@link #incomingShares}.
     */
    public void subtractIncomingSums(int n, double[] forces, double[] atomEnergies) {
        final double[] s = incoming, es = incomingShare;
        for (int k = 0; k < 3 * n; k++) forces[k] -= s[k];
        if (atomEnergies != null) for (int i = 0; i < n; i++) atomEnergies[i] += es[i];
    }

    /** The gradient buffer for this list: 3 per pair, at slot incomingSlots()[p]. Kernels must write every pair of the atoms they visit (zero for pairs beyond the cutoff). */
    public double[] gradients(NeighborList list) {
        int need = 3 * list.pairCount();
        if (gradient.length < need) gradient = new double[Math.max(need, gradient.length + gradient.length / 2)];
        return gradient;
    }

    /** The neighbor-share buffer for per-atom energies: 1 per pair at its slot, written like the gradients. */
    public double[] shares(NeighborList list) {
        int need = list.pairCount();
        if (share.length < need) share = new double[Math.max(need, share.length + share.length / 2)];
        return share;
    }

    /**
     * Zeroes the gradients (and, if {@code withShares}, the shares) of every pair, block by block
     * over the team: contiguous in slot order, for kernels that then write only the pairs they
     * evaluate (a many-body kernel evaluates a few of the skin list's pairs).
     */
    public void clear(NeighborList list, int n, ThreadTeam team, boolean withShares) {
        final int[] inStart = list.incomingStart();
        final double[] g = gradients(list), s = withShares ? shares(list) : null;
        team.run(AtomBlocks.count(n), (b, worker) -> {
            int k0 = inStart[AtomBlocks.first(b)], k1 = inStart[AtomBlocks.end(b, n)];
            java.util.Arrays.fill(g, 3 * k0, 3 * k1, 0.0);
            if (s != null) java.util.Arrays.fill(s, k0, k1, 0.0);
        });
    }

    /**
     * Subtracts from each atom's force the gradients of the pairs into it and, when
     * {@code atomEnergies} is not null, adds their energy shares (pass null unless the kernel
     * wrote {@link #shares}). Parallel over atom blocks.
     */
    public void gatherIncoming(NeighborList list, int n, ThreadTeam team, double[] forces, double[] atomEnergies) {
        final int[] inStart = list.incomingStart();
        final double[] g = gradient, s = share;
        final boolean withShares = atomEnergies != null;
        team.run(AtomBlocks.count(n), (b, worker) -> {
            for (int i = AtomBlocks.first(b), end = AtomBlocks.end(b, n); i < end; i++) {
                double fx = 0, fy = 0, fz = 0, es = 0;
                for (int k = inStart[i], e = inStart[i + 1]; k < e; k++) {
                    fx += g[3 * k]; fy += g[3 * k + 1]; fz += g[3 * k + 2];
                    if (withShares) es += s[k];
                }
                forces[3 * i] -= fx; forces[3 * i + 1] -= fy; forces[3 * i + 2] -= fz;
                if (withShares) atomEnergies[i] += es;
            }
        });
    }
}
