package org.jmd.training.nnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jmd.potentials.nnp.BehlerParrinelloDescriptors;
import org.jmd.potentials.nnp.DerivativeLayout;
import org.jmd.potentials.nnp.NetworkShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jmd.potentials.nnp.Activation;

/**
 * The loss gradient with respect to every weight and bias against central finite differences of
 * the loss, separately for the energy term, the force term (the mixed derivative ∂F/∂w) and an
 * invariant-point style term that counts one element only. Descriptors and their derivatives are
 * random here: the gradient is exact for any cached data, so the check does not depend on a
 * descriptor implementation.
 */
class LossGradientTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;   // relative to the largest gradient component

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "LOGISTIC", "SOFTPLUS", "GAUSSIAN", "COS", "HARMONIC", "REVERSE_LOGISTIC", "EXP"})
    void energyForceAndInvariantTermsMatchFiniteDifferences(Activation hidden) {
        SplittableRandom rng = new SplittableRandom(7);
        Activation[] act = {null, hidden, hidden, Activation.IDENTITY};
        NetworkShape[] shapes = {
            new NetworkShape(new int[] {4, 5, 3, 1}, act),
            new NetworkShape(new int[] {3, 4, 2, 1}, act)};
        CachedStructure s = random("s", rng, 6, new int[] {4, 3}, -1, true);
        CachedStructure ip = random("ip", rng, 4, new int[] {4, 3}, 1, false);
        InputScaling scaling = InputScaling.of(List.of(s, ip), new int[] {4, 3});
        NnpModel model = new NnpModel(new String[] {"A", "B"}, shapes, scaling, new double[] {-1.5, -3.0});
        double[] p = model.initialParameters(3, new double[] {0.1, -0.2});
        for (int k = 0; k < p.length; k++) p[k] += 0.3 * rng.nextGaussian(); // away from the symmetric start

        double energyOnly = check(model, p, s, 1.0, 0.0);
        double forceOnly = check(model, p, s, 0.0, 0.7);
        double both = check(model, p, s, 0.4, 0.7);
        double invariant = check(model, p, ip, 2.0, 0.0);
        System.out.printf("%s: relative gradient error energy %.2e force %.2e both %.2e invariant point %.2e%n",
                hidden, energyOnly, forceOnly, both, invariant);
        assertTrue(energyOnly < TOLERANCE, "energy term " + energyOnly);
        assertTrue(forceOnly < TOLERANCE, "force term " + forceOnly);
        assertTrue(both < TOLERANCE, "energy + force " + both);
        assertTrue(invariant < TOLERANCE, "invariant point term " + invariant);
    }

    /** Largest |analytic − numeric| over all parameters, relative to the largest |analytic|. */
    private static double check(NnpModel model, double[] p, CachedStructure s, double we, double wf) {
        StructureEvaluator ev = new StructureEvaluator(model);
        double[] grad = new double[model.parameters];
        ev.accumulate(p, s, we, wf, grad);
        double worst = 0, scale = 0;
        double[] scratch = new double[model.parameters];
        for (int k = 0; k < p.length; k++) {
            double keep = p[k];
            p[k] = keep + STEP;
            double up = ev.accumulate(p, s, we, wf, scratch);
            p[k] = keep - STEP;
            double down = ev.accumulate(p, s, we, wf, scratch);
            p[k] = keep;
            double numeric = (up - down) / (2 * STEP);
            worst = Math.max(worst, Math.abs(numeric - grad[k]));
            scale = Math.max(scale, Math.abs(grad[k]));
        }
        assertTrue(scale > 1e-3, "the gradient should not vanish: " + scale);
        return worst / scale;
    }

    /**
     * A layout whose rows hold every function for any neighbour (weighted radial functions take
     * every neighbour), so random dense derivatives fit it: sizes[e] functions for element e.
     */
    static DerivativeLayout everyFunctionInEveryRow(int[] sizes) {
        String[] symbols = {"H", "He", "Li", "Be"};
        List<String> lines = new ArrayList<>();
        for (int e = 0; e < sizes.length; e++)
            for (int k = 0; k < sizes[e]; k++) lines.add(symbols[e] + " 12 " + (0.1 * (k + 1)) + " 0.0 4.0");
        BehlerParrinelloDescriptors bp = BehlerParrinelloDescriptors.of(List.of(symbols).subList(0, sizes.length), "2", lines);
        for (int e = 0; e < sizes.length; e++)
            for (int n = 0; n < sizes.length; n++) assertTrue(bp.layout().rowLength(e, n) == sizes[e]);
        return bp.layout();
    }

    /** A structure with random descriptors, neighbours, derivatives and labels. */
    static CachedStructure random(String name, SplittableRandom rng, int atoms, int[] sizes, int counted, boolean derivatives) {
        int[] element = new int[atoms];
        for (int i = 0; i < atoms; i++) element[i] = i % sizes.length;
        double[] forces = new double[3 * atoms];
        for (int k = 0; k < forces.length; k++) forces[k] = rng.nextGaussian();
        CachedStructure s = new CachedStructure(name, element, -2.0 + rng.nextGaussian(), counted, forces, derivatives,
                everyFunctionInEveryRow(sizes));
        for (int i = 0; i < atoms; i++) {
            int ns = sizes[element[i]], nn = 3;
            double[] g = new double[ns];
            for (int k = 0; k < ns; k++) g[k] = rng.nextDouble() * (k + 1);
            int[] nb = new int[nn], nbElement = new int[nn];
            for (int q = 0; q < nn; q++) {
                nb[q] = (i + 1 + rng.nextInt(atoms - 1)) % atoms;
                nbElement[q] = element[nb[q]];
            }
            double[] dg = new double[ns * 3 * nn];
            for (int k = 0; k < dg.length; k++) dg[k] = rng.nextGaussian();
            s.add(g, ns, nb, nbElement, nn, derivatives ? dg : null, dg.length);
        }
        return s.seal();
    }
}
