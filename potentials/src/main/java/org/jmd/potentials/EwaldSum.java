package org.jmd.potentials;

import java.util.Arrays;
import org.jmd.engine.AtomBlocks;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.Units;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.Matrix3;

/**
 * The parts of an Ewald sum that are not a short-ranged pair term: the reciprocal-space sum over
 * the triclinic reciprocal lattice, the self energy and, for a charged cell, the energy of the
 * uniform neutralising background. The real-space term k_e q_i q_j erfc(αr)/r goes in the
 * caller's pair loop, with the α this class chose ({@link #alpha()}).
 *
 * <pre>
 * E_recip = (2π k_e / V) Σ_{k≠0} exp(−k²/4α²)/k² · |S(k)|²,   S(k) = Σ_j q_j exp(i k·r_j)
 * E_self  = −k_e α/√π Σ_i q_i²
 * E_bg    = −k_e π Q² / (2 V α²),                              Q = Σ_i q_i
 * </pre>
 *
 * Only half of k-space is visited (k and −k contribute equally). For each row of k-vectors with
 * fixed (m1, m2) the per-atom factor q_i exp(i(m1 b1 + m2 b2)·r_i) is formed once and the m3
 * direction multiplies in, so each (k, atom) costs a complex product, not a sine and cosine.
 * Forces along k are collected per row as two scalars per atom (the m3-independent and
 * m3-proportional parts), so the 3-vector force is touched once per row. Atoms are split in
 * fixed blocks over a {@link ThreadTeam}; partial structure factors are summed in block order.
 *
 * <p>Everything that depends only on the cell and the atom count (α, K, the k-vector list) is
 * rebuilt when the cell, the number of atoms or Σq² changes; buffers only ever grow.
 */
final class EwaldSum {
    private static final double TWO_PI = 2 * Math.PI;
    private final double accuracy;
    private final double realCutoff;
    private final double fixedAlpha;
    private final double ke;

    // set-up for the current cell and atom count
    private final double[] setupCell = new double[9];
    private int setupAtoms = -1;
    private double setupSumQ2 = Double.NaN;
    private double alpha, kCutoff, volume;
    private final double[] b = new double[9];      // reciprocal vectors b_d (rows), 2π included
    private final int[] kmax = new int[3];
    private int rows;
    private int[] rowM1 = new int[0], rowM2 = new int[0], rowLo = new int[0], rowHi = new int[0];
    private int kCount;

    // per-call buffers
    private double[] cosTab = new double[0], sinTab = new double[0]; // [d][m][i] flattened
    private int tabStride;                                            // (kmax+1)·n per direction
    private double[] partial = new double[0];                         // per block: Re, Im of S(k) for every k
    private double[] weighted = new double[0];                        // w_k S(k), Re and Im, every k
    private Scratch[] scratch = new Scratch[0];

    /**
     * @param accuracy    relative accuracy (see {@link EwaldParameters})
     * @param realCutoff  real-space cutoff (Å)
     * @param fixedAlpha  α in 1/Å, or NaN to choose it from the accuracy
     * @param ke          Coulomb constant (eV·Å) of the convention in use
     */
    EwaldSum(double accuracy, double realCutoff, double fixedAlpha, double ke) {
        this.ke = ke;
        this.accuracy = accuracy;
        this.realCutoff = realCutoff;
        this.fixedAlpha = fixedAlpha;
    }

    /** Chooses α and the k-vectors for this cell and these charges if anything they depend on changed. */
    void prepare(Cell cell, double[] q, int n) {
        double sumQ2 = 0;
        for (int i = 0; i < n; i++) sumQ2 += q[i] * q[i];
        boolean same = n == setupAtoms && sumQ2 == setupSumQ2;
        for (int k = 0; k < 3 && same; k++)
            for (int d = 0; d < 3 && same; d++) same = cell.h(k, d) == setupCell[3 * k + d];
        if (same) return;
        for (int k = 0; k < 3; k++) for (int d = 0; d < 3; d++) setupCell[3 * k + d] = cell.h(k, d);
        setupAtoms = n;
        setupSumQ2 = sumQ2;
        volume = cell.volume();
        if (sumQ2 == 0) { // nothing to sum; keep a finite α for the (zero) real-space term
            alpha = Double.isNaN(fixedAlpha) ? 1.0 / realCutoff : fixedAlpha;
            kCutoff = 0;
            rows = 0;
            kCount = 0;
            return;
        }
        EwaldParameters p = EwaldParameters.choose(accuracy, realCutoff, n, volume, sumQ2, fixedAlpha);
        if (!Double.isNaN(fixedAlpha)) {
            // a user's α fixes the real-space error, which the k-space cutoff cannot make up for
            double real = EwaldParameters.realSpaceError(fixedAlpha, realCutoff, n, volume, sumQ2);
            double wanted = accuracy * Units.COULOMB;
            if (real > wanted) {
                double needed = EwaldParameters.choose(accuracy, realCutoff, n, volume, sumQ2, Double.NaN).alpha();
                setupAtoms = -1; // not set up
                throw new IllegalArgumentException(String.format("alpha=%g with cutoff=%g leaves a real-space force error of about %.1e eV/Å,"
                        + " above the %.1e asked for; use alpha >= %.4f, a longer cutoff, or leave alpha out", fixedAlpha, realCutoff,
                        real, wanted, needed));
            }
        }
        alpha = p.alpha();
        kCutoff = p.kCutoff();
        reciprocalVectors(cell);
        listKVectors();
    }

    double alpha() { return alpha; }

    double kCutoff() { return kCutoff; }

    int kVectorCount() { return kCount; }

    /** Adds reciprocal, self and background energy, forces, virial and per-atom energies. */
    void add(double[] x, double[] q, int n, ForceResult out, boolean perAtom, ThreadTeam team) {
        double[] f = out.forces, w = out.virial, ea = out.atomEnergies;

        // self energy, and the background that neutralises a net charge
        double selfFactor = -ke * alpha / Math.sqrt(Math.PI), total = 0, e = 0;
        for (int i = 0; i < n; i++) total += q[i];
        double bgFactor = -ke * Math.PI * total / (2 * volume * alpha * alpha);
        for (int i = 0; i < n; i++) {
            double ei = selfFactor * q[i] * q[i] + bgFactor * q[i];
            e += ei;
            if (perAtom) ea[i] += ei;
        }
        double eBackground = bgFactor * total;
        // E_bg ∝ 1/V: under x → (1+ε)x, −∂E/∂ε_aa = E_bg
        w[0] += eBackground; w[4] += eBackground; w[8] += eBackground;

        if (kCount > 0) e += reciprocal(x, q, n, f, w, perAtom ? ea : null, team);
        out.energy += e;
    }

    /**
     * Two passes over fixed atom blocks, so the sums do not depend on the number of threads:
     * each block's partial structure factors (summed over k in block order afterwards), then
     * each atom's force and energy from the weighted structure factors, atom by atom.
     */
    private double reciprocal(double[] x, double[] q, int n, double[] f, double[] w, double[] ea, ThreadTeam team) {
        final int blocks = AtomBlocks.count(n), nk = kCount;
        fillTrigTables(x, n, team);
        if (scratch.length < team.size()) {
            scratch = new Scratch[team.size()];
            for (int t = 0; t < scratch.length; t++) scratch[t] = new Scratch();
        }
        if (partial.length < 2L * nk * blocks) partial = new double[2 * nk * blocks];
        if (weighted.length < 2 * nk) weighted = new double[2 * nk];
        final double[] part = partial;
        // pass 1: structure factors of each block
        team.run(blocks, (blk, worker) -> {
            Scratch sc = scratch[worker];
            int i0 = AtomBlocks.first(blk), i1 = AtomBlocks.end(blk, n), o = 2 * nk * blk;
            for (int r = 0; r < rows; r++) {
                sc.rowFactors(r, q, i0, i1, n);
                for (int t = 0, len = rowHi[r] - rowLo[r] + 1; t < len; t++) {
                    int m3 = rowLo[r] + t, o3 = 2 * tabStride + Math.abs(m3) * n;
                    double sg3 = m3 < 0 ? -1 : 1, sr = 0, si = 0;
                    for (int i = i0; i < i1; i++) {
                        double c3 = cosTab[o3 + i], sn3 = sg3 * sinTab[o3 + i];
                        double pr = sc.pRe[i - i0], pi = sc.pIm[i - i0];
                        sr += pr * c3 - pi * sn3;
                        si += pi * c3 + pr * sn3;
                    }
                    part[o++] = sr;
                    part[o++] = si;
                }
            }
        });
        // the energy and virial of each k, and the weighted structure factors pass 2 needs
        double pref = 4 * Math.PI * ke / volume; // 2π k_e/V, doubled for the half k-space
        double inv4a2 = 1 / (4 * alpha * alpha);
        double energy = 0;
        double w00 = 0, w01 = 0, w02 = 0, w11 = 0, w12 = 0, w22 = 0;
        final double[] ws = weighted;
        for (int r = 0, kk = 0; r < rows; r++) {
            int m1 = rowM1[r], m2 = rowM2[r];
            double k12x = m1 * b[0] + m2 * b[3], k12y = m1 * b[1] + m2 * b[4], k12z = m1 * b[2] + m2 * b[5];
            for (int m3 = rowLo[r]; m3 <= rowHi[r]; m3++, kk++) {
                double sr = 0, si = 0;
                for (int blk = 0; blk < blocks; blk++) {
                    sr += part[2 * nk * blk + 2 * kk];
                    si += part[2 * nk * blk + 2 * kk + 1];
                }
                double kx = k12x + m3 * b[6], ky = k12y + m3 * b[7], kz = k12z + m3 * b[8];
                double k2 = kx * kx + ky * ky + kz * kz;
                double wk = pref * Math.exp(-k2 * inv4a2) / k2;
                double ek = wk * (sr * sr + si * si);
                energy += ek;
                // strain derivative of exp(−k²/4α²)/k² and of 1/V
                double g = 2 * (1 / k2 + inv4a2);
                w00 += ek * (1 - g * kx * kx); w11 += ek * (1 - g * ky * ky); w22 += ek * (1 - g * kz * kz);
                w01 -= ek * g * kx * ky; w02 -= ek * g * kx * kz; w12 -= ek * g * ky * kz;
                ws[2 * kk] = wk * sr;
                ws[2 * kk + 1] = wk * si;
            }
        }
        // pass 2: forces (and per-atom energies) of each atom from the weighted structure factors
        team.run(blocks, (blk, worker) -> {
            Scratch sc = scratch[worker];
            int i0 = AtomBlocks.first(blk), i1 = AtomBlocks.end(blk, n), m = i1 - i0;
            double[] accA = sc.accA, accB = sc.accB, pRe = sc.pRe, pIm = sc.pIm;
            for (int r = 0, kk0 = 0; r < rows; r++) {
                int m1 = rowM1[r], m2 = rowM2[r], len = rowHi[r] - rowLo[r] + 1;
                double k12x = m1 * b[0] + m2 * b[3], k12y = m1 * b[1] + m2 * b[4], k12z = m1 * b[2] + m2 * b[5];
                sc.rowFactors(r, q, i0, i1, n);
                Arrays.fill(accA, 0, m, 0.0);
                Arrays.fill(accB, 0, m, 0.0);
                for (int t = 0; t < len; t++) {
                    int m3 = rowLo[r] + t, o3 = 2 * tabStride + Math.abs(m3) * n, kk = kk0 + t;
                    double sg3 = m3 < 0 ? -1 : 1, wr = ws[2 * kk], wi = ws[2 * kk + 1];
                    for (int i = i0; i < i1; i++) {
                        double c3 = cosTab[o3 + i], sn3 = sg3 * sinTab[o3 + i];
                        double pr = pRe[i - i0], pi = pIm[i - i0];
                        double cr = pr * c3 - pi * sn3, ci = pi * c3 + pr * sn3;
                        double fk = 2 * (ci * wr - cr * wi);
                        accA[i - i0] += fk;
                        accB[i - i0] += m3 * fk;
                        if (ea != null) ea[i] += cr * wr + ci * wi;
                    }
                }
                for (int i = i0; i < i1; i++) {
                    double fa = accA[i - i0], fb = accB[i - i0];
                    f[3 * i] += fa * k12x + fb * b[6];
                    f[3 * i + 1] += fa * k12y + fb * b[7];
                    f[3 * i + 2] += fa * k12z + fb * b[8];
                }
                kk0 += len;
            }
        });
        w[0] += w00; w[4] += w11; w[8] += w22;
        w[1] += w01; w[3] += w01; w[2] += w02; w[6] += w02; w[5] += w12; w[7] += w12;
        return energy;
    }

    /** One thread's per-row buffers for the atoms of one block. */
    private final class Scratch {
        final double[] pRe = new double[AtomBlocks.SIZE], pIm = new double[AtomBlocks.SIZE];
        final double[] accA = new double[AtomBlocks.SIZE], accB = new double[AtomBlocks.SIZE];

        /** q_i exp(i(m1 b1 + m2 b2)·r_i) of row r for atoms i0..i1−1: the m3 direction multiplies in. */
        void rowFactors(int r, double[] q, int i0, int i1, int n) {
            int m1 = rowM1[r], m2 = rowM2[r], a2 = Math.abs(m2);
            double sg2 = m2 < 0 ? -1 : 1;
            int o1 = m1 * n, o2 = tabStride + a2 * n;
            for (int i = i0; i < i1; i++) {
                double c1 = cosTab[o1 + i], sn1 = sinTab[o1 + i], c2 = cosTab[o2 + i], sn2 = sg2 * sinTab[o2 + i];
                pRe[i - i0] = q[i] * (c1 * c2 - sn1 * sn2);
                pIm[i - i0] = q[i] * (sn1 * c2 + c1 * sn2);
            }
        }
    }

    /** cos(m θ_d,i) and sin(m θ_d,i), θ_d,i = b_d·r_i, for m = 0..kmax_d by angle addition; atoms in parallel. */
    private void fillTrigTables(double[] x, int n, ThreadTeam team) {
        int mmax = Math.max(kmax[0], Math.max(kmax[1], kmax[2]));
        tabStride = (mmax + 1) * n;
        if (cosTab.length < 3 * tabStride) {
            cosTab = new double[3 * tabStride];
            sinTab = new double[3 * tabStride];
        }
        final double[] ct = cosTab, st = sinTab;
        team.run(AtomBlocks.count(n), (blk, worker) -> {
            for (int d = 0; d < 3; d++) {
                int base = d * tabStride;
                double bx = b[3 * d], by = b[3 * d + 1], bz = b[3 * d + 2];
                for (int i = AtomBlocks.first(blk), end = AtomBlocks.end(blk, n); i < end; i++) {
                    double theta = bx * x[3 * i] + by * x[3 * i + 1] + bz * x[3 * i + 2];
                    double c1 = Math.cos(theta), s1 = Math.sin(theta);
                    ct[base + i] = 1;
                    st[base + i] = 0;
                    double c = 1, s = 0;
                    for (int m = 1; m <= kmax[d]; m++) {
                        double cn = c * c1 - s * s1;
                        s = s * c1 + c * s1;
                        c = cn;
                        ct[base + m * n + i] = c;
                        st[base + m * n + i] = s;
                    }
                }
            }
        });
    }

    /** b_d = 2π (a_e × a_f) / V: the rows of 2π (h⁻¹)ᵀ. */
    private void reciprocalVectors(Cell cell) {
        double[] h = cell.matrix(), inverse = Matrix3.inverse(h);
        for (int d = 0; d < 3; d++)
            for (int j = 0; j < 3; j++) b[3 * d + j] = TWO_PI * inverse[3 * j + d];
        // m_d = k·a_d / 2π, so |k| ≤ K bounds |m_d| by K |a_d| / 2π
        for (int d = 0; d < 3; d++) {
            double len = Math.sqrt(h[3 * d] * h[3 * d] + h[3 * d + 1] * h[3 * d + 1] + h[3 * d + 2] * h[3 * d + 2]);
            kmax[d] = (int) Math.floor(kCutoff * len / TWO_PI);
        }
    }

    /** Rows (m1, m2) of half of k-space (m1 > 0, or m1 = 0 and m2 > 0, or both 0 and m3 > 0) inside |k| ≤ K. */
    private void listKVectors() {
        double k2max = kCutoff * kCutoff;
        rows = 0;
        kCount = 0;
        for (int m1 = 0; m1 <= kmax[0]; m1++) {
            for (int m2 = m1 == 0 ? 0 : -kmax[1]; m2 <= kmax[1]; m2++) {
                int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
                for (int m3 = m1 == 0 && m2 == 0 ? 1 : -kmax[2]; m3 <= kmax[2]; m3++) {
                    double kx = m1 * b[0] + m2 * b[3] + m3 * b[6];
                    double ky = m1 * b[1] + m2 * b[4] + m3 * b[7];
                    double kz = m1 * b[2] + m2 * b[5] + m3 * b[8];
                    if (kx * kx + ky * ky + kz * kz <= k2max) { lo = Math.min(lo, m3); hi = Math.max(hi, m3); }
                }
                if (lo > hi) continue;
                if (rows == rowM1.length) {
                    int cap = Math.max(64, 2 * rows);
                    rowM1 = Arrays.copyOf(rowM1, cap); rowM2 = Arrays.copyOf(rowM2, cap);
                    rowLo = Arrays.copyOf(rowLo, cap); rowHi = Arrays.copyOf(rowHi, cap);
                }
                rowM1[rows] = m1; rowM2[rows] = m2; rowLo[rows] = lo; rowHi[rows] = hi;
                rows++;
                kCount += hi - lo + 1;
            }
        }
    }
}
