package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.List;
import org.jmd.engine.AtomicSystem;
import org.jmd.neighbor.Cell;

/**
 * The PLIP energy straight from the definitions in docs/plip.md, with none of the kernel's
 * machinery: explicit loops over periodic images, each descriptor summed on its own. Slow; for
 * checking the kernel on small systems.
 */
final class NaivePlip {
    private NaivePlip() {}

    static double energy(PlipModel model, AtomicSystem s) {
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            int c = index(model, s.symbol(i));
            e += model.offset(c);
            List<double[]> nb = neighbours(model, s, i, 12.0); // {dx, dy, dz, r, species}
            for (int t = 0; t < model.terms().size(); t++) {
                PlipTerm term = model.terms().get(t);
                if (term.centre() != c) continue;
                double x = 0;
                switch (term.body()) {
                    case TWO:
                        for (double[] v : nb) if ((int) v[4] == term.neighbour()) x += g(term, v[3]);
                        break;
                    case MANY: {
                        double rho = 0;
                        for (double[] v : nb) if ((int) v[4] == term.neighbour()) rho += g(term, v[3]);
                        x = Math.pow(rho, term.order());
                        break;
                    }
                    case THREE:
                        for (int j = 0; j < nb.size(); j++)
                            for (int k = j + 1; k < nb.size(); k++) {
                                double[] a = nb.get(j), b = nb.get(k);
                                int sa = (int) a[4], sb = (int) b[4];
                                boolean match = (sa == term.neighbour() && sb == term.neighbour2())
                                        || (sb == term.neighbour() && sa == term.neighbour2());
                                if (!match) continue;
                                double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (a[3] * b[3]);
                                x += g(term, a[3]) * g(term, b[3]) * Math.pow(cos, term.order());
                            }
                        break;
                    default: throw new AssertionError();
                }
                e += model.weight(t) * x;
            }
        }
        return e;
    }

    static double g(PlipTerm t, double r) {
        if (r >= t.cutoff()) return 0;
        return Math.exp(-t.a() * (r - t.b()) * (r - t.b())) * 0.5 * (Math.cos(Math.PI * r / t.cutoff()) + 1);
    }

    private static int index(PlipModel m, String symbol) {
        for (int k = 0; k < m.elementCount(); k++) if (m.element(k).equals(symbol)) return k;
        throw new IllegalArgumentException(symbol);
    }

    /** Every image of every atom (other than i itself) closer than rmax to atom i. */
    private static List<double[]> neighbours(PlipModel model, AtomicSystem s, int i, double rmax) {
        Cell c = s.cell();
        int[] span = new int[3];
        for (int k = 0; k < 3; k++) span[k] = c.periodic(k) ? (int) Math.ceil(rmax / c.perpendicularWidth(k)) + 1 : 0;
        List<double[]> out = new ArrayList<>();
        for (int j = 0; j < s.size(); j++)
            for (int a = -span[0]; a <= span[0]; a++)
                for (int b = -span[1]; b <= span[1]; b++)
                    for (int cc = -span[2]; cc <= span[2]; cc++) {
                        if (j == i && a == 0 && b == 0 && cc == 0) continue;
                        double[] d = new double[5];
                        for (int k = 0; k < 3; k++) d[k] = s.x[3 * j + k] - s.x[3 * i + k] + a * c.h(0, k) + b * c.h(1, k) + cc * c.h(2, k);
                        d[3] = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                        if (d[3] >= rmax) continue;
                        d[4] = index(model, s.symbol(j));
                        out.add(d);
                    }
        return out;
    }

}
