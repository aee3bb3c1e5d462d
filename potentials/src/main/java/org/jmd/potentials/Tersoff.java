package org.jmd.potentials;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.BlockSums;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * Tersoff potential exactly as LAMMPS's {@code pair_style tersoff}:
 * <pre>
 *   E    = ½ Σ_i Σ_{j≠i} f_C(r_ij) [f_R(r_ij) + b_ij f_A(r_ij)]
 *   f_R  = A exp(−λ1 r),  f_A = −B exp(−λ2 r)
 *   f_C  = 1 (r &lt; R−D),  ½ − ½ sin(π/2 (r−R)/D) (R−D ≤ r ≤ R+D),  0 (r &gt; R+D)
 *   b_ij = (1 + β^n ζ_ij^n)^(−1/2n)
 *   ζ_ij = Σ_{k≠i,j} f_C(r_ik) g(θ_ijk) exp[λ3^m (r_ij − r_ik)^m]
 *   g(θ) = γ (1 + c²/d² − c²/[d² + (cos θ − cos θ0)²])
 * </pre>
 * Pair quantities (A, λ1, B, λ2, β, n and the R, D of f_C(r_ij)) come from the entry ijj; the
 * three-body ones (m, γ, λ3, c, d, cos θ0 and the R, D of f_C(r_ik)) from ijk. m is 1 or 3. The
 * bond order uses LAMMPS's asymptotic forms for very large or small βζ (exact to ~1e-16
 * relative) and its clamp of the exponential's argument to ±69.0776.
 *
 * <p>Per-atom energies follow LAMMPS's {@code compute pe/atom}: each bond term
 * ½ f_C (f_R + b_ij f_A) is split equally between i and j.
 */
public final class Tersoff implements Potential {
    static final String[] COLUMNS = {"m", "gamma", "lambda3", "c", "d", "costheta0", "n", "beta", "lambda2", "B", "R", "D", "lambda1", "A"};
    static final String STYLE = "Tersoff";
    private static final double EXP_LIMIT = 69.0776; // LAMMPS's clamp: exp(±69.08) = 1e±30

    private final ElementTriplets triplets;
    private final int ne;
    private final double cutoff;
    // All indexed by the triplet index (i*ne + j)*ne + k; pair data is read at (i, j, j).
    private final double[] bigA, lambda1, bigB, lambda2, beta, powN, halfOverN, c1, c2, c3, c4;
    private final double[] bigR, bigD, cutSq, gamma, cSq, dSq, cosTheta0, lambda3;
    private final boolean[] cubic;
    /** Largest cutoff² of any triplet starting with element i: the radius of i's short list. */
    private final double[] maxCutSq;


    Tersoff(ElementTriplets triplets) {
        this.triplets = triplets;
        this.ne = triplets.size();
        int nt = ne * ne * ne;
        bigA = new double[nt]; lambda1 = new double[nt]; bigB = new double[nt]; lambda2 = new double[nt];
        beta = new double[nt]; powN = new double[nt]; halfOverN = new double[nt];
        c1 = new double[nt]; c2 = new double[nt]; c3 = new double[nt]; c4 = new double[nt];
        bigR = new double[nt]; bigD = new double[nt]; cutSq = new double[nt]; gamma = new double[nt];
        cSq = new double[nt]; dSq = new double[nt]; cosTheta0 = new double[nt]; lambda3 = new double[nt];
        cubic = new boolean[nt];
        maxCutSq = new double[ne];
        double maxCut = 0;
        for (int i = 0; i < ne; i++)
            for (int j = 0; j < ne; j++)
                for (int k = 0; k < ne; k++) {
                    ManybodyParameterFile.Entry e = triplets.entry(i, j, k);
                    double[] v = e.values();
                    int t = (i * ne + j) * ne + k;
                    validate(e, j == k);
                    cubic[t] = v[0] == 3;
                    gamma[t] = v[1];
                    lambda3[t] = v[2];
                    cSq[t] = v[3] * v[3];
                    dSq[t] = v[4] * v[4];
                    cosTheta0[t] = v[5];
                    powN[t] = v[6];
                    beta[t] = v[7];
                    lambda2[t] = v[8];
                    bigB[t] = v[9];
                    bigR[t] = v[10];
                    bigD[t] = v[11];
                    lambda1[t] = v[12];
                    bigA[t] = v[13];
                    double cut = v[10] + v[11];
                    cutSq[t] = cut * cut;
                    maxCutSq[i] = Math.max(maxCutSq[i], cutSq[t]);
                    maxCut = Math.max(maxCut, cut);
                    double nn = v[6];
                    if (nn > 0) {
                        halfOverN[t] = 0.5 / nn;
                        // Where (1 + x^n)^(−1/2n) equals its one- or two-term expansion to double precision.
                        c1[t] = Math.pow(2 * nn * 1e-16, -1 / nn);
                        c2[t] = Math.pow(2 * nn * 1e-8, -1 / nn);
                        c3[t] = 1 / c2[t];
                        c4[t] = 1 / c1[t];
                    }
                }
        this.cutoff = maxCut;
    }

    private void validate(ManybodyParameterFile.Entry e, boolean pairEntry) {
        double[] v = e.values();
        String where = STYLE + " entry " + e.triplet() + ": ";
        if (v[0] != 1 && v[0] != 3) throw new InputException(triplets.source(), e.line(), where + "m must be 1 or 3, got " + v[0]);
        for (int c : new int[] {1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13}) {
            if (v[c] < 0) throw new InputException(triplets.source(), e.line(), where + COLUMNS[c] + " must not be negative, got " + v[c]);
        }
        if (v[11] > v[10]) throw new InputException(triplets.source(), e.line(), where + "D (" + v[11] + ") must not exceed R (" + v[10] + ")");
        if (pairEntry && v[9] > 0 && !(v[6] > 0)) {
            throw new InputException(triplets.source(), e.line(), where + "n must be positive for a pair entry with B > 0, got " + v[6]);
        }
    }

    /** Reads a LAMMPS {@code .tersoff} file; {@code elements} null means every element in the file. */
    public static Tersoff read(Path file, List<String> elements) {
        ManybodyParameterFile f = ManybodyParameterFile.read(file, STYLE, COLUMNS);
        return new Tersoff(ElementTriplets.select(f, elements, STYLE));
    }

    @Override public double cutoff() { return cutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new CentredTerms(team, triplets, STYLE, Scratch::new); }

    /** One thread's buffers for the neighbors of one atom, grown when a neighborhood is larger than any before. */
    private final class Scratch implements CentredTerms.Kernel {
        private int[] shortPair = new int[64], shortE = new int[64];
        private double[] shortD = new double[3 * 64], shortU = new double[3 * 64], shortR = new double[64], shortR2 = new double[64];
        private double[] dzDrij = new double[64], dzDrik = new double[64], dzDcos = new double[64], cosines = new double[64];
        private double[] force = new double[3 * 64], share = new double[64];

        /**
         * The bonds of atom i: writes the gradient of each pair of i it evaluates (minus the force on the
         * neighbor) and, if {@code shares} is not null, the neighbors' energy shares and i's own
         * energy into {@code ea[i]}; adds i's force to {@code f} and the energy and virial of the
         * bonds to {@code sums}.
         */
        @Override public void atom(int i, double[] pos, int[] type, int[] elementOf, NeighborList list, int[] to, double[] g, double[] shares, double[] ea, double[] f, boolean virial,
                         BlockSums.Accumulator sums) {
            final int ne = Tersoff.this.ne;
            final int[] start = list.startArray(), nb = list.neighborArray(), img = list.imageArray();
            final double[] sh = list.shiftArray();
            final double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2];
            final int ei = elementOf[type[i]];
            final int p0 = start[i], p1 = start[i + 1];
            ensureCapacity(p1 - p0);
            final int[] sp = shortPair, se = shortE;
            final double[] su = shortU, sr = shortR, sr2 = shortR2, fs = force, es = share;
            final double[] zr1 = dzDrij, zr2 = dzDrik, zc = dzDcos, cosv = cosines;
            final double rmax2 = maxCutSq[ei];
            int ns = 0;
            for (int p = p0; p < p1; p++) {
                int j = nb[p], ks = 3 * img[p];
                double dx = pos[3 * j] - xi + sh[ks], dy = pos[3 * j + 1] - yi + sh[ks + 1], dz = pos[3 * j + 2] - zi + sh[ks + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                if (r2 >= rmax2) continue;
                double r = Math.sqrt(r2), rinv = 1 / r;
                sp[ns] = p;
                se[ns] = elementOf[type[j]];
                shortD[3 * ns] = dx; shortD[3 * ns + 1] = dy; shortD[3 * ns + 2] = dz;
                su[3 * ns] = dx * rinv; su[3 * ns + 1] = dy * rinv; su[3 * ns + 2] = dz * rinv;
                sr[ns] = r;
                sr2[ns] = r2;
                fs[3 * ns] = 0; fs[3 * ns + 1] = 0; fs[3 * ns + 2] = 0;
                es[ns] = 0;
                ns++;
            }
            double eiSelf = 0, energy = 0;
            for (int a = 0; a < ns; a++) {
                final int tij = (ei * ne + se[a]) * ne + se[a];
                if (sr2[a] >= cutSq[tij]) continue;
                final double rij = sr[a], uax = su[3 * a], uay = su[3 * a + 1], uaz = su[3 * a + 2];
                final int tBase = (ei * ne + se[a]) * ne;
                // ζ_ij and, for each k, the partial derivatives of its term.
                double zeta = 0;
                for (int b = 0; b < ns; b++) {
                    zr1[b] = 0; zr2[b] = 0; zc[b] = 0;
                    if (b == a) continue;
                    int t = tBase + se[b];
                    if (sr2[b] >= cutSq[t]) continue;
                    double rik = sr[b];
                    double cs = uax * su[3 * b] + uay * su[3 * b + 1] + uaz * su[3 * b + 2];
                    cosv[b] = cs;
                    double fc = cutoffFunction(rik, bigR[t], bigD[t]);
                    double dfc = cutoffDerivative(rik, bigR[t], bigD[t]);
                    double h = cs - cosTheta0[t];
                    double den = dSq[t] + h * h;
                    double gt = gamma[t] * (1 + cSq[t] / dSq[t] - cSq[t] / den);
                    double dgt = gamma[t] * 2 * cSq[t] * h / (den * den);
                    double ex, dex; // exp[λ3^m (rij − rik)^m] and its derivative with respect to rij
                    double lam = lambda3[t];
                    if (lam == 0) {
                        ex = 1; dex = 0;
                    } else {
                        double del = rij - rik;
                        double arg, darg;
                        if (cubic[t]) {
                            double l3 = lam * lam * lam;
                            arg = l3 * del * del * del;
                            darg = 3 * l3 * del * del;
                        } else {
                            arg = lam * del;
                            darg = lam;
                        }
                        ex = arg > EXP_LIMIT ? 1e30 : arg < -EXP_LIMIT ? 0 : Math.exp(arg);
                        dex = darg * ex;
                    }
                    zeta += fc * gt * ex;
                    zr1[b] = fc * gt * dex;
                    zr2[b] = (dfc * ex - fc * dex) * gt;
                    zc[b] = fc * dgt * ex;
                }
                // The bond i–j: repulsion and bond-order-weighted attraction.
                double fcij = cutoffFunction(rij, bigR[tij], bigD[tij]);
                double dfcij = cutoffDerivative(rij, bigR[tij], bigD[tij]);
                double rep = bigA[tij] * Math.exp(-lambda1[tij] * rij);
                double attExp = bigB[tij] * Math.exp(-lambda2[tij] * rij);
                double fa = -attExp * fcij;                                // f_C f_A
                double dfa = attExp * (lambda2[tij] * fcij - dfcij);       // d(f_C f_A)/dr
                double bij, dbij;
                {
                    double x = beta[tij] * zeta, nn = powN[tij];
                    if (x > c1[tij]) {
                        bij = 1 / Math.sqrt(x);
                        dbij = -0.5 * beta[tij] * bij / x;
                    } else if (x > c2[tij]) {
                        double xn = Math.pow(x, -nn), sq = Math.sqrt(x);
                        bij = (1 - xn * halfOverN[tij]) / sq;
                        dbij = -0.5 * beta[tij] / (x * sq) * (1 - (1 + halfOverN[tij]) * xn);
                    } else if (x < c4[tij]) {
                        bij = 1;
                        dbij = 0;
                    } else if (x < c3[tij]) {
                        double xn = Math.pow(x, nn);
                        bij = 1 - xn * halfOverN[tij];
                        dbij = -0.5 * beta[tij] * xn / x;
                    } else {
                        double xn = Math.pow(x, nn);
                        bij = Math.pow(1 + xn, -halfOverN[tij]);
                        dbij = -0.5 * bij / (1 + xn) * xn / zeta;
                    }
                }
                double eBond = 0.5 * (fcij * rep + bij * fa);
                double dEdr = 0.5 * (dfcij * rep - lambda1[tij] * fcij * rep + bij * dfa);
                double prefactor = 0.5 * fa * dbij; // ∂E/∂ζ_ij
                energy += eBond;
                eiSelf += 0.5 * eBond;
                es[a] += 0.5 * eBond;
                // forces: the pair along û_ij, then each k's term through r_ij, r_ik and cos θ
                double gj = -dEdr;
                double fjx = 0, fjy = 0, fjz = 0;
                if (prefactor != 0) {
                    for (int b = 0; b < ns; b++) {
                        double a1 = zr1[b], a2 = zr2[b], a3 = zc[b];
                        if (a1 == 0 && a2 == 0 && a3 == 0) continue;
                        double cs = cosv[b], rik = sr[b];
                        double ubx = su[3 * b], uby = su[3 * b + 1], ubz = su[3 * b + 2];
                        // −P ∂ζ/∂x_j = −P [a1 û_ij + a3 (û_ik − cos û_ij)/r_ij]
                        double pj = prefactor * (a1 - a3 * cs / rij), pjc = prefactor * a3 / rij;
                        fjx -= pj * uax + pjc * ubx;
                        fjy -= pj * uay + pjc * uby;
                        fjz -= pj * uaz + pjc * ubz;
                        // −P ∂ζ/∂x_k = −P [a2 û_ik + a3 (û_ij − cos û_ik)/r_ik]
                        double pk = prefactor * (a2 - a3 * cs / rik), pkc = prefactor * a3 / rik;
                        fs[3 * b] -= pk * ubx + pkc * uax;
                        fs[3 * b + 1] -= pk * uby + pkc * uay;
                        fs[3 * b + 2] -= pk * ubz + pkc * uaz;
                    }
                }
                fs[3 * a] += fjx + gj * uax;
                fs[3 * a + 1] += fjy + gj * uay;
                fs[3 * a + 2] += fjz + gj * uaz;
            }
            CentredTerms.finishAtom(i, ns, sp, shortD, fs, es, eiSelf, energy, to, g, shares, ea, f, virial, sums);
        }

        private void ensureCapacity(int m) {
            if (m <= shortPair.length) return;
            int cap = Math.max(m, shortPair.length * 3 / 2);
            shortPair = new int[cap];
            shortE = new int[cap];
            shortD = new double[3 * cap];
            shortU = new double[3 * cap];
            shortR = new double[cap];
            shortR2 = new double[cap];
            dzDrij = new double[cap];
            dzDrik = new double[cap];
            dzDcos = new double[cap];
            cosines = new double[cap];
            force = new double[3 * cap];
            share = new double[cap];
        }
    }

    static double cutoffFunction(double r, double bigR, double bigD) {
        if (r < bigR - bigD) return 1;
        if (bigD == 0) return 0; // a sharp cutoff: r == R exactly counts as outside
        if (r > bigR + bigD) return 0;
        return 0.5 * (1 - Math.sin(0.5 * Math.PI * (r - bigR) / bigD));
    }

    static double cutoffDerivative(double r, double bigR, double bigD) {
        if (r < bigR - bigD || r > bigR + bigD) return 0;
        return -0.25 * Math.PI / bigD * Math.cos(0.5 * Math.PI * (r - bigR) / bigD);
    }

    @Override public String describe() {
        StringBuilder sb = new StringBuilder("tersoff ").append(triplets.source()).append(" (");
        for (int e = 0; e < ne; e++) sb.append(e == 0 ? "" : " ").append(triplets.element(e));
        return sb.append(')').toString();
    }
}
