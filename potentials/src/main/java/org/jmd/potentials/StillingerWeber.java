package org.jmd.potentials;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.BlockSums;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * Stillinger–Weber potential exactly as LAMMPS's {@code pair_style sw}:
 * <pre>
 *   E = Σ_i Σ_{j&gt;i} φ2(r_ij) + Σ_i Σ_{j≠i} Σ_{k&gt;j} φ3(r_ij, r_ik, θ_jik)
 *   φ2 = A ε [B (σ/r)^p − (σ/r)^q] exp(σ / (r − aσ))                        (entry ijj)
 *   φ3 = λ_ijk ε_ijk (cos θ_jik − cos θ0_ijk)² exp(γ_ij σ_ij / (r_ij − a_ij σ_ij))
 *                                             exp(γ_ik σ_ik / (r_ik − a_ik σ_ik))
 * </pre>
 * Two-body and radial three-body parameters of the pair i–j come from the entry ijj, the
 * angular ones (λ, ε, cos θ0) from ijk. The cutoff of i–j is a σ, shortened as LAMMPS does when
 * the entry's {@code tol} is positive (tol capped at 0.01; cut + σ/ln(tol), or γσ/ln(tol) when
 * γ &lt; 1), which truncates the energy there without shifting it.
 *
 * <p>Per-atom energies follow LAMMPS's {@code compute pe/atom}: half of each pair term to each
 * atom, a third of each triplet term to each of its three atoms.
 */
public final class StillingerWeber implements Potential {
    /** Number names of an entry after its three elements, in file order. */
    static final String[] COLUMNS = {"epsilon", "sigma", "a", "lambda", "gamma", "costheta0", "A", "B", "p", "q", "tol"};
    static final String STYLE = "Stillinger-Weber";

    private final ElementTriplets triplets;
    private final int ne;
    private final double cutoff;
    // Pair data, indexed by the triplet index of (i, j, j).
    private final double[] cutSq, aSigma, sigma, sigmaGamma, c5, c6, powP, powQ;
    private final int[] intP, intQ; // p, q as integers when they are small whole numbers (else -1)
    // Angular data, indexed by the triplet index of (i, j, k).
    private final double[] lambdaEpsilon, cosTheta0;

    StillingerWeber(ElementTriplets triplets) {
        this.triplets = triplets;
        this.ne = triplets.size();
        int nt = ne * ne * ne;
        cutSq = new double[nt]; aSigma = new double[nt]; sigma = new double[nt]; sigmaGamma = new double[nt];
        c5 = new double[nt]; c6 = new double[nt]; powP = new double[nt]; powQ = new double[nt];
        intP = new int[nt]; intQ = new int[nt];
        lambdaEpsilon = new double[nt]; cosTheta0 = new double[nt];
        double maxCut = 0;
        for (int i = 0; i < ne; i++)
            for (int j = 0; j < ne; j++)
                for (int k = 0; k < ne; k++) {
                    ManybodyParameterFile.Entry e = triplets.entry(i, j, k);
                    double[] v = e.values();
                    double eps = v[0], sig = v[1], a = v[2], lam = v[3], gam = v[4], cos0 = v[5];
                    double bigA = v[6], bigB = v[7], p = v[8], q = v[9], tol = v[10];
                    for (int c = 0; c < v.length; c++) {
                        if (c != 5 && v[c] < 0) {
                            throw new org.jmd.engine.InputException(triplets.source(), e.line(), STYLE + " entry " + e.triplet()
                                    + ": " + COLUMNS[c] + " must not be negative, got " + v[c]);
                        }
                    }
                    int t = (i * ne + j) * ne + k;
                    double cut = a * sig;
                    double filter = cut;
                    if (tol > 0) {
                        // LAMMPS trims the cutoff to where the radial factor falls below tol.
                        double tl = Math.min(tol, 0.01);
                        filter = cut + (gam < 1 ? gam * sig : sig) / Math.log(tl);
                    }
                    cutSq[t] = filter * filter;
                    aSigma[t] = cut;
                    sigma[t] = sig;
                    sigmaGamma[t] = sig * gam;
                    c5[t] = bigA * eps * bigB * Math.pow(sig, p);
                    c6[t] = bigA * eps * Math.pow(sig, q);
                    powP[t] = p;
                    powQ[t] = q;
                    intP[t] = smallWhole(p);
                    intQ[t] = smallWhole(q);
                    lambdaEpsilon[t] = lam * eps;
                    cosTheta0[t] = cos0;
                    if (j == k) maxCut = Math.max(maxCut, filter);
                }
        this.cutoff = maxCut;
    }

    /** Reads a LAMMPS {@code .sw} file; {@code elements} null means every element in the file. */
    public static StillingerWeber read(Path file, List<String> elements) {
        ManybodyParameterFile f = ManybodyParameterFile.read(file, STYLE, COLUMNS);
        return new StillingerWeber(ElementTriplets.select(f, elements, STYLE));
    }

    @Override public double cutoff() { return cutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new CentredTerms(team, triplets, STYLE, Scratch::new); }

    /** One thread's buffers for the neighbors of one atom, grown when a neighborhood is larger than any before. */
    private final class Scratch implements CentredTerms.Kernel {
        private int[] shortPair = new int[64], shortJ = new int[64];
        private double[] shortD = new double[3 * 64], shortU = new double[3 * 64], shortRinv = new double[64];
        private double[] expFactor = new double[64], dLogExp = new double[64];
        private double[] force = new double[3 * 64], share = new double[64];

        /**
         * The terms centred on atom i: writes the gradient of each pair of i it evaluates (the negative of
         * the force on the neighbor) and, if {@code shares} is not null, the neighbors' energy
         * shares and i's own energy into {@code ea[i]}; adds i's force to {@code f} and the energy and
         * virial of the terms to {@code sums}.
         */
        @Override public void atom(int i, double[] x, int[] type, int[] elementOf, NeighborList list, int[] to, double[] g, double[] shares, double[] ea, double[] f, boolean virial,
                         BlockSums.Accumulator sums) {
            final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
            final double[] sh = list.shiftArray();
            final double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            final int ei = elementOf[type[i]], ne = StillingerWeber.this.ne;
            final int p0 = start[i], p1 = start[i + 1];
            ensureCapacity(p1 - p0);
            final int[] sp = shortPair, sj = shortJ;
            final double[] su = shortU, sr = shortRinv, ex = expFactor, dlx = dLogExp, fs = force, es = share;
            // Neighbors within their pair cutoff, with what the triplet loop needs of each.
            int ns = 0;
            double energy = 0, eiSelf = 0;
            for (int p = p0; p < p1; p++) {
                int j = nb[p], k = 3 * img[p];
                double dx = x[3 * j] - xi + sh[k], dy = x[3 * j + 1] - yi + sh[k + 1], dz = x[3 * j + 2] - zi + sh[k + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                int t = ei * ne * ne + elementOf[type[j]] * (ne + 1); // triplet (i, j, j)
                if (r2 >= cutSq[t]) continue;
                double r = Math.sqrt(r2), rinv = 1 / r;
                double ra = 1 / (r - aSigma[t]);
                sp[ns] = p;
                sj[ns] = j;
                shortD[3 * ns] = dx; shortD[3 * ns + 1] = dy; shortD[3 * ns + 2] = dz;
                su[3 * ns] = dx * rinv; su[3 * ns + 1] = dy * rinv; su[3 * ns + 2] = dz * rinv;
                sr[ns] = rinv;
                ex[ns] = Math.exp(sigmaGamma[t] * ra);
                dlx[ns] = -sigmaGamma[t] * ra * ra;
                double fsx = 0, fsy = 0, fsz = 0, share2 = 0;
                if (j > i || (j == i && positiveImage(list, p))) {
                    // Each pair once, from the atom with the smaller index (self-images by image sign).
                    // r^−p and r^−q as powers of 1/r: no division beyond 1/r and 1/(r − aσ)
                    double rpInv = power(rinv, intP[t], powP[t]), rqInv = power(rinv, intQ[t], powQ[t]);
                    double e2 = c5[t] * rpInv - c6[t] * rqInv;
                    double eSig = Math.exp(sigma[t] * ra);
                    double phi = e2 * eSig;
                    double dphi = (-powP[t] * c5[t] * rpInv + powQ[t] * c6[t] * rqInv) * rinv * eSig - phi * sigma[t] * ra * ra;
                    fsx = -dphi * su[3 * ns]; fsy = -dphi * su[3 * ns + 1]; fsz = -dphi * su[3 * ns + 2];
                    energy += phi;
                    share2 = 0.5 * phi;
                    eiSelf += 0.5 * phi;
                }
                fs[3 * ns] = fsx; fs[3 * ns + 1] = fsy; fs[3 * ns + 2] = fsz;
                es[ns] = share2;
                ns++;
            }
            // Triplets j < k (in list order) around i.
            final int base = ei * ne * ne;
            for (int a = 0; a < ns - 1; a++) {
                final double uax = su[3 * a], uay = su[3 * a + 1], uaz = su[3 * a + 2], raInv = sr[a], exa = ex[a], dla = dlx[a];
                final int tj = base + elementOf[type[sj[a]]] * ne;
                double fax = 0, fay = 0, faz = 0, eaShare = 0;
                for (int b = a + 1; b < ns; b++) {
                    int t = tj + elementOf[type[sj[b]]];
                    double ubx = su[3 * b], uby = su[3 * b + 1], ubz = su[3 * b + 2];
                    double cs = uax * ubx + uay * uby + uaz * ubz;
                    double delta = cs - cosTheta0[t];
                    double fexp = lambdaEpsilon[t] * exa * ex[b];
                    double h = fexp * delta * delta;
                    double dhdc = 2 * fexp * delta;
                    // forces on j (a) and k (b): −∂h/∂r · û − ∂h/∂cos · ∂cos/∂x
                    // (multiplying by stored 1/r: a division costs as much as the rest of a triplet)
                    double gca = dhdc * raInv, ga = -h * dla + gca * cs;
                    double gcb = dhdc * sr[b], gb = -h * dlx[b] + gcb * cs;
                    fax += ga * uax - gca * ubx;
                    fay += ga * uay - gca * uby;
                    faz += ga * uaz - gca * ubz;
                    fs[3 * b] += gb * ubx - gcb * uax;
                    fs[3 * b + 1] += gb * uby - gcb * uay;
                    fs[3 * b + 2] += gb * ubz - gcb * uaz;
                    energy += h;
                    double third = h * THIRD;
                    eaShare += third;
                    es[b] += third;
                    eiSelf += third;
                }
                fs[3 * a] += fax; fs[3 * a + 1] += fay; fs[3 * a + 2] += faz;
                es[a] += eaShare;
            }
            CentredTerms.finishAtom(i, ns, sp, shortD, fs, es, eiSelf, energy, to, g, shares, ea, f, virial, sums);
        }

        private void ensureCapacity(int m) {
            if (m <= shortJ.length) return;
            int cap = Math.max(m, shortJ.length * 3 / 2);
            shortPair = new int[cap];
            shortJ = new int[cap];
            shortD = new double[3 * cap];
            shortU = new double[3 * cap];
            shortRinv = new double[cap];
            expFactor = new double[cap];
            dLogExp = new double[cap];
            force = new double[3 * cap];
            share = new double[cap];
        }
    }

    /** For a pair of an atom with its own image, true for one of the two signs of the image. */
    static boolean positiveImage(NeighborList list, int p) {
        for (int k = 0; k < 3; k++) {
            int m = list.image(p, k);
            if (m != 0) return m > 0;
        }
        return false;
    }

    private static final double THIRD = 1.0 / 3;

    /** r^p, by repeated multiplication when p is a small whole number ({@code whole}). */
    static double power(double r, int whole, double p) {
        if (whole < 0) return Math.pow(r, p);
        double v = 1;
        for (int k = 0; k < whole; k++) v *= r;
        return v;
    }

    static int smallWhole(double p) {
        return p == Math.rint(p) && p >= 0 && p <= 16 ? (int) p : -1;
    }

    @Override public String describe() {
        return "sw " + triplets.source() + " (" + String.join(" ", elementNames()) + ")";
    }

    private String[] elementNames() {
        String[] s = new String[ne];
        for (int e = 0; e < ne; e++) s[e] = triplets.element(e);
        return s;
    }
}
