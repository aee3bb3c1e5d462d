package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.List;

/**
 * Polynomial angular functions (types 21, 22, 24, 25) of one group: radial parts are compact bumps
 * C on windows (r_l, r_c), angular parts compact bumps on windows [θ_l, θ_r]. θ = acos(cos θ) is
 * taken once per pair, each angular window costs one bump evaluation per pair and each radial
 * window one per neighbour (and one of r_jk per pair for the narrow types). As in n2p2, pairs at
 * exactly 0° or 180° are skipped (dθ/dcos θ is singular there).
 */
final class PolynomialAngularGroup extends AngularGroup {
    private final CompactFunction[] radial, angular;
    private final double[] rl, rc, rl2, rc2, left, right;

    private PolynomialAngularGroup(PolynomialAngular first, List<PolynomialAngular> radialParts, List<PolynomialAngular> angularParts,
                                   double reach, int[] radialOf, int[] angularOf, int[] function) {
        super(first, reach, radialParts.size(), angularParts.size(), radialOf, angularOf, function, -1, true);
        int nr = radialParts.size(), na = angularParts.size();
        radial = new CompactFunction[nr];
        rl = new double[nr];
        rc = new double[nr];
        rl2 = new double[nr];
        rc2 = new double[nr];
        for (int r = 0; r < nr; r++) {
            PolynomialAngular f = radialParts.get(r);
            radial[r] = f.radial;
            rl[r] = f.rl;
            rc[r] = f.rc;
            rl2[r] = f.rl2;
            rc2[r] = f.rc2;
        }
        angular = new CompactFunction[na];
        left = new double[na];
        right = new double[na];
        for (int a = 0; a < na; a++) {
            PolynomialAngular f = angularParts.get(a);
            angular[a] = f.angular;
            left[a] = f.left;
            right[a] = f.right;
        }
    }

    /** The group of functions[index[..]], all polynomial angular with the same group key. */
    static PolynomialAngularGroup of(SymmetryFunction[] functions, int[] index) {
        List<Object> radialKeys = new ArrayList<>(), angularKeys = new ArrayList<>();
        List<PolynomialAngular> radialParts = new ArrayList<>(), angularParts = new ArrayList<>();
        int[] radialOf = new int[index.length], angularOf = new int[index.length];
        double reach = 0;
        for (int m = 0; m < index.length; m++) {
            PolynomialAngular f = (PolynomialAngular) functions[index[m]];
            radialOf[m] = part(radialKeys, f.radialKey());
            if (radialOf[m] == radialParts.size()) radialParts.add(f);
            angularOf[m] = part(angularKeys, f.angularKey());
            if (angularOf[m] == angularParts.size()) angularParts.add(f);
            reach = Math.max(reach, f.rc);
        }
        return new PolynomialAngularGroup((PolynomialAngular) functions[index[0]], radialParts, angularParts, reach,
                radialOf, angularOf, index);
    }

    @Override void neighbourFactors(double r, double fc, double dfc, double[] u, double[] du, int at) {
        for (int k = 0; k < radial.length; k++) {
            if (r > rl[k] && r < rc[k]) {
                radial[k].evaluate(r, u, du, at + k);
            } else {
                u[at + k] = 0.0;
                du[at + k] = 0.0;
            }
        }
    }

    @Override void jkFactors(double rjk, DescriptorWorkspace w, double[] out, int at) {
        double r2 = rjk * rjk;
        int parts = radial.length;
        for (int k = 0; k < parts; k++) {
            if (r2 >= rc2[k] || r2 <= rl2[k]) {
                out[at + k] = 0.0;
                out[at + parts + k] = 0.0;
            } else {
                out[at + k] = radial[k].value(rjk);
                out[at + parts + k] = radial[k].derivative(rjk) / rjk;
            }
        }
    }

    @Override int angularFactors(double cos, DescriptorWorkspace w, boolean slopes) {
        // the angular bump vanishes at 0° and 180°, where dθ/dcos θ is singular: skip as n2p2 does
        if (cos <= -1.0 || cos >= 1.0) return 0;
        double theta = ArcCosine.of(cos);
        double[] a = w.angular, da = w.angularSlope;
        int[] active = w.activeAngular;
        int count = 0;
        for (int k = 0; k < angular.length; k++) {
            if (theta < left[k] || theta > right[k]) continue;
            if (slopes) {
                angular[k].evaluate(theta, a, da, k);
                da[k] *= -1.0 / Math.sqrt(1.0 - cos * cos);     // dθ/dcos θ
            } else {
                a[k] = angular[k].value(theta);
            }
            active[count++] = k;
        }
        return count;
    }
}
