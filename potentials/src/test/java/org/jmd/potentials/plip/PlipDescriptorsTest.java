package org.jmd.potentials.plip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The design-matrix builder against the potential (offsets + S·w is the energy, D·w the forces)
 * and against finite differences of the descriptor sums themselves, column by column.
 */
class PlipDescriptorsTest {
    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void linearInTheWeights(int set) {
        String[] el = PlipPotentialTest.SPECIES[set];
        PlipModel model = SyntheticPlip.random(el, 31 + set);
        PlipDescriptors desc = new PlipDescriptors(model.elements(), model.terms());
        PlipPotential pot = new PlipPotential(model, "synthetic", PlipKernel.Radial.EXACT); // the descriptors are exact: compared to 1e-11
        AtomicSystem s = Consistency.randomTriclinic(el, 10, 16.0, 1.9, 5 + set);
        int n = s.size(), p = desc.columns();
        double[] sum = new double[p], rows = new double[3 * n * p];
        desc.compute(s, sum, rows);
        ForceResult r = Consistency.evaluate(pot, s);
        double e = 0;
        for (int i = 0; i < n; i++) e += model.offset(index(model, s.symbol(i)));
        for (int t = 0; t < p; t++) e += sum[t] * model.weight(t);
        assertEquals(r.energy, e, 1e-11 * Math.abs(r.energy));
        for (int k = 0; k < 3 * n; k++) {
            double f = 0;
            for (int t = 0; t < p; t++) f += rows[k * p + t] * model.weight(t);
            assertEquals(r.forces[k], f, 1e-11 * Math.max(1, r.maxForceComponent()), "force component " + k);
        }
    }

    @ParameterizedTest @ValueSource(ints = {0, 1, 2})
    void forceRowsAreMinusTheGradientOfEachColumn(int set) {
        String[] el = PlipPotentialTest.SPECIES[set];
        PlipModel model = SyntheticPlip.random(el, 41 + set);
        PlipDescriptors desc = new PlipDescriptors(model.elements(), model.terms());
        AtomicSystem s = Consistency.randomTriclinic(el, 5, 16.0, 1.9, 9);
        int n = s.size(), p = desc.columns();
        double[] sum = new double[p], rows = new double[3 * n * p], sp = new double[p], sm = new double[p], scratch = new double[3 * n * p];
        desc.compute(s, sum, rows);
        double h = 1e-5, worst = 0, scale = 1;
        for (int k = 0; k < 3 * n; k++) {
            AtomicSystem plus = s.copy(), minus = s.copy();
            plus.x[k] += h;
            minus.x[k] -= h;
            desc.compute(plus, sp, scratch);
            desc.compute(minus, sm, scratch);
            for (int t = 0; t < p; t++) {
                worst = Math.max(worst, Math.abs(-(sp[t] - sm[t]) / (2 * h) - rows[k * p + t]));
                scale = Math.max(scale, Math.abs(rows[k * p + t]));
            }
        }
        assertTrue(worst < 1e-7 * scale, "worst column derivative error " + worst + " (largest entry " + scale + ")");
    }

    private static int index(PlipModel m, String symbol) {
        for (int k = 0; k < m.elementCount(); k++) if (m.element(k).equals(symbol)) return k;
        throw new IllegalArgumentException(symbol);
    }
}
