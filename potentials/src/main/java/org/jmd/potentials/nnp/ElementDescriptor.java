package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All symmetry functions of one central element, in n2p2's sorted order, evaluated together on an
 * {@link AtomEnvironment}: the radial functions neighbour by neighbour, the angular ones group by
 * group ({@link AngularGroup}), with the cutoff function of each distinct radius evaluated once
 * per neighbour for all of them. Three modes share that work:
 * <ul>
 * <li>{@link #values}: raw G;</li>
 * <li>{@link #contract}: g_p = Σ_s c_s ∂G_s/∂δ_p for given coefficients c (inference: c = ∂E/∂G),
 *     with no derivative stored;</li>
 * <li>{@link #derivatives}: G and ∂G_s/∂δ_p in compact rows, one row per neighbour holding only
 *     the functions a neighbour of its element can change ({@link #rowFunctions}), for trainers
 *     that cache derivatives.</li>
 * </ul>
 * Since G depends on the central atom only through the δ_p, these gradients give the derivatives
 * for every atom involved (∂/∂x_j = ∂/∂δ_p, ∂/∂x_i = −Σ_p ∂/∂δ_p) and the virial.
 *
 * <p>Immutable: every buffer belongs to the caller's {@link DescriptorWorkspace}.
 */
final class ElementDescriptor {
    private final SymmetryFunction[] functions;
    private final double cutoff;
    /** Distinct cutoff functions of the element (by radius); their values per neighbour are cached once per atom. */
    private final CutoffFunction[] cutoffs;
    /** Row of each function's cutoff function in that cache, or −1 if it uses none. */
    private final int[] cutoffSlot;
    /** radialFor[e]: the radial functions that a neighbour of element e contributes to. */
    private final int[][] radialFor;
    /** radialTerms[e]: those functions evaluated together (even Gaussian grids by recurrence). */
    private final RadialTerms[] radialTerms;
    private final AngularGroup[] groups;
    /** rowFunctions[e]: the functions a neighbour of element e can change, increasing; the layout of its derivative row. */
    final int[][] rowFunctions;
    /** slot[e][s]: position of function s in rowFunctions[e], or −1. */
    private final int[][] slot;

    /**
     * @param sorted   the element's functions already in n2p2 order
     * @param elements number of elements of the descriptor set
     */
    ElementDescriptor(List<SymmetryFunction> sorted, int elements) {
        this.functions = sorted.toArray(new SymmetryFunction[0]);
        int n = functions.length;
        double rc = 0;
        for (SymmetryFunction f : functions) rc = Math.max(rc, f.cutoff());
        this.cutoff = rc;

        List<CutoffFunction> distinct = new ArrayList<>();
        cutoffSlot = new int[n];
        for (int s = 0; s < n; s++) {
            CutoffFunction c = functions[s].cutoffFunction();
            cutoffSlot[s] = -1;
            if (c == null) continue;
            for (int q = 0; q < distinct.size(); q++) if (distinct.get(q).radius() == c.radius()) cutoffSlot[s] = q;
            if (cutoffSlot[s] < 0) {
                distinct.add(c);
                cutoffSlot[s] = distinct.size() - 1;
            }
        }
        this.cutoffs = distinct.toArray(new CutoffFunction[0]);
        this.groups = AngularGroup.groups(functions, cutoffSlot).toArray(new AngularGroup[0]);

        radialFor = new int[elements][];
        radialTerms = new RadialTerms[elements];
        rowFunctions = new int[elements][];
        slot = new int[elements][n];
        for (int e = 0; e < elements; e++) {
            List<Integer> radial = new ArrayList<>(), row = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                boolean takes;
                if (functions[s] instanceof RadialSymmetryFunction f) {
                    takes = f.neighbour() < 0 || f.neighbour() == e;
                    if (takes) radial.add(s);
                } else {
                    AngularSymmetryFunction f = (AngularSymmetryFunction) functions[s];
                    takes = f.e1 < 0 || f.e1 == e || f.e2 == e;
                }
                slot[e][s] = takes ? row.size() : -1;
                if (takes) row.add(s);
            }
            radialFor[e] = radial.stream().mapToInt(Integer::intValue).toArray();
            radialTerms[e] = new RadialTerms(functions, radialFor[e], cutoffSlot);
            rowFunctions[e] = row.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    int size() { return functions.length; }

    double cutoff() { return cutoff; }

    SymmetryFunction function(int s) { return functions[s]; }

    int cutoffCount() { return cutoffs.length; }

    int mostCells() {
        int m = 0;
        for (AngularGroup g : groups) m = Math.max(m, g.cells());
        return m;
    }

    /** Most radial functions one neighbour can take. */
    private int mostRadial() {
        int m = 0;
        for (int[] fs : radialFor) m = Math.max(m, fs.length);
        return m;
    }

    int mostRadialParts() {
        int m = 0;
        for (AngularGroup g : groups) m = Math.max(m, g.radialParts);
        return m;
    }

    int mostAngularParts() {
        int m = 0;
        for (AngularGroup g : groups) m = Math.max(m, g.angularParts);
        return m;
    }

    /**
     * Raw G into g[0..size()). Keeps, for {@link #contract} on the same environment, the cutoff
     * cache, the slope of every radial term (w.radialSlope) and the angular groups' pair factors.
     */
    void values(AtomEnvironment env, DescriptorWorkspace w, double[] g) {
        Arrays.fill(g, 0, functions.length, 0.0);
        cacheCutoffs(env, w);
        int n = env.size;
        int[] el = env.element;
        double[] r = env.distance, fcv = w.cutoffValue, fcd = w.cutoffSlope, t = w.term;
        double[] slopes = w.radialSlopes(radialTerms(env)), v = w.radialValues(mostRadial());
        for (int p = 0, k = 0; p < n; p++) {
            int e = el[p];
            int[] fs = radialFor[e];
            radialTerms[e].evaluate(e, r[p], fcv, fcd, n, p, v, 0, slopes, k, t);
            for (int j = 0; j < fs.length; j++) g[fs[j]] += v[j];
            k += fs.length;
        }
        w.ensureGroups(groups.length);
        for (int k = 0, cursor = 0; k < groups.length; k++) {
            w.pairCacheStart[k] = cursor;
            cursor = groups[k].values(env, w, g, cursor);
        }
    }

    /**
     * g_p = Σ_s c_s ∂G_s/∂δ_p into grad[3p..3p+2] for the env.size neighbours (overwritten).
     * Nothing per function is stored: each pair reduces its members to four scalars first.
     *
     * @param cached {@link #values} ran last on this environment, so its pair cache can be reused
     */
    void contract(AtomEnvironment env, DescriptorWorkspace w, double[] c, double[] grad, boolean cached) {
        int n = env.size;
        Arrays.fill(grad, 0, 3 * n, 0.0);
        if (!cached) cacheCutoffs(env, w);
        int[] el = env.element;
        double[] r = env.distance, d = env.delta, fcv = w.cutoffValue, fcd = w.cutoffSlope, t = w.term;
        double[] slopes = w.radialSlope;
        if (!cached) w.radialValues(mostRadial());
        for (int p = 0, k = 0; p < n; p++) {
            int e = el[p];
            double slope = 0;      // Σ_s c_s dG_s/dr_p
            int[] fs = radialFor[e];
            if (cached) {
                for (int s : fs) slope += c[s] * slopes[k++];
            } else {
                radialTerms[e].evaluate(e, r[p], fcv, fcd, n, p, w.radialValue, 0, w.radialScratch, 0, t);
                for (int j = 0; j < fs.length; j++) slope += c[fs[j]] * w.radialScratch[j];
            }
            double f = slope * env.inverse[p];
            grad[3 * p] += f * d[3 * p];
            grad[3 * p + 1] += f * d[3 * p + 1];
            grad[3 * p + 2] += f * d[3 * p + 2];
        }
        for (int k = 0; k < groups.length; k++) groups[k].contract(env, w, c, grad, cached ? w.pairCacheStart[k] : 0, cached);
    }

    /**
     * G into g and ∂G_s/∂δ_p into w.rows: neighbour p's row starts at w.rowStart[p] and holds
     * ∂G_s/∂δ_p,d at [w.rowStart[p] + d·K + k] for the K = rowFunctions[element of p].length
     * functions s = rowFunctions[element of p][k]. Returns the length of all rows.
     */
    int derivatives(AtomEnvironment env, DescriptorWorkspace w, double[] g) {
        int n = env.size;
        int[] el = env.element;
        w.ensureRows(n);
        int[] start = w.rowStart, length = w.rowLength;
        int total = 0;
        for (int p = 0; p < n; p++) {
            length[p] = rowFunctions[el[p]].length;
            start[p] = total;
            total += 3 * length[p];
        }
        w.ensureRowData(total);
        double[] rows = w.rows;
        Arrays.fill(rows, 0, total, 0.0);
        Arrays.fill(g, 0, functions.length, 0.0);
        cacheCutoffs(env, w);
        double[] r = env.distance, d = env.delta, fcv = w.cutoffValue, fcd = w.cutoffSlope, t = w.term;
        double[] v = w.radialValues(mostRadial()), dv = w.radialScratch;
        for (int p = 0; p < n; p++) {
            int e = el[p], k = length[p];
            int[] sl = slot[e], fs = radialFor[e];
            double ux = d[3 * p] / r[p], uy = d[3 * p + 1] / r[p], uz = d[3 * p + 2] / r[p];
            radialTerms[e].evaluate(e, r[p], fcv, fcd, n, p, v, 0, dv, 0, t);
            for (int j = 0; j < fs.length; j++) {
                int s = fs[j];
                g[s] += v[j];
                int at = start[p] + sl[s];
                rows[at] += dv[j] * ux;
                rows[at + k] += dv[j] * uy;
                rows[at + 2 * k] += dv[j] * uz;
            }
        }
        for (AngularGroup grp : groups) grp.derivatives(env, w, g, rows, start, length, slot);
        return total;
    }

    /** Number of radial terms (neighbour, function) of an environment. */
    private int radialTerms(AtomEnvironment env) {
        int count = 0;
        for (int p = 0; p < env.size; p++) count += radialFor[env.element[p]].length;
        return count;
    }

    /** f_c and f_c' of every distinct cutoff radius at every neighbour distance. */
    private void cacheCutoffs(AtomEnvironment env, DescriptorWorkspace w) {
        int n = env.size;
        w.ensureCutoffs(cutoffs.length * n);
        double[] r = env.distance, v = w.cutoffValue, s = w.cutoffSlope, pair = w.pair;
        for (int c = 0; c < cutoffs.length; c++) {
            CutoffFunction f = cutoffs[c];
            for (int p = 0, o = c * n; p < n; p++, o++) {
                f.evaluate(r[p], pair, 0);
                v[o] = pair[0];
                s[o] = pair[1];
            }
        }
    }
}
