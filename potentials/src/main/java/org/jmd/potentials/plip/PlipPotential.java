package org.jmd.potentials.plip;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * The PLIP potential: E = Σ_i [offset(c_i) + Σ_t w_t X_t(i)], with analytic forces, virial and
 * per-atom energies (E_i as written, so they sum to the total).
 *
 * <p>The weights are folded per radial function before any atom is visited: all two-body weights
 * of one radial add up to one coefficient, the many-body terms of one radial become a polynomial
 * in ρ, and the three-body terms of one family a polynomial P(cos θ) = Σ_l w_l cos^l θ. The
 * kernel then costs one Gaussian per neighbour and radial plus one polynomial per neighbour pair
 * and family, independent of how many angular orders or powers the model uses.
 *
 * <p>Works with any cell: it reads the displacement of each pair from a full neighbour list,
 * so an atom's own periodic images and several images of one neighbour are just more neighbours.
 */
public final class PlipPotential implements Potential {
    private final PlipModel model;
    private final PlipBasis basis;
    private final PlipEnvironment env;
    private final String description;

    // folded weights
    private final double[] offsets;
    private final double[] twoBody;          // per radial slot
    private final double[] manyWeight;       // per many-body term entry, aligned with basis.manyTerm
    private final double[] poly;             // per family: coefficients l = 0..maxOrder
    private final int polyStride;

    // per-atom scratch
    private double[] dEdr = new double[0];
    private double[] grad = new double[0];
    private final double[] rho, dEdrho;

    public PlipPotential(PlipModel model, String description) {
        this.model = model;
        this.description = description;
        this.basis = new PlipBasis(model.elementCount(), model.terms());
        this.env = new PlipEnvironment(basis, model.elements());
        this.offsets = model.offsets();
        int slots = basis.species * basis.species * basis.maxRadials;
        twoBody = new double[slots];
        for (int idx = 0; idx < slots; idx++)
            for (int e = basis.twoStart[idx]; e < basis.twoStart[idx + 1]; e++) twoBody[idx] += model.weight(basis.twoTerm[e]);
        manyWeight = new double[basis.manyTerm.length];
        for (int e = 0; e < manyWeight.length; e++) manyWeight[e] = model.weight(basis.manyTerm[e]);
        polyStride = basis.maxOrder + 1;
        poly = new double[basis.familyCount * polyStride];
        for (int f = 0; f < basis.familyCount; f++)
            for (int e = basis.familyStart[f]; e < basis.familyStart[f + 1]; e++)
                poly[f * polyStride + basis.familyOrder[e]] += model.weight(basis.familyTerm[e]);
        rho = new double[basis.species * basis.maxRadials];
        dEdrho = new double[rho.length];
    }

    public PlipModel model() { return model; }

    @Override public double cutoff() { return basis.maxCutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    /** A fresh instance per workspace: its scratch fields are then the workspace's own (the weights are folded again, cheaply). */
    @Override public ForceWorkspace workspace(ThreadTeam team) { return new PlipPotential(model, description)::evaluate; }

    private void evaluate(AtomicSystem system, NeighborList list, int want, ForceResult out) {
        env.mapSpecies(system);
        int n = system.size();
        int S = basis.species, R = basis.maxRadials;
        double[] f = out.forces, w = out.virial, ea = out.atomEnergies;
        boolean perAtom = (want & ForceResult.ATOM_ENERGIES) != 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            int c = env.speciesOf(system, i);
            env.gather(system, list, i, c);
            int m = env.count;
            ensure(m);
            double[] g = env.g, dg = env.dg, u = env.unit;
            double ei = offsets[c];

            // two-body and many-body: both are sums over neighbours of one radial
            java.util.Arrays.fill(rho, 0, S * R, 0.0);
            for (int q = 0; q < m; q++) {
                int s = env.species[q], ch = c * S + s, nr = basis.radialCount[ch];
                double de = 0;
                for (int k = 0; k < nr; k++) {
                    double wk = twoBody[ch * R + k];
                    ei += wk * g[q * R + k];
                    de += wk * dg[q * R + k];
                    rho[s * R + k] += g[q * R + k];
                }
                dEdr[q] = de;
            }
            boolean anyMany = false;
            for (int s = 0; s < S; s++) {
                int ch = c * S + s, nr = basis.radialCount[ch];
                for (int k = 0; k < nr; k++) {
                    int slot = ch * R + k, e0 = basis.manyStart[slot], e1 = basis.manyStart[slot + 1];
                    double dr = 0;
                    if (e0 < e1) {
                        anyMany = true;
                        double x = rho[s * R + k];
                        for (int e = e0; e < e1; e++) {
                            int pw = basis.manyPower[e];
                            double xm1 = intPow(x, pw - 1);
                            ei += manyWeight[e] * xm1 * x;
                            dr += manyWeight[e] * pw * xm1;
                        }
                    }
                    dEdrho[s * R + k] = dr;
                }
            }
            if (anyMany) {
                for (int q = 0; q < m; q++) {
                    int s = env.species[q], nr = basis.radialCount[c * S + s];
                    double de = 0;
                    for (int k = 0; k < nr; k++) de += dEdrho[s * R + k] * dg[q * R + k];
                    dEdr[q] += de;
                }
            }
            for (int q = 0; q < m; q++) {
                grad[3 * q] = dEdr[q] * u[3 * q];
                grad[3 * q + 1] = dEdr[q] * u[3 * q + 1];
                grad[3 * q + 2] = dEdr[q] * u[3 * q + 2];
            }

            // three-body: pairs of neighbours within the three-body cutoff
            if (basis.familyCount > 0) ei += threeBody(c);

            // dE_i/dδ_q → forces on j (−) and i (+); virial W_ab = −Σ δ_a ∂E/∂δ_b
            double[] dl = env.delta;
            for (int q = 0; q < m; q++) {
                int j = env.atom[q];
                double gx = grad[3 * q], gy = grad[3 * q + 1], gz = grad[3 * q + 2];
                f[3 * j] -= gx; f[3 * j + 1] -= gy; f[3 * j + 2] -= gz;
                f[3 * i] += gx; f[3 * i + 1] += gy; f[3 * i + 2] += gz;
                double dx = dl[3 * q], dy = dl[3 * q + 1], dz = dl[3 * q + 2];
                w[0] -= dx * gx; w[1] -= dx * gy; w[2] -= dx * gz;
                w[3] -= dy * gx; w[4] -= dy * gy; w[5] -= dy * gz;
                w[6] -= dz * gx; w[7] -= dz * gy; w[8] -= dz * gz;
            }
            if (perAtom) ea[i] += ei;
            total += ei;
        }
        out.energy += total;
    }

    /** Σ_{pairs} Σ_families g₁ g₂ P(cos θ); adds the gradient to {@link #grad}. */
    private double threeBody(int c) {
        int S = basis.species, R = basis.maxRadials, nt = env.tripletCount;
        int[] tri = env.triplet, sp = env.species;
        double[] g = env.g, dg = env.dg, u = env.unit, r = env.r;
        double e = 0;
        for (int t1 = 0; t1 < nt; t1++) {
            int q1 = tri[t1], base = (c * S + sp[q1]) * S;
            double ux1 = u[3 * q1], uy1 = u[3 * q1 + 1], uz1 = u[3 * q1 + 2];
            double g1x = 0, g1y = 0, g1z = 0;
            for (int t2 = t1 + 1; t2 < nt; t2++) {
                int q2 = tri[t2], key = base + sp[q2];
                int e0 = basis.tripletStart[key], e1 = basis.tripletStart[key + 1];
                if (e0 == e1) continue;
                double ux2 = u[3 * q2], uy2 = u[3 * q2 + 1], uz2 = u[3 * q2 + 2];
                double cos = ux1 * ux2 + uy1 * uy2 + uz1 * uz2;
                double dr1 = 0, dr2 = 0, dcos = 0;
                for (int k = e0; k < e1; k++) {
                    double a1 = g[q1 * R + basis.tripletRadial1[k]], a2 = g[q2 * R + basis.tripletRadial2[k]];
                    if (a1 == 0 || a2 == 0) continue; // one of the pair is beyond this family's cutoff
                    double d1 = dg[q1 * R + basis.tripletRadial1[k]], d2 = dg[q2 * R + basis.tripletRadial2[k]];
                    int fam = basis.tripletFamily[k], off = fam * polyStride;
                    // Horner for P and P'
                    double p = 0, dp = 0;
                    for (int l = basis.familyMaxOrder[fam]; l >= 0; l--) {
                        dp = dp * cos + p;
                        p = p * cos + poly[off + l];
                    }
                    double prod = a1 * a2;
                    e += prod * p;
                    dr1 += d1 * a2 * p;
                    dr2 += a1 * d2 * p;
                    dcos += prod * dp;
                }
                // ∂cosθ/∂δ₁ = (û₂ − cosθ û₁)/r₁, and symmetrically for δ₂
                double c1 = dcos / r[q1], c2 = dcos / r[q2];
                g1x += dr1 * ux1 + c1 * (ux2 - cos * ux1);
                g1y += dr1 * uy1 + c1 * (uy2 - cos * uy1);
                g1z += dr1 * uz1 + c1 * (uz2 - cos * uz1);
                grad[3 * q2] += dr2 * ux2 + c2 * (ux1 - cos * ux2);
                grad[3 * q2 + 1] += dr2 * uy2 + c2 * (uy1 - cos * uy2);
                grad[3 * q2 + 2] += dr2 * uz2 + c2 * (uz1 - cos * uz2);
            }
            grad[3 * q1] += g1x;
            grad[3 * q1 + 1] += g1y;
            grad[3 * q1 + 2] += g1z;
        }
        return e;
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

    private void ensure(int m) {
        if (dEdr.length >= m) return;
        int cap = Math.max(m, dEdr.length * 3 / 2 + 8);
        dEdr = new double[cap];
        grad = new double[3 * cap];
    }

    @Override public String describe() { return description; }
}
