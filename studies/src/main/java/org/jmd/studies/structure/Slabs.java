package org.jmd.studies.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Structures;
import org.jmd.neighbor.Cell;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.joml.Vector3d;

/**
 * Surface slabs cut from a crystal along the (hkl) planes of its conventional cell, periodic in the
 * plane, with vacuum along the normal (the cell stays periodic in all three directions, the third
 * vector perpendicular to the surface and long enough to keep the slab's images apart).
 *
 * <p>The construction is the usual one: two shortest integer vectors m with h·m₁ + k·m₂ + l·m₃ = 0
 * that span the lattice of the plane (their cell has area V/d, V the conventional cell's volume and
 * d the spacing of the planes), and a third with h·m₁ + k·m₂ + l·m₃ = 1, one spacing d up. That cell
 * holds exactly the atoms of the conventional cell; it is stacked {@code layers} times. Where it is
 * cut matters: the cut goes between the two atomic planes that the fewest bonds cross (bonds: pairs
 * closer than 1.2 × the shortest distance in the crystal), e.g. between the bilayers of diamond
 * (111), leaving one dangling bond per surface atom rather than three. Coordinates are rotated so
 * the first in-plane vector lies along x and the surface normal along z.
 */
public final class Slabs {
    /** Integer coefficients searched for the in-plane and stacking vectors. */
    private static final int SEARCH = 6;

    /**
     * A slab and what a surface energy needs.
     *
     * @param system the slab
     * @param area   area of one of its two surfaces (Å²)
     * @param spacing distance between the stacked units along the normal (Å)
     */
    public record Slab(AtomicSystem system, double area, double spacing) {}

    private Slabs() {}

    /**
     * @param miller  h,k,l of the conventional cell (for hexagonal cells the four-index h,k,i,l may be
     *                given; i = −h−k is dropped)
     * @param layers  stacked units (each holds one conventional cell's atoms)
     * @param vacuum  Å of empty space between the slab and its periodic image
     * @param nx      repeats of the first in-plane vector
     * @param ny      repeats of the second
     */
    public static Slab build(Crystal crystal, int[] miller, int layers, double vacuum, int nx, int ny) {
        int[] hkl = threeIndex(miller);
        AtomicSystem bulk = crystal.cell(1.0);
        double[] h = bulk.cell().matrix();
        Vector3d a = row(h, 0), b = row(h, 1), c = row(h, 2);
        double volume = a.dot(new Vector3d(b).cross(c));
        // plane normal from the reciprocal vectors (no 2π): n = h a* + k b* + l c*, spacing d = 1/|n|
        Vector3d as = new Vector3d(b).cross(c).div(volume), bs = new Vector3d(c).cross(a).div(volume), cs = new Vector3d(a).cross(b).div(volume);
        Vector3d n = new Vector3d(as).mul(hkl[0]).add(new Vector3d(bs).mul(hkl[1])).add(new Vector3d(cs).mul(hkl[2]));
        double d = 1 / n.length();
        Vector3d normal = new Vector3d(n).normalize();
        double planeArea = Math.abs(volume) / d;

        List<int[]> inPlane = new ArrayList<>(), stacking = new ArrayList<>();
        for (int i = -SEARCH; i <= SEARCH; i++)
            for (int j = -SEARCH; j <= SEARCH; j++)
                for (int k = -SEARCH; k <= SEARCH; k++) {
                    int dot = hkl[0] * i + hkl[1] * j + hkl[2] * k;
                    if (dot == 0 && (i != 0 || j != 0 || k != 0)) inPlane.add(new int[] {i, j, k});
                    else if (dot == 1) stacking.add(new int[] {i, j, k});
                }
        java.util.Comparator<int[]> byLength = java.util.Comparator.comparingDouble(m -> cartesian(m, a, b, c).lengthSquared());
        inPlane.sort(byLength);
        Vector3d v1 = cartesian(inPlane.get(0), a, b, c), v2 = null;
        for (int[] m : inPlane) {
            Vector3d v = cartesian(m, a, b, c);
            if (Math.abs(new Vector3d(v1).cross(v).length() - planeArea) < 1e-6 * planeArea) { v2 = v; break; }
        }
        if (v2 == null) throw new InputException("miller=" + join(miller) + ": no in-plane cell found among integer vectors up to " + SEARCH);
        // the stacking vector most nearly along the normal
        stacking.sort(java.util.Comparator.comparingDouble(m -> {
            Vector3d v = cartesian(m, a, b, c);
            return new Vector3d(v).sub(new Vector3d(normal).mul(v.dot(normal))).lengthSquared();
        }));
        Vector3d v3 = cartesian(stacking.get(0), a, b, c);
        if (new Vector3d(v1).cross(v2).dot(v3) < 0) { Vector3d t = v1; v1 = v2; v2 = t; }

        // the bulk in the new cell: fractional coordinates, wrapped
        Cell unit = new Cell(new double[] {v1.x, v1.y, v1.z, v2.x, v2.y, v2.z, v3.x, v3.y, v3.z}, new boolean[] {true, true, true});
        int n0 = bulk.size();
        double[] f = new double[3 * n0];
        for (int i = 0; i < n0; i++) {
            unit.toFractional(bulk.x, i, f, i);
            for (int k = 0; k < 3; k++) f[3 * i + k] = wrap(f[3 * i + k]);
        }
        double cut = fewestBondsCut(unit, f, bulk);
        for (int i = 0; i < n0; i++) f[3 * i + 2] = wrap(f[3 * i + 2] - cut);
        double[] x = new double[3 * n0];
        for (int i = 0; i < n0; i++) unit.toCartesian(f, i, x, i);
        AtomicSystem cellAtoms = new AtomicSystem(unit, bulk.speciesTable(), bulk.type, x);
        AtomicSystem stacked = Structures.repeat(cellAtoms, nx, ny, layers);

        // rotate into the surface frame: e1 along v1, e3 along the normal
        Vector3d e1 = new Vector3d(v1).normalize(), e3 = new Vector3d(normal), e2 = new Vector3d(e3).cross(e1);
        double[] rotation = {e1.x, e1.y, e1.z, e2.x, e2.y, e2.z, e3.x, e3.y, e3.z};
        AtomicSystem rotated = Structures.rotate(stacked, rotation);
        double[] hr = rotated.cell().matrix();
        double thickness = layers * d;
        double[] slabCell = {hr[0], hr[1], hr[2], hr[3], hr[4], hr[5], 0, 0, thickness + vacuum};
        AtomicSystem slab = new AtomicSystem(new Cell(slabCell, new boolean[] {true, true, true}), rotated.speciesTable(), rotated.type, rotated.x);
        System.arraycopy(rotated.mass, 0, slab.mass, 0, slab.size());
        double area = new Vector3d(v1).mul(nx).cross(new Vector3d(v2).mul(ny)).length();
        return new Slab(slab, area, d);
    }

    /** Four-index h,k,i,l becomes h,k,l; the result is divided by the greatest common divisor. */
    static int[] threeIndex(int[] miller) {
        int[] hkl;
        if (miller.length == 4) {
            if (miller[2] != -(miller[0] + miller[1])) {
                throw new InputException("miller=" + join(miller) + ": in four-index notation i must be −(h+k) = " + (-(miller[0] + miller[1])));
            }
            hkl = new int[] {miller[0], miller[1], miller[3]};
        } else if (miller.length == 3) {
            hkl = miller.clone();
        } else {
            throw new InputException("miller= expects three indices h,k,l (or four h,k,i,l for hexagonal cells), got " + join(miller));
        }
        int g = Math.abs(gcd(gcd(hkl[0], hkl[1]), hkl[2]));
        if (g == 0) throw new InputException("miller= must not be all zero");
        for (int k = 0; k < 3; k++) hkl[k] /= g;
        return hkl;
    }

    /**
     * The fractional height (along the stacking vector, in [0, 1)) of the cut between atomic planes
     * that the fewest bonds cross; among equals, the widest gap.
     */
    private static double fewestBondsCut(Cell unit, double[] f, AtomicSystem bulk) {
        int n = bulk.size();
        double[] heights = new double[n];
        for (int i = 0; i < n; i++) heights[i] = f[3 * i + 2];
        double[] planes = Arrays.stream(heights).sorted().distinct().toArray();
        List<Double> distinct = new ArrayList<>();
        for (double z : planes) if (distinct.isEmpty() || z - distinct.get(distinct.size() - 1) > 1e-6) distinct.add(z);
        if (distinct.size() == 1) return wrap(distinct.get(0) - 0.5);
        // bonds: every pair within 1.2 × the shortest distance
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) unit.toCartesian(f, i, x, i);
        NeighborList list = new NeighborList();
        CellListSearch search = new CellListSearch();
        search.build(x, n, unit, 6.0, NeighborList.Kind.HALF, list);
        double shortest = Double.POSITIVE_INFINITY;
        double[] delta = new double[3], df = new double[3];
        for (int i = 0; i < n; i++) {
            for (int p = list.start(i); p < list.end(i); p++) {
                list.displacement(x, i, p, delta);
                shortest = Math.min(shortest, Math.sqrt(delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2]));
            }
        }
        double bond = 1.2 * shortest;
        double bestCut = 0, bestGap = -1;
        int bestCount = Integer.MAX_VALUE;
        int m = distinct.size();
        for (int k = 0; k < m; k++) {
            double lo = distinct.get(k), hi = k + 1 < m ? distinct.get(k + 1) : distinct.get(0) + 1;
            double cut = 0.5 * (lo + hi), gap = hi - lo;
            int count = 0;
            for (int i = 0; i < n; i++) {
                for (int p = list.start(i); p < list.end(i); p++) {
                    list.displacement(x, i, p, delta);
                    if (delta[0] * delta[0] + delta[1] * delta[1] + delta[2] * delta[2] > bond * bond) continue;
                    // heights of the two ends along the stacking vector, in units of one spacing
                    unit.toFractional(delta, 0, df, 0);
                    double z0 = heights[i], z1 = heights[i] + df[2];
                    double from = Math.min(z0, z1), to = Math.max(z0, z1);
                    // does cut + integer lie strictly between the ends?
                    if (Math.floor(to - cut) - Math.ceil(from - cut) >= 0 && to - from > 1e-9) count++;
                }
            }
            if (count < bestCount || (count == bestCount && gap > bestGap + 1e-9)) {
                bestCount = count;
                bestGap = gap;
                bestCut = cut;
            }
        }
        return wrap(bestCut);
    }

    private static double wrap(double s) {
        double w = s - Math.floor(s);
        return w > 1 - 1e-9 ? 0 : w;
    }

    private static Vector3d row(double[] h, int r) { return new Vector3d(h[3 * r], h[3 * r + 1], h[3 * r + 2]); }

    private static Vector3d cartesian(int[] m, Vector3d a, Vector3d b, Vector3d c) {
        return new Vector3d(a).mul(m[0]).add(new Vector3d(b).mul(m[1])).add(new Vector3d(c).mul(m[2]));
    }

    private static int gcd(int p, int q) { return q == 0 ? p : gcd(q, p % q); }

    private static String join(int[] m) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < m.length; k++) sb.append(k == 0 ? "" : ",").append(m[k]);
        return sb.toString();
    }
}
