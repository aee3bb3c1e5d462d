package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The angular functions of one central element that sum over the same neighbour pairs: same
 * type, same element pair (or all pairs, for the weighted types) and, for Gaussian types, the same
 * cutoff radius. Every member's term factorises as
 * <pre>
 *   g_s(j, k) = w_j w_k · u_r(r_ij) u_r(r_ik) [v_r(r_jk)] · A_a(θ_ijk)        r = r(s), a = a(s)
 * </pre>
 * into a radial part r (Gaussian exp(−η(r − r_s)²) f_c(r), or a compact polynomial bump) and an
 * angular part a ((1 + λ cos θ)^ζ, or a compact bump in θ), and members share parts: n2p2's sets
 * combine a few radial parts with a few angular ones. So the kernel evaluates u_r once per
 * neighbour, v_r and A_a once per pair, and each member costs one multiply-add. The values pass
 * keeps the costly pair factors for the contraction of the same atom (see {@link #values}).
 *
 * <p>Members sit on a grid of cells (r, a). Per pair only the radial parts that are nonzero at
 * both distances (a polynomial window may not reach a neighbour) are visited, and within them the
 * cells that are functions or, for windowed angular parts, the parts whose window holds θ (cells
 * that are no function are then computed and dropped: n2p2's polynomial sets fill their grids).
 * So vanishing terms cost nothing.
 *
 * <p>Three loops share that structure: {@link #values} (G), {@link #contract} (Σ_s c_s ∂G_s/∂δ_p
 * without storing derivatives: per pair only four scalars ∂/∂r_ij, ∂/∂r_ik, ∂/∂r_jk, ∂/∂cos θ are
 * accumulated, then turned into vectors once) and {@link #derivatives} (∂G_s/∂δ_p into the compact
 * per-neighbour rows that training caches). Immutable; all buffers belong to the
 * {@link DescriptorWorkspace}.
 */
abstract class AngularGroup {
    final boolean narrow;
    /** Neighbour elements, or −1 for the weighted types that take every pair. */
    final int e1, e2;
    /** Atomic number per element index for the weighted types, else null. */
    private final double[] weights;
    /** Neighbours at r ≥ reach (and, for narrow types, pairs with r_jk ≥ reach) never contribute. */
    final double reach;
    /** Number of distinct radial parts (R) and angular parts (A). */
    final int radialParts, angularParts;
    /** Function (row of G) of cell r·A + a, or −1 if no member combines those parts. */
    private final int[] cellFunction;
    /**
     * Whether angular parts vanish outside windows (polynomial types): then each pair lists its
     * nonzero angular parts and the loops visit those; otherwise (Gaussian types, where every
     * part is a factor of every pair) they visit the cells of each radial part that are functions.
     */
    private final boolean windowed;
    /** rowParts[r]: the angular parts a whose cell (r, a) is a function. */
    private final int[][] rowParts;
    /** Row of the per-neighbour cutoff cache this group's u_r use, or −1 (polynomial parts need none). */
    final int cutoffSlot;

    /**
     * @param radialOf  radial part of each member
     * @param angularOf angular part of each member
     * @param function  row of G of each member
     */
    AngularGroup(AngularSymmetryFunction first, double reach, int radialParts, int angularParts,
                 int[] radialOf, int[] angularOf, int[] function, int cutoffSlot, boolean windowed) {
        this.narrow = first.isNarrow();
        this.e1 = first.e1;
        this.e2 = first.e2;
        this.weights = first.weights();
        this.reach = reach;
        this.radialParts = radialParts;
        this.angularParts = angularParts;
        this.cutoffSlot = cutoffSlot;
        cellFunction = new int[radialParts * angularParts];
        Arrays.fill(cellFunction, -1);
        for (int m = 0; m < function.length; m++) cellFunction[radialOf[m] * angularParts + angularOf[m]] = function[m];
        this.windowed = windowed;
        rowParts = new int[radialParts][];
        for (int r = 0; r < radialParts; r++) {
            int row = r;
            rowParts[r] = IntStream.range(0, angularParts)
                    .filter(a -> cellFunction[row * angularParts + a] >= 0).toArray();
        }
    }

    int cells() { return cellFunction.length; }

    /**
     * u_r and du_r/dr of every radial part for one neighbour at distance r &lt; reach into
     * u[at + r], du[at + r]; both exactly zero outside a part's support.
     *
     * @param fc the group's cutoff function at r and dfc its slope (from the per-neighbour cache; 0 if none)
     */
    abstract void neighbourFactors(double r, double fc, double dfc, double[] u, double[] du, int at);

    /**
     * Per pair: A_a into w.angular and, if slopes, dA_a/dcos θ into w.angularSlope. Windowed
     * groups list the nonzero parts in w.activeAngular and return their count (0 when no member
     * can contribute); the others set every part and return a positive number.
     */
    abstract int angularFactors(double cos, DescriptorWorkspace w, boolean slopes);

    /**
     * Narrow types, per pair: v_r(r_jk) into out[at + r] and (dv_r/dr_jk)/r_jk into out[at + R + r]
     * (the chain rule through r_jk = |δ_k − δ_j| needs the slope over r_jk, and dividing once here
     * spares the contraction a square root and a division per pair).
     */
    abstract void jkFactors(double rjk, DescriptorWorkspace w, double[] out, int at);

    /**
     * The neighbours that can take part, with their u_r (weights folded in) and the list of their
     * nonzero radial parts (count at active[c·(R+1)], parts after it). Returns their count.
     */
    private int collect(AtomEnvironment env, int element, DescriptorWorkspace w, int[] cand, double[] u, double[] du, int[] active) {
        int n = env.size, parts = radialParts, c = 0;
        int[] el = env.element;
        double[] dist = env.distance, fcv = w.cutoffValue, fcd = w.cutoffSlope;
        int off = cutoffSlot * n;
        for (int p = 0; p < n; p++) {
            if (element >= 0 && el[p] != element) continue;
            double r = dist[p];
            if (r >= reach) continue;
            int at = c * parts;
            if (cutoffSlot >= 0) neighbourFactors(r, fcv[off + p], fcd[off + p], u, du, at);
            else neighbourFactors(r, 0.0, 0.0, u, du, at);
            double z = weights == null ? 1.0 : weights[el[p]];
            int list = c * (parts + 1), count = 0;
            for (int k = 0; k < parts; k++) {
                if (u[at + k] == 0.0 && du[at + k] == 0.0) continue;
                u[at + k] *= z;
                du[at + k] *= z;
                active[list + 1 + count++] = k;
            }
            if (count == 0) continue;    // outside every window: this neighbour adds nothing
            active[list] = count;
            cand[c++] = p;
        }
        return c;
    }

    /**
     * Adds the members' G into g. Every pair it visits leaves its costly factors in w.pairCache
     * from position cursor on, for {@link #contract} on the same atom to reuse: v_r(r_jk) and
     * slopes for narrow groups (exponentials and f_c(r_jk)), and for windowed angular parts the
     * listed windows with A_a and dA_a/dcos θ (θ and the bumps). Gaussian angular parts are a few
     * multiplications, cheaper to redo than to store. Returns the position after them.
     */
    final int values(AtomEnvironment env, DescriptorWorkspace w, double[] g, int cursor) {
        w.ensureCandidates(env.size, radialParts);
        boolean same = e1 == e2;
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1, w.active1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2, w.active2);
        if (n1 == 0 || n2 == 0) return cursor;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2, act1 = w.active1, actA = w.activeAngular;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2;
        double[] acc = w.accumulator, a = w.angular, pc = w.pairCache, d = env.delta, inverse = env.inverse;
        int parts = radialParts, na = angularParts, record = 2 + 2 * parts + 1 + 3 * na;
        double reach2 = reach * reach;
        Arrays.fill(acc, 0, cells(), 0.0);
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts, lx = x * (parts + 1), nx = act1[lx];
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], iij = inverse[p];
            // narrow groups list, per neighbour, the partners within reach (about half of all
            // pairs for H2O), so the contraction visits only those: [count, then y per pair]
            int listed = cursor, partners = 0;
            if (narrow) {
                if (cursor + record > pc.length) pc = w.growPairCache(cursor + record);
                cursor++;
            }
            for (int y = same ? x + 1 : 0; y < n2; y++) {
                int q = c2[y], uy = y * parts;
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2];
                int vo = 0;
                if (narrow) {
                    double cx = bx - ax, cy = by - ay, cz = bz - az, r2 = cx * cx + cy * cy + cz * cz;
                    if (r2 >= reach2) continue;
                    if (cursor + record > pc.length) pc = w.growPairCache(cursor + record);
                    pc[cursor] = y;
                    jkFactors(Math.sqrt(r2), w, pc, cursor + 1);
                    vo = cursor + 1;
                    cursor += 1 + 2 * parts;
                    partners++;
                } else if (cursor + record > pc.length) {
                    pc = w.growPairCache(cursor + record);
                }
                double cos = (ax * bx + ay * by + az * bz) * (iij * inverse[q]);
                int nAct = angularFactors(cos, w, windowed);
                if (windowed) cursor = saveAngular(w, nAct, pc, cursor);
                if (nAct == 0) continue;
                for (int t = 1; t <= nx; t++) {
                    int r = act1[lx + t];
                    double f = u1[ux + r] * u2[uy + r];
                    if (narrow) f *= pc[vo + r];
                    if (f == 0.0) continue;
                    int row = r * na;
                    int[] list = windowed ? actA : rowParts[r];
                    for (int s = 0, count = windowed ? nAct : list.length; s < count; s++) {
                        int an = list[s];
                        acc[row + an] += f * a[an];
                    }
                }
            }
            if (narrow) pc[listed] = partners;
        }
        for (int k = 0; k < cellFunction.length; k++) if (cellFunction[k] >= 0) g[cellFunction[k]] += acc[k];
        return cursor;
    }

    /**
     * Adds Σ_s c_s ∂G_s/∂δ_p of the members into grad[3p..3p+2] for every neighbour p of the
     * environment, from the coefficients c (indexed like G). Nothing is stored per member.
     *
     * @param cached the pair factors of this atom are in w.pairCache from position cursor on, as
     *               {@link #values} left them; else they are computed here
     */
    final void contract(AtomEnvironment env, DescriptorWorkspace w, double[] c, double[] grad, int cursor, boolean cached) {
        double[] cm = w.coefficient;
        boolean any = false;
        for (int k = 0; k < cellFunction.length; k++) {
            cm[k] = cellFunction[k] < 0 ? 0.0 : c[cellFunction[k]];
            any |= cm[k] != 0.0;
        }
        if (!any) return;
        w.ensureCandidates(env.size, radialParts);
        boolean same = e1 == e2;
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1, w.active1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2, w.active2);
        if (n1 == 0 || n2 == 0) return;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2, act1 = w.active1, actA = w.activeAngular;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2, du1 = w.du1, du2 = same ? w.du1 : w.du2;
        double[] a = w.angular, da = w.angularSlope, d = env.delta, inverse = env.inverse;
        int parts = radialParts, na = angularParts;
        double reach2 = reach * reach;
        double[] pc = cached ? w.pairCache : w.growPairCache(2 * parts);
        boolean listed = narrow && cached;
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts, lx = x * (parts + 1), nx = act1[lx];
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], iij = inverse[p];
            double gpx = 0, gpy = 0, gpz = 0;
            int left = listed ? (int) pc[cursor++] : 0, next = same ? x + 1 : 0;
            while (true) {
                // the partners: as the values pass listed them (those within reach), or all
                int y, vo = 0;
                if (listed) {
                    if (left-- == 0) break;
                    y = (int) pc[cursor];
                    vo = cursor + 1;
                    cursor += 1 + 2 * parts;
                } else {
                    if (next == n2) break;
                    y = next++;
                }
                int q = c2[y], uy = y * parts;
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2], iik = inverse[q];
                double cx = 0, cy = 0, cz = 0;
                if (narrow) {
                    cx = bx - ax; cy = by - ay; cz = bz - az;
                    if (!cached) {
                        double r2 = cx * cx + cy * cy + cz * cz;
                        if (r2 >= reach2) continue;
                        jkFactors(Math.sqrt(r2), w, pc, 0);
                    }
                }
                double inv = iij * iik;
                double cos = (ax * bx + ay * by + az * bz) * inv;
                int nAct;
                if (cached && windowed) {
                    nAct = loadAngular(w, pc, cursor);
                    cursor += 1 + 3 * nAct;
                } else {
                    nAct = angularFactors(cos, w, true);
                }
                if (nAct == 0) continue;
                // ∂E/∂r_ij, ∂E/∂r_ik, ∂E/∂r_jk, ∂E/∂cos θ of this pair, summed over the members
                double fij = 0, fik = 0, fjk = 0, fcos = 0;
                for (int t = 1; t <= nx; t++) {
                    int r = act1[lx + t];
                    double uj = u1[ux + r], uk = u2[uy + r], duk = du2[uy + r], vr = narrow ? pc[vo + r] : 1.0;
                    if (uk == 0.0 && duk == 0.0) continue;      // k outside this part's window
                    double prod = uj * uk;
                    int row = r * na;
                    double sumA = 0, sumDa = 0;
                    int[] list = windowed ? actA : rowParts[r];
                    for (int s = 0, count = windowed ? nAct : list.length; s < count; s++) {
                        int an = list[s];
                        double cc = cm[row + an];
                        sumA += cc * a[an];
                        sumDa += cc * da[an];
                    }
                    double bv = sumA * vr;
                    fij += du1[ux + r] * uk * bv;
                    fik += uj * duk * bv;
                    fcos += prod * vr * sumDa;
                    if (narrow) fjk += prod * pc[vo + parts + r] * sumA;
                }
                // chain rule through r_ij = |a|, r_ik = |b|, r_jk = |b − a|, cos = a·b/(|a||b|)
                double fc = fcos * cos;
                double ca = (fij - fc * iij) * iij;
                double cb = (fik - fc * iik) * iik;
                double cross = fcos * inv;
                double cjk = fjk;      // already over r_jk (see jkFactors)
                gpx += ca * ax + cross * bx - cjk * cx;
                gpy += ca * ay + cross * by - cjk * cy;
                gpz += ca * az + cross * bz - cjk * cz;
                grad[3 * q] += cb * bx + cross * ax + cjk * cx;
                grad[3 * q + 1] += cb * by + cross * ay + cjk * cy;
                grad[3 * q + 2] += cb * bz + cross * az + cjk * cz;
            }
            grad[3 * p] += gpx;
            grad[3 * p + 1] += gpy;
            grad[3 * p + 2] += gpz;
        }
    }

    /**
     * Adds the members' G into g and ∂G_s/∂δ_p into the compact rows: neighbour p's row starts at
     * rowStart[p] and holds, for d = x, y, z, rowLength[p] entries at slot[element of p][s].
     */
    final void derivatives(AtomEnvironment env, DescriptorWorkspace w, double[] g, double[] rows, int[] rowStart,
                           int[] rowLength, int[][] slot) {
        w.ensureCandidates(env.size, radialParts);
        boolean same = e1 == e2;
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1, w.active1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2, w.active2);
        if (n1 == 0 || n2 == 0) return;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2, el = env.element, act1 = w.active1, actA = w.activeAngular;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2, du1 = w.du1, du2 = same ? w.du1 : w.du2;
        double[] acc = w.accumulator, a = w.angular, da = w.angularSlope, pc = w.growPairCache(2 * radialParts);
        double[] d = env.delta, inverse = env.inverse;
        int[] fn = cellFunction;
        int parts = radialParts, na = angularParts;
        double reach2 = reach * reach;
        Arrays.fill(acc, 0, cells(), 0.0);
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts, lx = x * (parts + 1), nx = act1[lx], kp = rowLength[p], op = rowStart[p];
            int[] sp = slot[el[p]];
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], iij = inverse[p];
            for (int y = same ? x + 1 : 0; y < n2; y++) {
                int q = c2[y], uy = y * parts, kq = rowLength[q], oq = rowStart[q];
                int[] sq = slot[el[q]];
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2], iik = inverse[q];
                double cx = 0, cy = 0, cz = 0;
                if (narrow) {
                    cx = bx - ax; cy = by - ay; cz = bz - az;
                    double r2 = cx * cx + cy * cy + cz * cz;
                    if (r2 >= reach2) continue;
                    jkFactors(Math.sqrt(r2), w, pc, 0);
                }
                double inv = iij * iik;
                double cos = (ax * bx + ay * by + az * bz) * inv;
                int nAct = angularFactors(cos, w, true);
                if (nAct == 0) continue;
                // chain rule through r_ij = |a|, r_ik = |b|, r_jk = |b − a|, cos = a·b/(|a||b|)
                double cosij = cos * iij * iij, cosik = cos * iik * iik;
                for (int t = 1; t <= nx; t++) {
                    int r = act1[lx + t];
                    double uj = u1[ux + r], uk = u2[uy + r], duk = du2[uy + r], vr = narrow ? pc[r] : 1.0;
                    if (uk == 0.0 && duk == 0.0) continue;      // k outside this part's window
                    double value = uj * uk * vr;
                    double dj = du1[ux + r] * uk * vr * iij, dk = uj * duk * vr * iik;
                    double djk = narrow ? uj * uk * pc[parts + r] : 0.0;
                    int row = r * na;
                    int[] list = windowed ? actA : rowParts[r];
                    for (int z = 0, count = windowed ? nAct : list.length; z < count; z++) {
                        int an = list[z], cell = row + an, s = fn[cell];
                        if (s < 0) continue;
                        double am = a[an], fcos = value * da[an];
                        acc[cell] += value * am;
                        double ca = dj * am - fcos * cosij;
                        double cb = dk * am - fcos * cosik;
                        double cross = fcos * inv;
                        double cjk = djk * am;
                        int at = op + sp[s], bt = oq + sq[s];
                        rows[at] += ca * ax + cross * bx - cjk * cx;
                        rows[at + kp] += ca * ay + cross * by - cjk * cy;
                        rows[at + 2 * kp] += ca * az + cross * bz - cjk * cz;
                        rows[bt] += cb * bx + cross * ax + cjk * cx;
                        rows[bt + kq] += cb * by + cross * ay + cjk * cy;
                        rows[bt + 2 * kq] += cb * bz + cross * az + cjk * cz;
                    }
                }
            }
        }
        for (int k = 0; k < cellFunction.length; k++) if (cellFunction[k] >= 0) g[cellFunction[k]] += acc[k];
    }

    /**
     * Appends the windowed factors {@link #angularFactors} just left in w (nAct listed parts) to
     * the pair cache at at: nAct, then part, A and dA per listed part. Returns the position after.
     */
    private static int saveAngular(DescriptorWorkspace w, int nAct, double[] pc, int at) {
        double[] a = w.angular, da = w.angularSlope;
        int[] list = w.activeAngular;
        pc[at++] = nAct;
        for (int t = 0; t < nAct; t++) {
            int k = list[t];
            pc[at++] = k;
            pc[at++] = a[k];
            pc[at++] = da[k];
        }
        return at;
    }

    /** Restores what {@link #saveAngular} stored at at into w; returns nAct. */
    private static int loadAngular(DescriptorWorkspace w, double[] pc, int at) {
        double[] a = w.angular, da = w.angularSlope;
        int[] list = w.activeAngular;
        int nAct = (int) pc[at++];
        for (int t = 0; t < nAct; t++) {
            int k = (int) pc[at++];
            list[t] = k;
            a[k] = pc[at++];
            da[k] = pc[at++];
        }
        return nAct;
    }

    /**
     * Splits an element's angular functions into groups and builds each group's parts.
     *
     * @param functions the element's functions in n2p2 order (radial ones are skipped)
     * @param cutoffSlot the row of the per-neighbour cutoff cache of each function (−1 if none)
     */
    static List<AngularGroup> groups(SymmetryFunction[] functions, int[] cutoffSlot) {
        List<List<Integer>> groups = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (int s = 0; s < functions.length; s++) {
            if (!(functions[s] instanceof AngularSymmetryFunction f)) continue;
            int k = part(keys, f.groupKey());
            if (k == groups.size()) groups.add(new ArrayList<>());
            groups.get(k).add(s);
        }
        List<AngularGroup> out = new ArrayList<>();
        for (List<Integer> g : groups) {
            int[] index = g.stream().mapToInt(Integer::intValue).toArray();
            AngularSymmetryFunction first = (AngularSymmetryFunction) functions[index[0]];
            if (first instanceof GaussianAngular) out.add(GaussianAngularGroup.of(functions, index, cutoffSlot[index[0]]));
            else out.add(PolynomialAngularGroup.of(functions, index));
        }
        return out;
    }

    /** Position of key in parts, added at the end if new (parts are few: a linear search is fine). */
    static int part(List<Object> parts, Object key) {
        int k = parts.indexOf(key);
        if (k >= 0) return k;
        parts.add(key);
        return parts.size() - 1;
    }
}
