package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random PLIP models over every body type, species channel and several cutoffs, for self-consistency tests. */
final class SyntheticPlip {
    private SyntheticPlip() {}

    static PlipModel random(String[] elements, long seed) {
        Random rnd = new Random(seed);
        int S = elements.length;
        List<PlipTerm> terms = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        double[] cutoffs = {3.6, 4.2, 4.8};
        for (int c = 0; c < S; c++) {
            for (int s = 0; s < S; s++) {
                for (int k = 0; k < 3; k++) {
                    double a = 0.5 + 2 * rnd.nextDouble(), b = 1.8 + 2.5 * rnd.nextDouble(), rc = cutoffs[rnd.nextInt(3)];
                    terms.add(PlipTerm.twoBody(c, s, a, b, rc));
                    w.add(0.3 * rnd.nextGaussian());
                    for (int m = 1; m <= 3; m++) {
                        terms.add(PlipTerm.manyBody(c, s, a, b, rc, m));
                        w.add(0.05 * rnd.nextGaussian() / m);
                    }
                }
                for (int s2 = s; s2 < S; s2++) {
                    for (int k = 0; k < 2; k++) {
                        double a = 0.3 + rnd.nextDouble(), b = 2 + 1.5 * rnd.nextDouble(), rc = cutoffs[rnd.nextInt(3)];
                        for (int l = 0; l <= 4; l++) {
                            if (rnd.nextInt(4) == 0) continue; // gaps in the angular orders are allowed
                            terms.add(PlipTerm.threeBody(c, s2, s, a, b, rc, l));
                            w.add(0.1 * rnd.nextGaussian());
                        }
                    }
                }
            }
        }
        double[] off = new double[S], wt = new double[w.size()];
        for (int c = 0; c < S; c++) off[c] = -3 - rnd.nextDouble();
        for (int t = 0; t < wt.length; t++) wt[t] = w.get(t);
        return new PlipModel(elements, off, terms, wt);
    }

    /**
     * A model shaped like a fit of the trainer's candidate grid: Gaussians on evenly spaced
     * centres (with gaps, several widths, one width a multiple of another), a lone Gaussian off
     * the grid, many-body powers, three-body orders 0…6 with gaps, and some weights exactly zero.
     */
    static PlipModel grid(String[] elements, long seed) {
        Random rnd = new Random(seed);
        int S = elements.length;
        List<PlipTerm> terms = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int c = 0; c < S; c++) {
            for (int s = 0; s < S; s++) {
                for (double a : new double[] {0.5, 4}) {
                    for (int k = 0; k < 12; k++) {
                        if (rnd.nextInt(3) == 0) continue;
                        terms.add(PlipTerm.twoBody(c, s, a, 1.6 + 0.2 * k, 5.0));
                        w.add(rnd.nextInt(8) == 0 ? 0.0 : 0.3 * rnd.nextGaussian());
                    }
                }
                terms.add(PlipTerm.twoBody(c, s, 1.5, 2.05, 5.0));
                w.add(0.2 * rnd.nextGaussian());
                for (int k = 0; k < 6; k++) {
                    for (int m = 2; m <= 3; m++) {
                        if (rnd.nextInt(3) == 0) continue;
                        terms.add(PlipTerm.manyBody(c, s, 1, 1.6 + 0.4 * k, 5.0, m));
                        w.add(0.02 * rnd.nextGaussian() / m);
                    }
                }
                for (int s2 = s; s2 < S; s2++) {
                    for (double a : new double[] {0.5, 2}) {
                        for (int k = 0; k < 6; k++) {
                            for (int l = 0; l <= 6; l++) {
                                if (rnd.nextInt(5) < 2) continue;
                                terms.add(PlipTerm.threeBody(c, s, s2, a, 1.8 + 0.3 * k, 4.2, l));
                                w.add(rnd.nextInt(10) == 0 ? 0.0 : 0.05 * rnd.nextGaussian());
                            }
                        }
                    }
                }
            }
        }
        double[] off = new double[S], wt = new double[w.size()];
        for (int c = 0; c < S; c++) off[c] = -3 - rnd.nextDouble();
        for (int t = 0; t < wt.length; t++) wt[t] = w.get(t);
        return new PlipModel(elements, off, terms, wt);
    }
}
