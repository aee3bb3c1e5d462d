package org.jmd.potentials.plip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.neighbor.NeighborList;

/**
 * A fitted PLIP model compiled into its combined functions, evaluated one atom at a time:
 * <ul>
 * <li>one pair function φ(r) = Σ w g(r) per centre/neighbour channel (all two-body terms);</li>
 * <li>per many-body radial one density ρ = Σ_j g(r_j) and one embedding polynomial F(ρ) = Σ_m w_m ρ^m;</li>
 * <li>per three-body family (species pair and radial) one polynomial P(cos θ) = Σ_l w_l cos^l θ,
 *     summed over pairs of neighbours ({@link AngularPairs}) or, where that is cheaper, as sums
 *     over single neighbours ({@link AngularMoments}); chosen per atom, both exact.</li>
 * </ul>
 * All Gaussians of one cutoff whose widths are multiples of a common one and whose centres lie on
 * a grid come from two exponentials per neighbour ({@link RadialChannel}, {@link GaussianGrid});
 * the cutoff function from a polynomial ({@link CosineCutoff}). Only terms with a non-zero weight
 * are compiled; a channel without any costs nothing.
 *
 * <p>The kernel is immutable and may be shared by threads: all per-atom work goes to a
 * {@link Scratch}, one per thread, {@link #bind bound} to the system once per force call.
 * Contract of {@link #atom}: returns E_i and writes, for every pair p of atom i in the full
 * list, g_p = ∂E_i/∂δ_p with δ_p = x_j + shift − x_i (zero for pairs beyond the cutoff); the
 * force on the neighbour j is then −g_p, on i +g_p, and the virial W −= δ_p ⊗ g_p. Atom i
 * writes only its own pairs' entries, so atoms may be shared out among threads.
 */
public final class PlipKernel {
    private final String[] elements;
    private final int species;
    private final double[] offsets;
    private final double cutoff;
    /** Per centre: distinct cutoffs and their inverses, the square of the largest, the largest three-body one. */
    private final double[][] cutoffs, inverses;
    private final double[] reach2, reach3;
    private final boolean[] active;
    /** Per channel c·S + s, null when the channel has no term. */
    private final RadialChannel[] channels;
    /** Per channel: its tabulated functions, or null where it is evaluated term by term. */
    private final RadialTable[] tables;
    /** Per channel: row positions of its many-body radials and their density index (per centre). */
    private final int[][] manyPosition, manyIndex;
    /** Per centre: embedding polynomial of each density, coefficients of ρ^0..ρ^P at [k(P+1) + m]. */
    private final double[][] embedding;
    private final int[] manyCount;
    private final int embeddingStride;
    private final AngularMoments[] angular;
    private final AngularPairs[] pairs;
    /**
     * Estimated operations of the two exact three-body formulations, to pick the cheaper one per
     * atom: moments cost momentCost per neighbour plus momentAtomCost, pairs pairCost per pair of
     * neighbours. Only the speed depends on this choice; both give the same energy to round-off.
     */
    private final double[] momentCost, momentAtomCost, pairCost;
    /** Per-atom moment work (contractions, weights, adjoints; short gathers) relative to one summed multiply-add (measured). */
    static final double PER_ATOM_WEIGHT = 13;
    /** Which three-body formulation to use: chosen per atom by cost, or forced (for tests). */
    enum ThreeBody { AUTO, MOMENTS, PAIRS }
    private final ThreeBody method;
    private final int rowWidth, maxCutoffs, maxMany, maxSets, maxMonomials, maxGrid, maxFamilies;

    /** Term by term (exact to round-off) or from tables of the combined radial functions ({@link RadialTable}). */
    public enum Radial { EXACT, TABULATED }

    public PlipKernel(PlipModel model, Radial evaluation) { this(model, ThreeBody.AUTO, evaluation); }

    PlipKernel(PlipModel model, ThreeBody method, Radial evaluation) {
        this.method = method;
        elements = model.elements();
        species = model.elementCount();
        offsets = model.offsets();
        int s2 = species * species;
        // radials per channel, two-body weights, many-body polynomials, three-body terms (non-zero weights only)
        List<Map<List<Double>, Boolean>> radials = new ArrayList<>();
        List<Map<List<Double>, Double>> pairWeights = new ArrayList<>();
        List<Map<List<Double>, double[]>> many = new ArrayList<>();
        for (int ch = 0; ch < s2; ch++) {
            radials.add(new LinkedHashMap<>());
            pairWeights.add(new LinkedHashMap<>());
            many.add(new LinkedHashMap<>());
        }
        List<List<PlipTerm>> three = new ArrayList<>();
        List<List<Double>> threeWeight = new ArrayList<>();
        for (int c = 0; c < species; c++) { three.add(new ArrayList<>()); threeWeight.add(new ArrayList<>()); }
        List<TreeSet<Double>> centreCutoffs = new ArrayList<>();
        for (int c = 0; c < species; c++) centreCutoffs.add(new TreeSet<>());
        double[] r3 = new double[species];
        int maxPower = 0;
        for (int t = 0; t < model.terms().size(); t++) {
            double w = model.weight(t);
            if (w == 0) continue;
            PlipTerm term = model.terms().get(t);
            int c = term.centre();
            List<Double> radial = List.of(term.a(), term.b(), term.cutoff());
            centreCutoffs.get(c).add(term.cutoff());
            int ch = c * species + term.neighbour();
            radials.get(ch).put(radial, true);
            switch (term.body()) {
                case TWO: pairWeights.get(ch).merge(radial, w, Double::sum); break;
                case MANY: {
                    maxPower = Math.max(maxPower, term.order());
                    double[] poly = many.get(ch).computeIfAbsent(radial, k -> new double[PlipTerm.MAX_POWER + 1]);
                    poly[term.order()] += w;
                    break;
                }
                case THREE:
                    radials.get(c * species + term.neighbour2()).put(radial, true);
                    three.get(c).add(term);
                    threeWeight.get(c).add(w);
                    r3[c] = Math.max(r3[c], term.cutoff());
                    break;
                default: throw new AssertionError(term.body());
            }
        }
        cutoffs = new double[species][];
        inverses = new double[species][];
        reach2 = new double[species];
        reach3 = r3;
        active = new boolean[species];
        double max = 0;
        int mc = 0;
        for (int c = 0; c < species; c++) {
            cutoffs[c] = centreCutoffs.get(c).stream().mapToDouble(Double::doubleValue).toArray();
            inverses[c] = new double[cutoffs[c].length];
            for (int k = 0; k < cutoffs[c].length; k++) inverses[c][k] = 1 / cutoffs[c][k];
            double top = cutoffs[c].length == 0 ? 0 : cutoffs[c][cutoffs[c].length - 1];
            reach2[c] = top * top;
            active[c] = top > 0;
            max = Math.max(max, top);
            mc = Math.max(mc, cutoffs[c].length);
        }
        cutoff = max;
        maxCutoffs = mc;
        channels = new RadialChannel[s2];
        manyPosition = new int[s2][];
        manyIndex = new int[s2][];
        embeddingStride = maxPower + 1;
        embedding = new double[species][];
        manyCount = new int[species];
        int width = 0, mm = 0, buffer = 1;
        for (int c = 0; c < species; c++) {
            List<double[]> polys = new ArrayList<>();
            for (int s = 0; s < species; s++) {
                int ch = c * species + s;
                manyPosition[ch] = new int[0];
                manyIndex[ch] = new int[0];
                if (radials.get(ch).isEmpty()) continue;
                List<double[]> list = new ArrayList<>();
                for (List<Double> r : radials.get(ch).keySet()) list.add(new double[] {r.get(0), r.get(1), r.get(2)});
                RadialChannel rc = new RadialChannel(list, cutoffs[c], pairWeights.get(ch));
                channels[ch] = rc;
                width = Math.max(width, rc.width);
                buffer = Math.max(buffer, rc.bufferLength());
                Map<List<Double>, double[]> m = many.get(ch);
                manyPosition[ch] = new int[m.size()];
                manyIndex[ch] = new int[m.size()];
                int k = 0;
                for (Map.Entry<List<Double>, double[]> e : m.entrySet()) {
                    manyPosition[ch][k] = rc.position(e.getKey());
                    manyIndex[ch][k] = polys.size();
                    polys.add(e.getValue());
                    k++;
                }
            }
            manyCount[c] = polys.size();
            mm = Math.max(mm, polys.size());
            embedding[c] = new double[polys.size() * embeddingStride];
            for (int k = 0; k < polys.size(); k++) System.arraycopy(polys.get(k), 0, embedding[c], k * embeddingStride, embeddingStride);
        }
        rowWidth = width;
        maxGrid = buffer;
        maxMany = mm;
        angular = new AngularMoments[species];
        pairs = new AngularPairs[species];
        momentCost = new double[species];
        momentAtomCost = new double[species];
        pairCost = new double[species];
        int sets = 0, monos = 1, families = 0;
        for (int c = 0; c < species; c++) {
            if (three.get(c).isEmpty()) continue;
            List<ThreeBodyTerm> terms = new ArrayList<>();
            for (int k = 0; k < three.get(c).size(); k++) {
                PlipTerm t = three.get(c).get(k);
                List<Double> radial = List.of(t.a(), t.b(), t.cutoff());
                int p1 = channels[c * species + t.neighbour()].position(radial);
                int p2 = channels[c * species + t.neighbour2()].position(radial);
                terms.add(new ThreeBodyTerm(t.neighbour(), t.neighbour2(), p1, p2, t.order(), threeWeight.get(c).get(k)));
            }
            angular[c] = new AngularMoments(species, terms);
            pairs[c] = new AngularPairs(species, terms);
            sets = Math.max(sets, angular[c].setCount());
            monos = Math.max(monos, angular[c].monomials.count);
            families = Math.max(families, pairs[c].familyCount);
            // operations per neighbour and per atom (moments), per pair of neighbours (pairs)
            double summed = 0, stored = 0;
            for (int m = 0; m < angular[c].setCount(); m++) {
                summed += Monomials.start(angular[c].setHigh[m] + 1) - Monomials.start(angular[c].setLow[m]);
                stored += angular[c].setSize(m);
            }
            momentCost[c] = 3 * summed;
            momentAtomCost[c] = PER_ATOM_WEIGHT * stored;
            int perFamily = pairs[c].maxOrder <= AngularPairs.FUSED_ORDER ? 2 * AngularPairs.FUSED_ORDER + 4 : 2 * pairs[c].maxOrder + 4;
            pairCost[c] = pairs[c].familyCount * perFamily;
        }
        maxSets = sets;
        maxMonomials = monos;
        maxFamilies = families;
        tables = new RadialTable[s2];
        if (evaluation == Radial.TABULATED) {
            // the positions a density or a three-body family reads; the rest enter through φ only
            int[][] needed = new int[s2][];
            for (int ch = 0; ch < s2; ch++) {
                if (channels[ch] == null) continue;
                needed[ch] = new int[channels[ch].width];
                for (int p : manyPosition[ch]) needed[ch][p] = RadialTable.ZEROED;
            }
            for (int c = 0; c < species; c++) {
                if (pairs[c] == null) continue;
                AngularPairs ap = pairs[c];
                for (int f = 0; f < ap.familyCount; f++) {
                    int ch1 = c * species + ap.familyN1[f], ch2 = c * species + ap.familyN2[f];
                    int p1 = ap.familyPosition1[f], p2 = ap.familyPosition2[f];
                    // a family of a shorter cutoff than the centre's longest three-body one reads zeros beyond it
                    needed[ch1][p1] = Math.max(needed[ch1][p1], channels[ch1].radialCutoff[p1] < reach3[c] ? RadialTable.ZEROED : RadialTable.THREE_BODY);
                    needed[ch2][p2] = Math.max(needed[ch2][p2], channels[ch2].radialCutoff[p2] < reach3[c] ? RadialTable.ZEROED : RadialTable.THREE_BODY);
                }
            }
            for (int ch = 0; ch < s2; ch++) if (channels[ch] != null) tables[ch] = RadialTable.build(channels[ch], needed[ch]);
        }
    }

    /** Whether every channel is evaluated from tables (false in exact mode, or where a channel could not be tabulated). */
    public boolean tabulated() {
        boolean any = false;
        for (int ch = 0; ch < channels.length; ch++) {
            if (channels[ch] == null) continue;
            if (tables[ch] == null) return false;
            any = true;
        }
        return any;
    }

    /** The table of channel centre·S + neighbour, or null (for tests). */
    RadialTable table(int centre, int neighbour) { return tables[centre * species + neighbour]; }

    /** The largest cutoff of any term with a non-zero weight. */
    public double cutoff() { return cutoff; }

    /** A work space for one thread. */
    public Scratch newScratch() { return new Scratch(this); }

    /**
     * Maps the system's species onto the model's elements into the scratch; once per force call
     * (per scratch), before {@link #atom}. An atom of an element the model does not describe is
     * an input error naming the atom.
     */
    public void bind(AtomicSystem system, Scratch scratch) {
        int n = system.speciesCount();
        if (scratch.speciesMap.length < n) scratch.speciesMap = new int[n];
        boolean complete = true;
        for (int t = 0; t < n; t++) {
            int found = -1;
            for (int e = 0; e < elements.length; e++) if (elements[e].equals(system.species(t))) found = e;
            scratch.speciesMap[t] = found;
            complete &= found >= 0;
        }
        if (complete) return;
        for (int i = 0; i < system.size(); i++) {
            if (scratch.speciesMap[system.type[i]] < 0) {
                throw new InputException("atom " + (i + 1) + " is " + system.symbol(i)
                        + ", which the PLIP model does not describe (its elements: " + String.join(", ", elements) + ")");
            }
        }
    }

    /**
     * The atomic energy E_i, and g_p = ∂E_i/∂δ_p into pairGradient[3p .. 3p+2] for every pair p of
     * atom i in the full list (zero for pairs beyond the cutoff). Reads only this kernel and
     * the scratch, which must have been {@link #bind bound} to the system.
     */
    public double atom(int i, AtomicSystem system, NeighborList list, Scratch sc, double[] pairGradient) {
        int[] map = sc.speciesMap, type = system.type;
        int c = map[type[i]];
        int begin = list.start(i), end = list.end(i);
        Arrays.fill(pairGradient, 3 * begin, 3 * end, 0.0);
        double e = offsets[c];
        if (!active[c]) return e;
        sc.ensure(end - begin);
        int count = gather(i, c, system, list, sc);
        e += sc.energy;
        e += manyBody(c, count, sc);
        if (sc.triplets > 1) e += threeBody(c, sc);
        double[] dEdr = sc.dEdr, u = sc.unit, tan = sc.tangential;
        int[] pair = sc.pair;
        for (int q = 0; q < count; q++) {
            int p = 3 * pair[q];
            double de = dEdr[q];
            pairGradient[p] = de * u[3 * q] + tan[3 * q];
            pairGradient[p + 1] = de * u[3 * q + 1] + tan[3 * q + 1];
            pairGradient[p + 2] = de * u[3 * q + 2] + tan[3 * q + 2];
        }
        return e;
    }

    /**
     * Collects the neighbours within the centre's cutoff with their radial rows, the pair energy
     * (into sc.energy) and the densities; the three-body neighbours are listed (sc.triplet) and
     * grouped by species (sc.members).
     */
    private int gather(int i, int c, AtomicSystem system, NeighborList list, Scratch sc) {
        int[] map = sc.speciesMap, type = system.type, nb = list.neighborArray(), img = list.imageArray();
        double[] pos = system.x, sh = list.shiftArray();
        double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
        double reach = reach2[c], r3 = reach3[c];
        double[] cut = cutoffs[c], inv = inverses[c], fc = sc.cutoffValues;
        double[][] g = sc.g, dg = sc.dg;
        double[] rho = sc.rho;
        int W = rowWidth, S = species;
        AngularMoments am = angular[c];
        Arrays.fill(rho, 0, manyCount[c], 0.0);
        double energy = 0;
        int count = 0, triplets = 0;
        for (int p = list.start(i), end = list.end(i); p < end; p++) {
            int j = nb[p], ks = 3 * img[p];
            double dx = pos[3 * j] - xi + sh[ks], dy = pos[3 * j + 1] - yi + sh[ks + 1], dz = pos[3 * j + 2] - zi + sh[ks + 2];
            double r2 = dx * dx + dy * dy + dz * dz;
            if (r2 >= reach || r2 == 0) continue;
            int s = map[type[j]];
            RadialChannel ch = channels[c * S + s];
            if (ch == null) continue;
            double r = Math.sqrt(r2), ir = 1 / r;
            int q = count++;
            double ux = dx * ir, uy = dy * ir, uz = dz * ir;
            sc.pair[q] = p;
            sc.species[q] = s;
            sc.r[q] = r;
            sc.unit[3 * q] = ux; sc.unit[3 * q + 1] = uy; sc.unit[3 * q + 2] = uz;
            sc.tangential[3 * q] = 0; sc.tangential[3 * q + 1] = 0; sc.tangential[3 * q + 2] = 0;
            RadialTable tab = tables[c * S + s];
            if (tab != null) {
                energy += tab.evaluate(r, g[q], dg[q], sc.dEdr, q);
            } else {
                for (int k = 0; k < cut.length; k++) CosineCutoff.evaluate(r, cut[k], inv[k], fc, 2 * k);
                energy += ch.evaluate(r, fc, g[q], dg[q], sc.dEdr, q, sc.gridBuffer);
            }
            int[] mp = manyPosition[c * S + s], mi = manyIndex[c * S + s];
            for (int k = 0; k < mp.length; k++) rho[mi[k]] += g[q][mp[k]];
            if (am != null && r < r3 && am.speciesStart[s] < am.speciesStart[s + 1]) sc.triplet[triplets++] = q;
        }
        sc.energy = energy;
        sc.triplets = triplets;
        // three-body neighbours grouped by species (a counting sort; one group for one element)
        if (triplets > 0) {
            int[] start = sc.memberStart;
            Arrays.fill(start, 0, S + 1, 0);
            for (int t = 0; t < triplets; t++) start[sc.species[sc.triplet[t]] + 1]++;
            for (int s = 0; s < S; s++) start[s + 1] += start[s];
            for (int t = 0; t < triplets; t++) {
                int q = sc.triplet[t], s = sc.species[q];
                sc.members[start[s]++] = q;
            }
            for (int s = S; s > 0; s--) start[s] = start[s - 1];
            start[0] = 0;
        }
        return count;
    }

    /** Σ F(ρ) over the centre's densities, and F'(ρ) dρ/dr added to each neighbour's dE/dr. */
    private double manyBody(int c, int count, Scratch sc) {
        int n = manyCount[c];
        if (n == 0) return 0;
        double[] poly = embedding[c], rho = sc.rho, dF = sc.dF;
        int P = embeddingStride - 1;
        double e = 0;
        for (int k = 0; k < n; k++) {
            double x = rho[k], f = 0, df = 0;
            int o = k * embeddingStride;
            for (int m = P; m >= 1; m--) {
                df = df * x + f;
                f = f * x + poly[o + m];
            }
            // f is now Σ w_m x^(m−1) and df its derivative; one more Horner step multiplies by x
            df = df * x + f;
            f = f * x;
            e += f;
            dF[k] = df;
        }
        int W = rowWidth, S = species;
        double[][] dg = sc.dg;
        double[] dEdr = sc.dEdr;
        for (int q = 0; q < count; q++) {
            int ch = c * S + sc.species[q];
            int[] mp = manyPosition[ch], mi = manyIndex[ch];
            double de = 0;
            for (int k = 0; k < mp.length; k++) de += dF[mi[k]] * dg[q][mp[k]];
            dEdr[q] += de;
        }
        return e;
    }

    /**
     * The three-body energy, its radial part added to dE/dr and its angular part to
     * sc.tangential, by whichever formulation costs less for this many neighbours.
     */
    private double threeBody(int c, Scratch sc) {
        double n = sc.triplets;
        boolean usePairs = method == ThreeBody.PAIRS
                || method == ThreeBody.AUTO && 0.5 * n * (n - 1) * pairCost[c] < n * momentCost[c] + momentAtomCost[c];
        return usePairs ? byPairs(pairs[c], sc) : byMoments(angular[c], sc);
    }

    private double byPairs(AngularPairs ap, Scratch sc) {
        int n = sc.triplets, F = ap.familyCount;
        double[][] fv = sc.family, df = sc.familyDerivative, R = sc.familySum;
        int[] tri = sc.triplet;
        for (int t = 0; t < n; t++) {
            int q = tri[t];
            ap.row(sc.species[q], sc.g[q], sc.dg[q], fv[t], df[t]);
            Arrays.fill(R[t], 0, F, 0.0);
        }
        double[] u = sc.unit, tan = sc.tangential;
        for (int t1 = 0; t1 < n; t1++) {
            int q1 = tri[t1], s1 = sc.species[q1];
            double x1 = u[3 * q1], y1 = u[3 * q1 + 1], z1 = u[3 * q1 + 2];
            double tx = 0, ty = 0, tz = 0;
            for (int t2 = t1 + 1; t2 < n; t2++) {
                int q2 = tri[t2], from = ap.start(s1, sc.species[q2]), to = ap.end(s1, sc.species[q2]);
                if (from == to) continue;
                double x2 = u[3 * q2], y2 = u[3 * q2 + 1], z2 = u[3 * q2 + 2];
                double cos = x1 * x2 + y1 * y2 + z1 * z2;
                double dc = ap.pair(cos, fv[t1], fv[t2], R[t1], R[t2], from, to, sc.polynomial, sc.polynomialDerivative);
                // ∂cosθ/∂δ₁ = (û₂ − cosθ û₁)/r₁, and symmetrically for δ₂
                double c1 = dc / sc.r[q1], c2 = dc / sc.r[q2];
                tx += c1 * (x2 - cos * x1);
                ty += c1 * (y2 - cos * y1);
                tz += c1 * (z2 - cos * z1);
                tan[3 * q2] += c2 * (x1 - cos * x2);
                tan[3 * q2 + 1] += c2 * (y1 - cos * y2);
                tan[3 * q2 + 2] += c2 * (z1 - cos * z2);
            }
            tan[3 * q1] += tx;
            tan[3 * q1 + 1] += ty;
            tan[3 * q1 + 2] += tz;
        }
        double e = 0;
        for (int t = 0; t < n; t++) {
            e += Dot.of(fv[t], R[t], 0, F);
            sc.dEdr[tri[t]] += Dot.of(df[t], R[t], 0, F);
        }
        return 0.5 * e;
    }

    private double byMoments(AngularMoments am, Scratch sc) {
        int S = species;
        Monomials mono = am.monomials;
        double[] u = sc.unit;
        for (int t = 0; t < sc.triplets; t++) {
            int q = sc.triplet[t];
            mono.evaluate(u[3 * q], u[3 * q + 1], u[3 * q + 2], sc.mono[q], 0);
        }
        for (int m = 0; m < am.setCount(); m++) Arrays.fill(sc.moments[m], 0, am.setSize(m), 0.0);
        Arrays.fill(sc.self, 0, am.setCount(), 0.0);
        for (int s = 0; s < S; s++) {
            if (sc.memberStart[s] < sc.memberStart[s + 1])
                am.accumulate(s, sc.members, sc.memberStart[s], sc.memberStart[s + 1], sc.g, sc.mono, sc.moments, sc.self);
        }
        double e = am.energy(sc.moments, sc.self, sc.adjoint);
        int nm = mono.count;
        double[] lamG = sc.lamG, lamD = sc.lamD, grad = sc.angularGradient;
        for (int t = 0; t < sc.triplets; t++) {
            int q = sc.triplet[t];
            double[] m = sc.mono[q];
            Arrays.fill(lamG, 0, nm, 0.0);
            Arrays.fill(lamD, 0, nm, 0.0);
            int s = sc.species[q];
            double dr = am.backward(s, sc.g[q], sc.dg[q], sc.adjoint, lamG, lamD);
            dr += Dot.of(lamD, m, am.gradientFrom[s], am.gradientTo[s]);
            sc.dEdr[q] += dr;
            // ∂E/∂û from ∂E/∂(û^α), then û = δ/r: ∂û/∂δ = (I − ûûᵀ)/r
            mono.gradient(lamG, am.gradientFrom[s], am.gradientTo[s], m, grad);
            double ux = u[3 * q], uy = u[3 * q + 1], uz = u[3 * q + 2], ir = 1 / sc.r[q];
            double radial = grad[0] * ux + grad[1] * uy + grad[2] * uz;
            sc.tangential[3 * q] += (grad[0] - radial * ux) * ir;
            sc.tangential[3 * q + 1] += (grad[1] - radial * uy) * ir;
            sc.tangential[3 * q + 2] += (grad[2] - radial * uz) * ir;
        }
        return e;
    }

    /**
     * Per-thread work space of a {@link PlipKernel}: the species map of the bound system and the
     * neighbourhood of the current atom. Grows with the largest neighbourhood seen, then is reused.
     */
    public static final class Scratch {
        private final PlipKernel kernel;
        int[] speciesMap = new int[0];
        int capacity;
        int[] pair, species, triplet, members;
        final int[] memberStart;
        double[] r, unit, tangential, dEdr;
        double[][] g, dg, mono, family, familyDerivative, familySum;
        final double[][] moments, adjoint;
        final double[] polynomial, polynomialDerivative;
        final double[] cutoffValues, gridBuffer, rho, dF, self, lamG, lamD, angularGradient = new double[3];
        double energy;
        int triplets;

        private Scratch(PlipKernel k) {
            kernel = k;
            cutoffValues = new double[2 * Math.max(1, k.maxCutoffs)];
            gridBuffer = new double[k.maxGrid];
            rho = new double[k.maxMany];
            dF = new double[k.maxMany];
            moments = new double[k.maxSets][k.maxMonomials];
            adjoint = new double[k.maxSets][k.maxMonomials];
            self = new double[k.maxSets];
            lamG = new double[k.maxMonomials];
            lamD = new double[k.maxMonomials];
            memberStart = new int[k.species + 1];
            polynomial = new double[k.maxFamilies];
            polynomialDerivative = new double[k.maxFamilies];
            grow(32);
        }

        void ensure(int n) {
            if (n > capacity) grow(Math.max(n, capacity * 3 / 2));
        }

        private void grow(int n) {
            capacity = n;
            pair = new int[n];
            species = new int[n];
            triplet = new int[n];
            members = new int[n];
            r = new double[n];
            unit = new double[3 * n];
            tangential = new double[3 * n];
            dEdr = new double[n];
            g = new double[n][kernel.rowWidth];
            dg = new double[n][kernel.rowWidth];
            mono = new double[n][kernel.maxMonomials];
            family = new double[n][kernel.maxFamilies];
            familyDerivative = new double[n][kernel.maxFamilies];
            familySum = new double[n][kernel.maxFamilies];
        }
    }
}
