package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.List;

/**
 * The radial functions one neighbour element contributes to, evaluated together for one
 * neighbour: value and slope of every function, in the order given (zero where a function does
 * not take the neighbour).
 *
 * <p>Runs of plain Gaussians (type 2) with one η and cutoff on an even grid of centres
 * r_s = r_0 + kΔ — the shape of the default sets, where a grid of shifted Gaussians expands the
 * pair term — cost two exponentials per neighbour instead of one per function:
 * <pre>
 *   exp(−η(d − (k+1)Δ)²) = exp(−η(d − kΔ)²) · exp(2ηΔ(d − kΔ) − ηΔ²),   d = r − r_0
 * </pre>
 * and the second factor is itself updated by one product, ·exp(−2ηΔ²), from k to k + 1. Each
 * step adds a few ulps of relative error (about k·1e-16, round-off of G); a run is only formed
 * where no factor can leave the range of doubles on [0, r_c), so no term underflows early.
 * Everything else goes through {@link RadialSymmetryFunction#term}. Immutable.
 */
final class RadialTerms {
    /** Shortest run worth the recurrence. */
    private static final int SHORTEST_RUN = 3;
    /** Largest exponent (in magnitude) a run's factors may reach; exp(±690) is a normal double. */
    private static final double LARGEST_EXPONENT = 690;

    private final RadialSymmetryFunction[] functions;
    private final int[] cutoffSlot;
    /** First function, length and parameters of each run. */
    private final int[] runStart, runLength, runCutoffSlot;
    private final double[] runEta, runFirst, runStep, runRc, runFactor, runFactorStep;
    /** Functions outside every run, evaluated one by one. */
    private final int[] single;

    /**
     * @param all        the element's functions in n2p2 order
     * @param chosen     indices into all of the radial functions this neighbour element takes
     * @param slotOf     row of each function's cutoff function in the per-neighbour cache, or −1
     */
    RadialTerms(SymmetryFunction[] all, int[] chosen, int[] slotOf) {
        int m = chosen.length;
        functions = new RadialSymmetryFunction[m];
        cutoffSlot = new int[m];
        for (int k = 0; k < m; k++) {
            functions[k] = (RadialSymmetryFunction) all[chosen[k]];
            cutoffSlot[k] = slotOf[chosen[k]];
        }
        List<int[]> runs = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int k = 0; k < m; ) {
            int end = k + 1;
            while (end < m && sameGaussian(functions[k], functions[end]) && evenGrid(k, end + 1)) end++;
            if (end - k >= SHORTEST_RUN && inRange(k, end)) {
                runs.add(new int[] {k, end - k});
            } else {
                end = k + 1;
                rest.add(k);
            }
            k = end;
        }
        int nr = runs.size();
        runStart = new int[nr];
        runLength = new int[nr];
        runCutoffSlot = new int[nr];
        runEta = new double[nr];
        runFirst = new double[nr];
        runStep = new double[nr];
        runRc = new double[nr];
        runFactor = new double[nr];
        runFactorStep = new double[nr];
        for (int q = 0; q < nr; q++) {
            int k = runs.get(q)[0], len = runs.get(q)[1];
            GaussianRadial f = (GaussianRadial) functions[k], last = (GaussianRadial) functions[k + len - 1];
            runStart[q] = k;
            runLength[q] = len;
            runCutoffSlot[q] = cutoffSlot[k];
            runEta[q] = f.eta();
            runFirst[q] = f.rs();
            runStep[q] = (last.rs() - f.rs()) / (len - 1);
            runRc[q] = f.cutoff();
            runFactor[q] = Math.exp(-f.eta() * runStep[q] * runStep[q]);
            runFactorStep[q] = runFactor[q] * runFactor[q];
        }
        single = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean sameGaussian(RadialSymmetryFunction a, RadialSymmetryFunction b) {
        return a instanceof GaussianRadial ga && b instanceof GaussianRadial gb && ga.isPlain() && gb.isPlain()
                && ga.eta() > 0 && ga.eta() == gb.eta() && ga.cutoff() == gb.cutoff() && gb.rs() > ga.rs();
    }

    /** Whether the centres of functions [from, to) lie on an even grid (to round-off of their text). */
    private boolean evenGrid(int from, int to) {
        double first = ((GaussianRadial) functions[from]).rs(), last = ((GaussianRadial) functions[to - 1]).rs();
        double step = (last - first) / (to - 1 - from);
        for (int k = from; k < to; k++) {
            double rs = ((GaussianRadial) functions[k]).rs();
            if (Math.abs(rs - (first + (k - from) * step)) > 1e-9 * Math.max(1.0, Math.abs(rs))) return false;
        }
        return true;
    }

    /** Whether every factor of the recurrence stays a normal double for 0 ≤ r &lt; r_c. */
    private boolean inRange(int from, int to) {
        GaussianRadial f = (GaussianRadial) functions[from], last = (GaussianRadial) functions[to - 1];
        double eta = f.eta(), step = (last.rs() - f.rs()) / (to - 1 - from);
        double far = Math.max(Math.max(Math.abs(last.rs()), Math.abs(f.cutoff() - f.rs())), Math.abs(f.rs()));
        return eta * far * far < LARGEST_EXPONENT && 2 * eta * step * far + eta * step * step < LARGEST_EXPONENT;
    }

    /** Number of functions. */
    int size() { return functions.length; }

    /**
     * Value and slope dg/dr of every function for one neighbour of the element at distance r
     * into value[valueAt + k], slope[slopeAt + k] (zero where the function does not take it).
     *
     * @param fcv,fcd the per-neighbour cutoff cache (row c of n neighbours), p the neighbour
     */
    void evaluate(int element, double r, double[] fcv, double[] fcd, int n, int p, double[] value, int valueAt,
                  double[] slope, int slopeAt, double[] t) {
        for (int k : single) {
            int c = cutoffSlot[k], o = c * n + p;
            boolean in = functions[k].term(element, r, c < 0 ? 0 : fcv[o], c < 0 ? 0 : fcd[o], t);
            value[valueAt + k] = in ? t[0] : 0.0;
            slope[slopeAt + k] = in ? t[1] : 0.0;
        }
        for (int q = 0; q < runStart.length; q++) {
            int from = runStart[q], to = from + runLength[q];
            if (r >= runRc[q]) {
                for (int k = from; k < to; k++) { value[valueAt + k] = 0.0; slope[slopeAt + k] = 0.0; }
                continue;
            }
            int o = runCutoffSlot[q] * n + p;
            double fc = fcv[o], dfc = fcd[o], eta = runEta[q], step = runStep[q], d = r - runFirst[q];
            double gauss = Math.exp(-eta * d * d);
            double ratio = Math.exp(2.0 * eta * step * d) * runFactor[q], ratioStep = runFactorStep[q];
            for (int k = from, j = 0; k < to; k++, j++) {
                double dr = d - j * step;
                value[valueAt + k] = gauss * fc;
                slope[slopeAt + k] = gauss * (dfc - 2.0 * eta * dr * fc);
                gauss *= ratio;
                ratio *= ratioStep;
            }
        }
    }
}
