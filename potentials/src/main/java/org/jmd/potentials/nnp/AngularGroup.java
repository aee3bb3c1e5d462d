package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The angular functions of one central element that sum over the same neighbour pairs: same
 * type, same element pair (or all pairs, for the weighted types) and, for Gaussian types, the same
 * cutoff radius. Every member's term factorises as
 * <pre>
 *   g_s(j, k) = w_j w_k · u_r(r_ij) u_r(r_ik) [v_r(r_jk)] · A_a(θ_ijk)        r = r(s), a = a(s)
 * </pre>
 * into a radial part r (Gaussian exp(−η(r − r_s)²) f_c(r), or a compact polynomial bump) and an
 * angular part a ((1 + λ cos θ)^ζ, or a compact bump in θ), and many members share parts: n2p2's
 * sets combine a few radial parts with a few angular ones. So the kernel evaluates u_r once per
 * neighbour, v_r and A_a once per pair, and each member costs one multiply-add; members are stored
 * sorted by radial part, so a radial part that vanishes for a pair (a neighbour outside its window)
 * skips all its members at once.
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
    /** Number of distinct radial parts (R) and angular parts. */
    final int radialParts, angularParts;
    /** Members of radial part r are partStart[r] .. partStart[r+1]−1. */
    private final int[] partStart;
    private final int[] memberAngular;
    /** Row of G (index among the element's sorted functions) of each member. */
    final int[] memberFunction;
    /** Row of the per-neighbour cutoff cache this group's u_r use, or −1 (polynomial parts need none). */
    final int cutoffSlot;

    /**
     * @param radialOf  radial part of each member (in any order)
     * @param angularOf angular part of each member
     * @param function  row of G of each member
     */
    AngularGroup(AngularSymmetryFunction first, double reach, int radialParts, int angularParts,
                 int[] radialOf, int[] angularOf, int[] function, int cutoffSlot) {
        this.narrow = first.isNarrow();
        this.e1 = first.e1;
        this.e2 = first.e2;
        this.weights = first.weights();
        this.reach = reach;
        this.radialParts = radialParts;
        this.angularParts = angularParts;
        this.cutoffSlot = cutoffSlot;
        int n = function.length;
        partStart = new int[radialParts + 1];
        for (int r : radialOf) partStart[r + 1]++;
        for (int r = 0; r < radialParts; r++) partStart[r + 1] += partStart[r];
        memberAngular = new int[n];
        memberFunction = new int[n];
        int[] next = Arrays.copyOf(partStart, radialParts);
        for (int m = 0; m < n; m++) {
            int at = next[radialOf[m]]++;
            memberAngular[at] = angularOf[m];
            memberFunction[at] = function[m];
        }
    }

    int members() { return memberFunction.length; }

    /**
     * u_r and du_r/dr of every radial part for one neighbour at distance r &lt; reach into
     * u[at + r], du[at + r]; zero outside a part's support.
     *
     * @param fc the group's cutoff function at r and dfc its slope (from the per-neighbour cache; 0 if none)
     */
    abstract void neighbourFactors(double r, double fc, double dfc, double[] u, double[] du, int at);

    /**
     * Per pair: A_a and dA_a/dcos θ into w.angular, w.angularSlope; for narrow types also v_r(r_jk)
     * and its slope into w.jk, w.jkSlope. Returns false when no member can contribute.
     */
    abstract boolean pairFactors(double cos, double rjk, DescriptorWorkspace w);

    /** The neighbours that can take part, with their u_r (weights folded in). Returns their count. */
    private int collect(AtomEnvironment env, int element, DescriptorWorkspace w, int[] cand, double[] u, double[] du) {
        int n = env.size, parts = radialParts, c = 0;
        int[] el = env.element;
        double[] dist = env.distance, fcv = w.cutoffValue, fcd = w.cutoffSlope;
        int off = cutoffSlot * n;
        for (int p = 0; p < n; p++) {
            if (element >= 0 && el[p] != element) continue;
            double r = dist[p];
            if (r >= reach) continue;
            cand[c] = p;
            int at = c * parts;
            if (cutoffSlot >= 0) neighbourFactors(r, fcv[off + p], fcd[off + p], u, du, at);
            else neighbourFactors(r, 0.0, 0.0, u, du, at);
            if (weights != null) {
                double z = weights[el[p]];
                for (int k = at; k < at + parts; k++) {
                    u[k] *= z;
                    du[k] *= z;
                }
            }
            c++;
        }
        return c;
    }

    /** Adds the members' G into g. */
    final void values(AtomEnvironment env, DescriptorWorkspace w, double[] g) {
        w.ensureCandidates(env.size, radialParts);
        boolean same = e1 == e2;
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2);
        if (n1 == 0 || n2 == 0) return;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2;
        double[] acc = w.accumulator, a = w.angular, v = w.jk, d = env.delta, dist = env.distance;
        int[] start = partStart, ang = memberAngular;
        int parts = radialParts;
        double reach2 = reach * reach;
        Arrays.fill(acc, 0, members(), 0.0);
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts;
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], rij = dist[p];
            for (int y = same ? x + 1 : 0; y < n2; y++) {
                int q = c2[y], uy = y * parts;
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2], rik = dist[q];
                double rjk = 0;
                if (narrow) {
                    double cx = bx - ax, cy = by - ay, cz = bz - az, r2 = cx * cx + cy * cy + cz * cz;
                    if (r2 >= reach2) continue;
                    rjk = Math.sqrt(r2);
                }
                double cos = (ax * bx + ay * by + az * bz) / (rij * rik);
                if (!pairFactors(cos, rjk, w)) continue;
                for (int r = 0; r < parts; r++) {
                    double f = u1[ux + r] * u2[uy + r];
                    if (narrow) f *= v[r];
                    if (f == 0.0) continue;
                    for (int m = start[r], end = start[r + 1]; m < end; m++) acc[m] += f * a[ang[m]];
                }
            }
        }
        for (int m = 0; m < members(); m++) g[memberFunction[m]] += acc[m];
    }

    /**
     * Adds Σ_s c_s ∂G_s/∂δ_p of the members into grad[3p..3p+2] for every neighbour p of the
     * environment, from the coefficients c (indexed like G). Nothing is stored per member.
     */
    final void contract(AtomEnvironment env, DescriptorWorkspace w, double[] c, double[] grad) {
        double[] cm = w.coefficient;
        boolean any = false;
        for (int m = 0; m < members(); m++) {
            cm[m] = c[memberFunction[m]];
            any |= cm[m] != 0.0;
        }
        if (!any) return;
        w.ensureCandidates(env.size, radialParts);
        boolean same = e1 == e2;
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2);
        if (n1 == 0 || n2 == 0) return;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2, du1 = w.du1, du2 = same ? w.du1 : w.du2;
        double[] a = w.angular, da = w.angularSlope, v = w.jk, dv = w.jkSlope, d = env.delta, dist = env.distance;
        int[] start = partStart, ang = memberAngular;
        int parts = radialParts;
        double reach2 = reach * reach;
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts;
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], rij = dist[p];
            double gpx = 0, gpy = 0, gpz = 0;
            for (int y = same ? x + 1 : 0; y < n2; y++) {
                int q = c2[y], uy = y * parts;
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2], rik = dist[q];
                double cx = 0, cy = 0, cz = 0, rjk = 0;
                if (narrow) {
                    cx = bx - ax; cy = by - ay; cz = bz - az;
                    double r2 = cx * cx + cy * cy + cz * cz;
                    if (r2 >= reach2) continue;
                    rjk = Math.sqrt(r2);
                }
                double inv = 1.0 / (rij * rik);
                double cos = (ax * bx + ay * by + az * bz) * inv;
                if (!pairFactors(cos, rjk, w)) continue;
                // ∂E/∂r_ij, ∂E/∂r_ik, ∂E/∂r_jk, ∂E/∂cos θ of this pair, summed over the members
                double fij = 0, fik = 0, fjk = 0, fcos = 0;
                for (int r = 0; r < parts; r++) {
                    double uj = u1[ux + r], uk = u2[uy + r], vr = narrow ? v[r] : 1.0;
                    double prod = uj * uk;
                    if (prod * vr == 0.0) continue;
                    double sumA = 0, sumDa = 0;
                    for (int m = start[r], end = start[r + 1]; m < end; m++) {
                        double cc = cm[m];
                        int an = ang[m];
                        sumA += cc * a[an];
                        sumDa += cc * da[an];
                    }
                    double bv = sumA * vr;
                    fij += du1[ux + r] * uk * bv;
                    fik += uj * du2[uy + r] * bv;
                    fcos += prod * vr * sumDa;
                    if (narrow) fjk += prod * dv[r] * sumA;
                }
                // chain rule through r_ij = |a|, r_ik = |b|, r_jk = |b − a|, cos = a·b/(|a||b|)
                double ca = fij / rij - fcos * cos / (rij * rij);
                double cb = fik / rik - fcos * cos / (rik * rik);
                double cross = fcos * inv;
                double cjk = narrow ? fjk / rjk : 0.0;
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
        int n1 = collect(env, e1, w, w.cand1, w.u1, w.du1);
        int n2 = same ? n1 : collect(env, e2, w, w.cand2, w.u2, w.du2);
        if (n1 == 0 || n2 == 0) return;
        int[] c1 = w.cand1, c2 = same ? w.cand1 : w.cand2, el = env.element;
        double[] u1 = w.u1, u2 = same ? w.u1 : w.u2, du1 = w.du1, du2 = same ? w.du1 : w.du2;
        double[] acc = w.accumulator, a = w.angular, da = w.angularSlope, v = w.jk, dv = w.jkSlope;
        double[] d = env.delta, dist = env.distance;
        int[] start = partStart, ang = memberAngular, fn = memberFunction;
        int parts = radialParts;
        double reach2 = reach * reach;
        Arrays.fill(acc, 0, members(), 0.0);
        for (int x = 0; x < n1; x++) {
            int p = c1[x], ux = x * parts, kp = rowLength[p], op = rowStart[p];
            int[] sp = slot[el[p]];
            double ax = d[3 * p], ay = d[3 * p + 1], az = d[3 * p + 2], rij = dist[p];
            for (int y = same ? x + 1 : 0; y < n2; y++) {
                int q = c2[y], uy = y * parts, kq = rowLength[q], oq = rowStart[q];
                int[] sq = slot[el[q]];
                double bx = d[3 * q], by = d[3 * q + 1], bz = d[3 * q + 2], rik = dist[q];
                double cx = 0, cy = 0, cz = 0, rjk = 0;
                if (narrow) {
                    cx = bx - ax; cy = by - ay; cz = bz - az;
                    double r2 = cx * cx + cy * cy + cz * cz;
                    if (r2 >= reach2) continue;
                    rjk = Math.sqrt(r2);
                }
                double inv = 1.0 / (rij * rik);
                double cos = (ax * bx + ay * by + az * bz) * inv;
                if (!pairFactors(cos, rjk, w)) continue;
                // chain rule through r_ij = |a|, r_ik = |b|, r_jk = |b − a|, cos = a·b/(|a||b|)
                double iij = 1.0 / rij, iik = 1.0 / rik, ijk = narrow ? 1.0 / rjk : 0.0;
                double cosij = cos * iij * iij, cosik = cos * iik * iik;
                for (int r = 0; r < parts; r++) {
                    double uj = u1[ux + r], uk = u2[uy + r], vr = narrow ? v[r] : 1.0;
                    double value = uj * uk * vr;
                    if (value == 0.0) continue;
                    double dj = du1[ux + r] * uk * vr * iij, dk = uj * du2[uy + r] * vr * iik;
                    double djk = narrow ? uj * uk * dv[r] * ijk : 0.0;
                    for (int m = start[r], end = start[r + 1]; m < end; m++) {
                        double am = a[ang[m]], fcos = value * da[ang[m]];
                        acc[m] += value * am;
                        double ca = dj * am - fcos * cosij;
                        double cb = dk * am - fcos * cosik;
                        double cross = fcos * inv;
                        double cjk = djk * am;
                        int s = fn[m], at = op + sp[s], bt = oq + sq[s];
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
        for (int m = 0; m < members(); m++) g[memberFunction[m]] += acc[m];
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
            Object key = f.groupKey();
            int k = keys.indexOf(key);
            if (k < 0) {
                keys.add(key);
                groups.add(new ArrayList<>());
                k = keys.size() - 1;
            }
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
