package org.jmd.potentials.nnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.check.Consistency;
import org.jmd.neighbor.CellListSearch;
import org.jmd.neighbor.NeighborList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grouped kernel against the definition of each function: a plain evaluation that calls every
 * function's own {@code term} on every neighbour and neighbour pair (what the kernel did before
 * grouping) gives G and the dense ∂G_s/∂δ_p, and all three kernel paths must agree with it to
 * round-off: values, compact derivative rows, the on-the-fly contraction g_p = Σ_s c_s ∂G_s/∂δ_p
 * (written per list pair, zero beyond the cutoff) and the transposed contraction of the rows.
 */
class GroupedKernelTest {
    static Stream<Arguments> sets() {
        return Stream.of(
            Arguments.of("1 0.3", List.of("H 2 H 0.5 0.0 4.0", "H 2 O 0.8 1.0 4.2", "O 2 H 0.3 0.9 3.8", "O 2 O 1.0 0.0 4.0",
                    "H 3 O H 0.1 1.0 2.0 4.0", "H 3 O H 0.1 -1.0 2.0 4.0", "H 3 O H 0.3 1.0 2.0 4.0", "H 3 H H 0.2 -1.0 1.0 3.9 0.5",
                    "O 3 H H 0.05 1.0 4.5 4.1", "O 3 H H 0.05 -1.0 4.5 4.1", "O 3 H H 0.0 1.0 1.0 4.1",
                    "O 9 H O 0.1 -1.0 1.0 4.0", "O 9 H O 0.1 1.0 3.0 4.0", "H 9 O O 0.3 1.0 3.0 4.0 0.7")),
            Arguments.of("2", List.of("H 2 O 0.5 0.0 4.0", "O 2 H 0.5 0.0 4.0", "H 3 O O 0.1 1.0 1.0 4.0", "O 9 H H 0.1 1.0 2.0 4.0",
                    "O 9 H H 0.1 1.0 2.5 4.0")),
            Arguments.of("7 0.2", List.of("H 12 0.5 0.0 4.0", "O 12 0.2 1.0 4.0", "H 13 0.1 0.0 1.0 1.0 4.0", "H 13 0.1 0.0 -1.0 1.0 4.0",
                    "O 13 0.05 0.5 -1.0 2.0 4.0", "O 2 O 0.5 0.0 4.0")),
            Arguments.of("6 0.0", List.of("H 20 O -4.0 4.0 p1", "H 20 H 0.5 4.0 p2a", "O 20 H 0.8 3.5 p3", "O 20 O -4.0 4.0 p4a",
                    "H 20 O 1.0 4.0 e", "H 21 O H -4.0 4.0 -90.0 90.0 p2", "H 21 H O 0.5 4.0 90.0 270.0 p2a",
                    "H 21 H O 0.5 4.0 0.0 180.0 p2a", "H 21 H O 1.5 3.0 90.0 270.0 p2a", "O 21 H H 0.0 4.0 30.0 150.0 p3",
                    "O 22 H H -4.0 4.0 0.0 180.0 p2a", "O 22 H H -4.0 4.0 60.0 180.0 p2a", "O 22 H H 1.0 3.5 0.0 180.0 p2a",
                    "O 22 O H 0.3 4.0 49.1 169.1 p4", "H 22 O O -4.0 4.0 60.0 180.0 e")),
            // even Gaussian grids (RadialTerms' recurrence), an off-grid member, a second radius
            Arguments.of("6 0.0", List.of("H 2 H 0.0 0.0 4.0", "H 2 H 4.0 0.5 4.0", "H 2 H 4.0 1.0 4.0", "H 2 H 4.0 1.5 4.0",
                    "H 2 H 4.0 2.0 4.0", "H 2 H 4.0 2.5 4.0", "H 2 H 4.0 3.7 4.0", "H 2 O 11.1111 1.5 4.2", "H 2 O 11.1111 1.8 4.2",
                    "H 2 O 11.1111 2.1 4.2", "H 2 O 11.1111 2.4 4.2", "H 2 O 11.1111 2.7 4.2", "H 2 O 11.1111 3.0 4.2",
                    "H 2 O 11.1111 3.3 4.2", "H 2 O 11.1111 3.6 4.2", "H 2 O 11.1111 3.9 4.2", "O 2 H 2.0 1.0 3.5", "O 2 H 2.0 1.5 3.5",
                    "O 2 H 2.0 2.0 3.5", "O 2 O 1.0 0.0 4.0", "H 9 O O 0.1 1.0 4.0 4.0", "O 9 H H 0.1 1.0 4.0 4.0")),
            Arguments.of("6", List.of("H 23 -4.0 4.0 p2", "O 23 0.5 4.0 p3a", "H 24 -4.0 4.0 -90.0 90.0 p2", "O 24 0.0 4.0 0.0 180.0 p2a",
                    "O 24 0.0 4.0 60.0 120.0 p2a", "H 25 -4.0 4.0 90.0 270.0 p4", "O 25 0.2 4.0 20.0 120.0 e")));
    }

    @ParameterizedTest(name = "cutoff_type {0}")
    @MethodSource("sets")
    void kernelPathsAgreeWithEachFunctionsDefinition(String cutoffType, List<String> lines) {
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of("H", "O"), cutoffType, lines);
        Random rnd = new Random(7);
        double worstG = 0, worstRows = 0, worstContract = 0, worstTranspose = 0;
        for (long seed = 1; seed <= 2; seed++) {
            AtomicSystem s = Consistency.randomTriclinic(new String[] {"H", "O"}, 9, 11.0, 0.9, seed);
            NeighborList list = new NeighborList();
            // a skin, so the list holds pairs beyond the cutoff that must get zero gradients
            new CellListSearch().build(s.x, s.size(), s.cell(), bp.cutoff() + 1.0, NeighborList.Kind.FULL, list);
            AtomElements atoms = bp.bind(s);
            DescriptorWorkspace w = bp.workspace(), w2 = bp.workspace();
            double[] pairGradient = new double[3 * list.pairCount()];
            Arrays.fill(pairGradient, Double.NaN);
            for (int i = 0; i < s.size(); i++) {
                int e = atoms.element(i);
                ElementDescriptor d = bp.descriptors[e];
                AtomEnvironment env = new AtomEnvironment();
                env.build(i, s.x, list, atoms.array(), d.cutoff());
                int ns = d.size(), m = env.size;
                double[] g = new double[ns], dense = new double[ns * 3 * m];
                reference(d, env, g, dense);

                assertEquals(ns, w.describe(list, atoms, i));
                double[] values = w.values();
                for (int k = 0; k < ns; k++) worstG = Math.max(worstG, Math.abs(values[k] - g[k]) / Math.max(1, Math.abs(g[k])));

                w2.describeWithDerivatives(list, atoms, i);
                for (int k = 0; k < ns; k++) assertEquals(values[k], w2.values()[k], 1e-14 * Math.max(1, Math.abs(g[k])));
                double[] rows = w2.derivativeRows();
                DerivativeLayout layout = bp.layout();
                double[] fromRows = new double[ns * 3 * m];
                for (int p = 0, o = 0; p < m; p++) {
                    int[] fs = layout.rowFunctions(e, env.element[p]);
                    for (int k = 0; k < fs.length; k++)
                        for (int c = 0; c < 3; c++) fromRows[fs[k] * 3 * m + 3 * p + c] = rows[o + c * fs.length + k];
                    o += 3 * fs.length;
                }
                assertEquals(layout.rowsLength(e, env.element, 0, m), w2.derivativeRowsLength());
                for (int k = 0; k < dense.length; k++) worstRows = Math.max(worstRows, Math.abs(fromRows[k] - dense[k]));

                double[] c = new double[ns], wv = new double[3 * m];
                for (int k = 0; k < ns; k++) c[k] = rnd.nextGaussian();
                for (int k = 0; k < 3 * m; k++) wv[k] = rnd.nextGaussian();
                w.pairGradients(c, pairGradient);
                double[] viaRows = new double[3 * m];
                layout.contract(e, c, env.element, 0, m, rows, 0, viaRows);
                for (int p = 0; p < m; p++)
                    for (int k = 0; k < 3; k++) {
                        double expect = 0;
                        for (int sf = 0; sf < ns; sf++) expect += c[sf] * dense[sf * 3 * m + 3 * p + k];
                        worstContract = Math.max(worstContract, Math.abs(pairGradient[3 * env.pair[p] + k] - expect));
                        worstContract = Math.max(worstContract, Math.abs(viaRows[3 * p + k] - expect));
                    }
                for (int q = list.start(i); q < list.end(i); q++) {
                    boolean inside = false;
                    for (int p = 0; p < m; p++) inside |= env.pair[p] == q;
                    for (int k = 0; k < 3; k++) {
                        assertTrue(!Double.isNaN(pairGradient[3 * q + k]), "every pair of the atom is written");
                        if (!inside) assertEquals(0.0, pairGradient[3 * q + k], 0.0, "pairs beyond the cutoff get zero");
                    }
                }
                double[] v = new double[ns];
                layout.transpose(e, wv, env.element, 0, m, rows, 0, v);
                for (int sf = 0; sf < ns; sf++) {
                    double expect = 0;
                    for (int k = 0; k < 3 * m; k++) expect += dense[sf * 3 * m + k] * wv[k];
                    worstTranspose = Math.max(worstTranspose, Math.abs(v[sf] - expect));
                }
            }
        }
        System.out.printf("cutoff_type %s: G %.1e, rows %.1e, contraction %.1e, transpose %.1e%n",
                cutoffType, worstG, worstRows, worstContract, worstTranspose);
        assertTrue(worstG < 1e-13, "values " + worstG);
        assertTrue(worstRows < 1e-12, "derivative rows " + worstRows);
        assertTrue(worstContract < 1e-12, "contraction " + worstContract);
        assertTrue(worstTranspose < 1e-12, "transpose " + worstTranspose);
    }

    /** G and dense ∂G_s/∂δ_p at [s·3m + 3p + d], function by function through each one's term. */
    private static void reference(ElementDescriptor d, AtomEnvironment env, double[] g, double[] dg) {
        int m = env.size, stride = 3 * m;
        double[] r = env.distance, x = env.delta, t = new double[5], fp = new double[2], fq = new double[2];
        for (int s = 0; s < d.size(); s++) {
            SymmetryFunction f = d.function(s);
            CutoffFunction fc = f.cutoffFunction();
            if (f instanceof RadialSymmetryFunction rf) {
                for (int p = 0; p < m; p++) {
                    cutoff(fc, r[p], fp);
                    if (!rf.term(env.element[p], r[p], fp[0], fp[1], t)) continue;
                    g[s] += t[0];
                    for (int k = 0; k < 3; k++) dg[s * stride + 3 * p + k] += t[1] / r[p] * x[3 * p + k];
                }
                continue;
            }
            AngularSymmetryFunction af = (AngularSymmetryFunction) f;
            for (int p = 0; p < m; p++)
                for (int q = p + 1; q < m; q++) {
                    if (!af.matches(env.element[p], env.element[q])) continue;
                    double[] a = {x[3 * p], x[3 * p + 1], x[3 * p + 2]}, b = {x[3 * q], x[3 * q + 1], x[3 * q + 2]};
                    double rjk = Math.sqrt(sq(b[0] - a[0]) + sq(b[1] - a[1]) + sq(b[2] - a[2]));
                    double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (r[p] * r[q]);
                    double theta = af.needsAngle() ? Math.acos(cos) : 0.0;
                    cutoff(fc, r[p], fp);
                    cutoff(fc, r[q], fq);
                    if (!af.term(env.element[p], env.element[q], r[p], r[q], rjk, cos, theta, fp[0], fp[1], fq[0], fq[1], t)) continue;
                    g[s] += t[0];
                    for (int k = 0; k < 3; k++) {
                        double c = b[k] - a[k];
                        dg[s * stride + 3 * p + k] += t[1] * a[k] / r[p] + t[4] * (b[k] / (r[p] * r[q]) - cos * a[k] / sq(r[p]))
                                - (t[3] == 0 ? 0 : t[3] * c / rjk);
                        dg[s * stride + 3 * q + k] += t[2] * b[k] / r[q] + t[4] * (a[k] / (r[p] * r[q]) - cos * b[k] / sq(r[q]))
                                + (t[3] == 0 ? 0 : t[3] * c / rjk);
                    }
                }
        }
    }

    private static void cutoff(CutoffFunction fc, double r, double[] out) {
        if (fc == null) {
            out[0] = 0;
            out[1] = 0;
        } else {
            fc.evaluate(r, out, 0);
        }
    }

    private static double sq(double v) { return v * v; }
}
