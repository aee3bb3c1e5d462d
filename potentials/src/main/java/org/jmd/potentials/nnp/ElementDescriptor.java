package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All symmetry functions of one central element, in n2p2's sorted order, evaluated together on an
 * {@link AtomEnvironment}: raw values G_s and, when asked, their gradients with respect to each
 * neighbour displacement δ_p. Since G depends on the central atom only through the δ_p, these
 * gradients give the derivatives for every atom involved (∂/∂x_j = ∂/∂δ_p, ∂/∂x_i = −Σ_p ∂/∂δ_p)
 * and the virial, without a separate self term.
 */
final class ElementDescriptor {
    private final SymmetryFunction[] functions;
    private final RadialSymmetryFunction[] radial;
    private final int[] radialIndex;
    private final AngularGroup[] groups;
    private final double cutoff;
    private final double[] term = new double[5];
    /** Distinct cutoff functions of the element; their values per neighbour are cached once per atom. */
    private final CutoffFunction[] cutoffs;
    private double[] cutoffValue = new double[0], cutoffSlope = new double[0];
    private final double[] pair = new double[2];

    /** @param sorted the element's functions already in n2p2 order */
    ElementDescriptor(List<SymmetryFunction> sorted) {
        this.functions = sorted.toArray(new SymmetryFunction[0]);
        List<RadialSymmetryFunction> rad = new ArrayList<>();
        List<Integer> radIdx = new ArrayList<>();
        Map<Long, List<Integer>> byPair = new LinkedHashMap<>();
        double rc = 0;
        for (int s = 0; s < functions.length; s++) {
            SymmetryFunction f = functions[s];
            rc = Math.max(rc, f.cutoff());
            if (f instanceof RadialSymmetryFunction) {
                rad.add((RadialSymmetryFunction) f);
                radIdx.add(s);
            } else {
                byPair.computeIfAbsent(((AngularSymmetryFunction) f).pairElements(), k -> new ArrayList<>()).add(s);
            }
        }
        this.radial = rad.toArray(new RadialSymmetryFunction[0]);
        this.radialIndex = radIdx.stream().mapToInt(Integer::intValue).toArray();
        this.groups = new AngularGroup[byPair.size()];
        int k = 0;
        for (List<Integer> idx : byPair.values()) {
            AngularSymmetryFunction[] m = new AngularSymmetryFunction[idx.size()];
            for (int q = 0; q < m.length; q++) m[q] = (AngularSymmetryFunction) functions[idx.get(q)];
            groups[k++] = new AngularGroup(m, idx.stream().mapToInt(Integer::intValue).toArray());
        }
        this.cutoff = rc;
        List<CutoffFunction> distinct = new ArrayList<>();
        for (SymmetryFunction f : functions) {
            CutoffFunction c = f.cutoffFunction();
            if (c == null) continue;
            int slot = -1;
            for (int q = 0; q < distinct.size(); q++) if (distinct.get(q).radius() == c.radius()) slot = q;
            if (slot < 0) { distinct.add(c); slot = distinct.size() - 1; }
            f.cutoffSlot = slot;
        }
        this.cutoffs = distinct.toArray(new CutoffFunction[0]);
    }

    int size() { return functions.length; }

    double cutoff() { return cutoff; }

    SymmetryFunction function(int s) { return functions[s]; }

    /**
     * Raw (unscaled) G into g[0..size), and if dg is not null, ∂G_s/∂δ_p into
     * dg[s·3n + 3p + d] for the n = env.size neighbours. Allocates nothing.
     */
    void compute(AtomEnvironment env, double[] g, double[] dg) {
        int n = env.size;
        int stride = 3 * n;
        Arrays.fill(g, 0, functions.length, 0.0);
        if (dg != null) Arrays.fill(dg, 0, functions.length * stride, 0.0);
        int[] el = env.element;
        double[] r = env.distance, d = env.delta, t = term;
        if (cutoffValue.length < cutoffs.length * n) {
            cutoffValue = new double[2 * cutoffs.length * n];
            cutoffSlope = new double[2 * cutoffs.length * n];
        }
        for (int c = 0; c < cutoffs.length; c++) {
            for (int p = 0, o = c * n; p < n; p++, o++) {
                cutoffs[c].evaluate(r[p], pair, 0);
                cutoffValue[o] = pair[0];
                cutoffSlope[o] = pair[1];
            }
        }
        double[] cv = cutoffValue, cs = cutoffSlope;
        for (int q = 0; q < radial.length; q++) {
            RadialSymmetryFunction f = radial[q];
            int s = radialIndex[q];
            int o = f.cutoffSlot < 0 ? -1 : f.cutoffSlot * n;
            double sum = 0;
            for (int p = 0; p < n; p++) {
                if (!f.term(el[p], r[p], o < 0 ? 0 : cv[o + p], o < 0 ? 0 : cs[o + p], t)) continue;
                sum += t[0];
                if (dg != null) {
                    double c = t[1] / r[p];
                    int at = s * stride + 3 * p;
                    dg[at] += c * d[3 * p];
                    dg[at + 1] += c * d[3 * p + 1];
                    dg[at + 2] += c * d[3 * p + 2];
                }
            }
            g[s] = sum;
        }
        for (AngularGroup grp : groups) angular(grp, env, g, dg, stride);
    }

    private void angular(AngularGroup grp, AtomEnvironment env, double[] g, double[] dg, int stride) {
        int n = env.size;
        int[] el = env.element;
        double[] r = env.distance, d = env.delta, t = term, cv = cutoffValue, cs = cutoffSlope;
        double rc = grp.cutoff;
        AngularSymmetryFunction[] members = grp.members;
        int[] index = grp.index;
        for (int p = 0; p < n - 1; p++) {
            int ep = el[p];
            double rij = r[p];
            if (rij >= rc || !grp.takes(ep)) continue;
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2];
            for (int q = p + 1; q < n; q++) {
                int eq = el[q];
                double rik = r[q];
                if (rik >= rc || !grp.matches(ep, eq)) continue;
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2];
                double cx = bx - ax, cy = by - ay, cz = bz - az;        // δ_q − δ_p = x_k − x_j
                double rjk = Math.sqrt(cx * cx + cy * cy + cz * cz);
                double inv = 1.0 / (rij * rik);
                double cos = (ax * bx + ay * by + az * bz) * inv;
                double theta = grp.needsAngle ? Math.acos(cos) : 0.0;
                for (int m = 0; m < members.length; m++) {
                    AngularSymmetryFunction f = members[m];
                    boolean cached = f.cutoffSlot >= 0;
                    int op0 = cached ? f.cutoffSlot * n + p : 0, oq0 = cached ? f.cutoffSlot * n + q : 0;
                    if (!f.term(ep, eq, rij, rik, rjk, cos, theta, cached ? cv[op0] : 0, cached ? cs[op0] : 0,
                            cached ? cv[oq0] : 0, cached ? cs[oq0] : 0, t)) continue;
                    int s = index[m];
                    g[s] += t[0];
                    if (dg == null) continue;
                    // chain rule through r_ij = |a|, r_ik = |b|, r_jk = |b − a|, cos = a·b/(|a||b|)
                    double ca = t[1] / rij - t[4] * cos / (rij * rij);   // coefficient of a in ∂/∂a
                    double cb = t[2] / rik - t[4] * cos / (rik * rik);   // coefficient of b in ∂/∂b
                    double cross = t[4] * inv;                           // a in ∂/∂b, b in ∂/∂a
                    double cjk = t[3] == 0.0 ? 0.0 : t[3] / rjk;         // ±(b − a)
                    int op = s * stride + 3 * p, oq = s * stride + 3 * q;
                    dg[op] += ca * ax + cross * bx - cjk * cx;
                    dg[op + 1] += ca * ay + cross * by - cjk * cy;
                    dg[op + 2] += ca * az + cross * bz - cjk * cz;
                    dg[oq] += cb * bx + cross * ax + cjk * cx;
                    dg[oq + 1] += cb * by + cross * ay + cjk * cy;
                    dg[oq + 2] += cb * bz + cross * az + cjk * cz;
                }
            }
        }
    }
}
