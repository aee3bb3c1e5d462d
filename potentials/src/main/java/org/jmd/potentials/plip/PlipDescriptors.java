package org.jmd.potentials.plip;

import java.util.Arrays;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;

/**
 * The PLIP descriptors of a whole structure and their derivatives: one column per term. Because
 * a PLIP energy is linear in the weights, E − Σ offsets = Σ_t w_t S_t with S_t = Σ_i X_t(i), and
 * the forces are F = D w with D_{(a,d),t} = −∂S_t/∂x_{a,d}. This computes S (one row of the
 * energy design matrix) and D (3N rows of the force design matrix) for training.
 *
 * <p>Evaluates every term on its own (training needs each column), where {@link PlipPotential}
 * evaluates the fitted model from its combined functions; {@code offsets + S·w} and {@code D·w}
 * are that potential's energy and forces to round-off (tested). Buffers are reused between
 * structures; nothing is allocated per atom.
 */
public final class PlipDescriptors {
    private final PlipBasis basis;
    private final PlipEnvironment env;
    private final List<PlipTerm> terms;
    private final CellListSearch search = new CellListSearch();
    private final NeighborList list = new NeighborList();
    private final double[] rho;
    private final double[] cosPower;

    public PlipDescriptors(String[] elements, List<PlipTerm> terms) {
        this.terms = List.copyOf(terms);
        this.basis = new PlipBasis(elements.length, terms);
        this.env = new PlipEnvironment(basis, elements);
        this.rho = new double[basis.species * basis.maxRadials];
        this.cosPower = new double[basis.maxOrder + 2];
    }

    public int columns() { return basis.termCount; }

    public List<PlipTerm> terms() { return terms; }

    public double cutoff() { return basis.maxCutoff; }

    /** As {@link #compute(AtomicSystem, NeighborList, double[], double[])}, building the neighbour list itself. */
    public void compute(AtomicSystem s, double[] sum, double[] forceRows) {
        if (basis.maxCutoff > 0) search.build(s.x, s.size(), s.cell(), basis.maxCutoff, NeighborList.Kind.FULL, list);
        compute(s, list, sum, forceRows);
    }

    /**
     * @param neighbours a FULL list with every pair closer than {@link #cutoff()}
     * @param sum        length ≥ p: S_t = Σ_i X_t(i) (overwritten)
     * @param forceRows  length ≥ 3N·p, row-major: row 3a+d holds −∂S_t/∂x_{a,d} (overwritten)
     */
    public void compute(AtomicSystem s, NeighborList neighbours, double[] sum, double[] forceRows) {
        int n = s.size(), p = basis.termCount;
        Arrays.fill(sum, 0, p, 0.0);
        Arrays.fill(forceRows, 0, 3 * n * p, 0.0);
        if (p == 0) return;
        env.mapSpecies(s);
        int S = basis.species, R = basis.maxRadials;
        for (int i = 0; i < n; i++) {
            int c = env.speciesOf(s, i);
            env.gather(s, neighbours, i, c);
            int m = env.count;
            double[] g = env.g, dg = env.dg, u = env.unit;
            int rowI = 3 * i * p;
            Arrays.fill(rho, 0.0);
            for (int q = 0; q < m; q++) {
                int sp = env.species[q], ch = c * S + sp, nr = basis.radialCount[ch];
                int rowJ = 3 * env.atom[q] * p;
                double ux = u[3 * q], uy = u[3 * q + 1], uz = u[3 * q + 2];
                for (int k = 0; k < nr; k++) {
                    int slot = ch * R + k;
                    double gv = g[q * R + k], d = dg[q * R + k];
                    rho[sp * R + k] += gv;
                    for (int e = basis.twoStart[slot]; e < basis.twoStart[slot + 1]; e++) {
                        int col = basis.twoTerm[e];
                        sum[col] += gv;
                        scatter(forceRows, rowI, rowJ, p, col, d * ux, d * uy, d * uz);
                    }
                }
            }
            // many-body: X = ρ^m, ∂X/∂δ_q = m ρ^(m−1) g'(r_q) û_q
            for (int sp = 0; sp < S; sp++) {
                int ch = c * S + sp, nr = basis.radialCount[ch];
                for (int k = 0; k < nr; k++) {
                    int slot = ch * R + k;
                    for (int e = basis.manyStart[slot]; e < basis.manyStart[slot + 1]; e++) {
                        int col = basis.manyTerm[e], pw = basis.manyPower[e];
                        double x = rho[sp * R + k], xm1 = intPow(x, pw - 1);
                        sum[col] += xm1 * x;
                        double coef = pw * xm1;
                        if (coef == 0) continue;
                        for (int q = 0; q < m; q++) {
                            if (env.species[q] != sp) continue;
                            double d = coef * dg[q * R + k];
                            if (d == 0) continue;
                            scatter(forceRows, rowI, 3 * env.atom[q] * p, p, col, d * u[3 * q], d * u[3 * q + 1], d * u[3 * q + 2]);
                        }
                    }
                }
            }
            if (basis.familyCount > 0) threeBody(c, rowI, p, sum, forceRows);
        }
    }

    private void threeBody(int c, int rowI, int p, double[] sum, double[] forceRows) {
        int S = basis.species, R = basis.maxRadials, nt = env.tripletCount;
        int[] tri = env.triplet, sp = env.species;
        double[] g = env.g, dg = env.dg, u = env.unit, r = env.r;
        for (int t1 = 0; t1 < nt; t1++) {
            int q1 = tri[t1], base = (c * S + sp[q1]) * S, row1 = 3 * env.atom[q1] * p;
            double ux1 = u[3 * q1], uy1 = u[3 * q1 + 1], uz1 = u[3 * q1 + 2];
            for (int t2 = t1 + 1; t2 < nt; t2++) {
                int q2 = tri[t2], key = base + sp[q2];
                int e0 = basis.tripletStart[key], e1 = basis.tripletStart[key + 1];
                if (e0 == e1) continue;
                int row2 = 3 * env.atom[q2] * p;
                double ux2 = u[3 * q2], uy2 = u[3 * q2 + 1], uz2 = u[3 * q2 + 2];
                double cos = ux1 * ux2 + uy1 * uy2 + uz1 * uz2;
                cosPower[0] = 1;
                for (int l = 1; l <= basis.maxOrder; l++) cosPower[l] = cosPower[l - 1] * cos;
                double inv1 = 1 / r[q1], inv2 = 1 / r[q2];
                // ∂cosθ/∂δ₁ and ∂cosθ/∂δ₂
                double c1x = (ux2 - cos * ux1) * inv1, c1y = (uy2 - cos * uy1) * inv1, c1z = (uz2 - cos * uz1) * inv1;
                double c2x = (ux1 - cos * ux2) * inv2, c2y = (uy1 - cos * uy2) * inv2, c2z = (uz1 - cos * uz2) * inv2;
                for (int k = e0; k < e1; k++) {
                    int k1 = q1 * R + basis.tripletRadial1[k], k2 = q2 * R + basis.tripletRadial2[k];
                    double a1 = g[k1], a2 = g[k2];
                    if (a1 == 0 || a2 == 0) continue;
                    double d1 = dg[k1] * a2, d2 = a1 * dg[k2], prod = a1 * a2;
                    int fam = basis.tripletFamily[k];
                    for (int e = basis.familyStart[fam]; e < basis.familyStart[fam + 1]; e++) {
                        int col = basis.familyTerm[e], l = basis.familyOrder[e];
                        double cl = cosPower[l], dcl = l == 0 ? 0 : l * cosPower[l - 1] * prod;
                        sum[col] += prod * cl;
                        double r1 = d1 * cl, r2 = d2 * cl;
                        double g1x = r1 * ux1 + dcl * c1x, g1y = r1 * uy1 + dcl * c1y, g1z = r1 * uz1 + dcl * c1z;
                        double g2x = r2 * ux2 + dcl * c2x, g2y = r2 * uy2 + dcl * c2y, g2z = r2 * uz2 + dcl * c2z;
                        int a = row1 + col, b = row2 + col, o = rowI + col;
                        forceRows[a] -= g1x; forceRows[a + p] -= g1y; forceRows[a + 2 * p] -= g1z;
                        forceRows[b] -= g2x; forceRows[b + p] -= g2y; forceRows[b + 2 * p] -= g2z;
                        forceRows[o] += g1x + g2x; forceRows[o + p] += g1y + g2y; forceRows[o + 2 * p] += g1z + g2z;
                    }
                }
            }
        }
    }

    /** Gradient G of X with respect to δ = x_j − x_i: force rows get −G on j and +G on i. */
    private static void scatter(double[] rows, int rowI, int rowJ, int p, int col, double gx, double gy, double gz) {
        int a = rowJ + col, o = rowI + col;
        rows[a] -= gx; rows[a + p] -= gy; rows[a + 2 * p] -= gz;
        rows[o] += gx; rows[o + p] += gy; rows[o + 2 * p] += gz;
    }

    /** x^k for small whole k ≥ 0 by repeated squaring (Math.pow is much slower and no more exact). */
    static double intPow(double x, int k) {
        double r = 1;
        while (k > 0) {
            if ((k & 1) != 0) r *= x;
            x *= x;
            k >>= 1;
        }
        return r;
    }
}
