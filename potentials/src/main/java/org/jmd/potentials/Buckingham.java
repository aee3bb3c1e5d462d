package org.jmd.potentials;

import java.util.List;
import java.util.Map;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * Rigid-ion model: Buckingham A·exp(−r/ρ) − C/r⁶ per species pair plus the Coulomb energy of
 * point charges, summed by Ewald ({@link CoulombMethod#EWALD}, LAMMPS {@code buck/coul/long} +
 * {@code kspace_style ewald}) or damped shifted force ({@link CoulombMethod#DSF}, LAMMPS
 * {@code buck} + {@code coul/dsf}).
 *
 * <p>The Buckingham term is truncated at the cutoff and, with {@code shift}, shifted to zero
 * there (LAMMPS {@code pair_modify shift yes}); species pairs without parameters have none.
 * The real-space Coulomb term uses the same cutoff and goes through the same pair loop, so one
 * neighbor list serves both. Charges come from {@code charges=} per species, otherwise from the
 * structure's per-atom charges. The Coulomb constant and the real-space erfc follow a
 * {@link CoulombConvention}: LAMMPS's by default, so that the energies, forces and virials agree
 * with LAMMPS's to round-off, or exact.
 *
 * <p>Beware the Buckingham catastrophe: with C &gt; 0 the energy goes to −∞ as r → 0, so a
 * structure with atoms far closer than the potential's minimum can collapse.
 */
public final class Buckingham implements Potential {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private final List<BuckinghamPair> pairs;
    private final Map<String, Double> speciesCharges; // null: use the structure's charges
    private final double cutoff;
    private final boolean shift;
    private final CoulombMethod coulomb;
    private final double ewaldAccuracy;
    private final double alpha;          // DSF damping, or a fixed Ewald α; NaN = choose from accuracy
    private final boolean background;    // allow a net charge under Ewald (uniform neutralising background)
    private final String source;         // where the potential was defined, for errors found at run time
    private final int line;
    private final CoulombConvention convention;
    private final double ke;             // Coulomb constant e²/(4πε₀), eV·Å, of the convention
    private final double dsfEnergyShift, dsfForceShift;


    private Buckingham(Builder b) {
        this.pairs = List.copyOf(b.pairs);
        this.speciesCharges = b.charges == null ? null : Map.copyOf(b.charges);
        this.cutoff = b.cutoff;
        this.shift = b.shift;
        this.coulomb = b.coulomb;
        this.ewaldAccuracy = b.ewaldAccuracy;
        this.alpha = b.alpha;
        this.background = b.background;
        this.source = b.source;
        this.line = b.line;
        this.convention = b.convention;
        this.ke = convention.coulombConstant();
        if (coulomb == CoulombMethod.DSF) {
            // Fennell & Gezelter eq. 19 as LAMMPS coul/dsf writes it: pair energy
            // erfc(αr)/r − e_shift − r·f_shift with f_shift = −(erfc(αr_c)/r_c² + 2α/√π·exp(−α²r_c²)/r_c)
            // and e_shift = erfc(αr_c)/r_c − r_c·f_shift, so energy and force both vanish at r_c
            double erfcRc = ScaledErfc.erfc(alpha * cutoff);
            dsfForceShift = -(erfcRc / (cutoff * cutoff) + TWO_OVER_SQRT_PI * alpha * Math.exp(-alpha * alpha * cutoff * cutoff) / cutoff);
            dsfEnergyShift = erfcRc / cutoff - dsfForceShift * cutoff;
        } else {
            dsfForceShift = dsfEnergyShift = 0;
        }
    }

    @Override public double cutoff() { return cutoff; }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.HALF; }

    public CoulombMethod coulomb() { return coulomb; }

    @Override public ForceWorkspace workspace(ThreadTeam team) { return new Workspace(team); }

    /**
     * One caller's evaluation state: the species table mapped to parameters, the charges, the
     * Ewald set-up of the last cell. The pair loop runs over fixed atom blocks on the team.
     */
    public final class Workspace implements ForceWorkspace {
        private final ThreadTeam team;
        private final EwaldSum ewald = coulomb == CoulombMethod.EWALD ? new EwaldSum(ewaldAccuracy, cutoff, alpha, ke) : null;
        private final PairTerms terms;
        // what the pair terms of the current evaluation need, set before they run
        private int[] type;
        private boolean ewaldReal, dsf;
        private double splitting;
        // species table of the last system, mapped to parameters (rebuilt when the table changes)
        private String[] mappedSpecies = new String[0];
        private int types;
        private boolean[] hasBuck = new boolean[0];
        private double[] buckA = new double[0], buckInvRho = new double[0], buckC = new double[0], buckShift = new double[0];
        private double[] typeCharge = new double[0];
        private double[] q = new double[0];

        Workspace(ThreadTeam team) {
            this.team = team;
            this.terms = new PairTerms(team, Pair::new);
        }

        /** The Ewald splitting parameter chosen for the last structure (1/Å), or the DSF damping; NaN otherwise. */
        public double alpha() {
            return ewald != null ? ewald.alpha() : coulomb == CoulombMethod.DSF ? alpha : Double.NaN;
        }

        /** The reciprocal-space cutoff chosen for the last structure (1/Å); 0 without Ewald. */
        public double kCutoff() { return ewald != null ? ewald.kCutoff() : 0; }

        /** Number of k-vectors (half space) summed for the last structure. */
        public int kVectorCount() { return ewald != null ? ewald.kVectorCount() : 0; }

        @Override public void compute(AtomicSystem system, NeighborList list, int want, ForceResult out) {
            int n = system.size();
            mapSpecies(system);
            boolean charged = coulomb != CoulombMethod.NONE && assignCharges(system);
            double ewaldAlpha = 0;
            if (charged && coulomb == CoulombMethod.EWALD) {
                checkEwaldCell(system);
                try {
                    ewald.prepare(system.cell(), q, n);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
                ewaldAlpha = ewald.alpha();
            }
            pairLoop(system, list, want, out, charged, ewaldAlpha);
            if (charged) {
                if (coulomb == CoulombMethod.EWALD) {
                    ewald.add(system.x, q, n, out, (want & ForceResult.ATOM_ENERGIES) != 0, team);
                } else {
                    // DSF self term −(e_shift/2 + α/√π) k_e q_i², as in LAMMPS coul/dsf
                    double self = -(0.5 * dsfEnergyShift + alpha / Math.sqrt(Math.PI)) * ke;
                    double e = 0;
                    for (int i = 0; i < n; i++) {
                        double ei = self * q[i] * q[i];
                        e += ei;
                        out.atomEnergies[i] += ei;
                    }
                    out.energy += e;
                }
            }
        }

        private void pairLoop(AtomicSystem system, NeighborList list, int want, ForceResult out, boolean charged, double ewaldAlpha) {
            type = system.type;
            ewaldReal = charged && coulomb == CoulombMethod.EWALD;
            dsf = charged && coulomb == CoulombMethod.DSF;
            splitting = ewaldReal ? ewaldAlpha : alpha;
            terms.compute(system, list, want, out, cutoff);
        }

        /** Buckingham and real-space Coulomb terms of one pair; one per thread. */
        private final class Pair implements PairTerms.Pair {
            private int ti;
            private double qi, slope;

            @Override public void centre(int i) {
                ti = type[i] * types;
                qi = ewaldReal || dsf ? ke * q[i] : 0;
            }

            @Override public double energy(int j, double r2) {
                int t = ti + type[j];
                double r = Math.sqrt(r2), rinv = 1 / r, e = 0, dEdr = 0;
                if (hasBuck[t]) {
                    double rep = buckA[t] * Math.exp(-r * buckInvRho[t]);
                    double r2inv = rinv * rinv, disp = buckC[t] * r2inv * r2inv * r2inv;
                    e += rep - disp - buckShift[t];
                    dEdr += -rep * buckInvRho[t] + 6 * disp * rinv;
                }
                double qq = qi == 0 ? 0 : qi * q[j];
                if (qq != 0) {
                    double a = splitting, x = a * r, gauss = Math.exp(-x * x);
                    boolean polynomial = convention.polynomialErfc();
                    // LAMMPS's coul/long writes 2/√π with 9 digits (EWALD_F), its coul/dsf in full
                    double twoOverSqrtPi = polynomial && ewaldReal ? PolynomialErfc.TWO_OVER_SQRT_PI_LAMMPS : TWO_OVER_SQRT_PI;
                    // −d/dr [erfc(αr)/r] = (erfc(αr)/r + 2/√π·α·exp(−α²r²))/r. With LAMMPS's polynomial
                    // erfc this is what LAMMPS computes, polynomial in the first term but the exact
                    // derivative of erfc in the second, so the force is not quite −dE/dr (see
                    // CoulombConvention); reproducing LAMMPS's forces needs exactly this
                    double erfcOverR = (polynomial ? PolynomialErfc.scaled(x) : ScaledErfc.of(x)) * gauss * rinv;
                    double radial = (erfcOverR + twoOverSqrtPi * a * gauss) * rinv;
                    if (ewaldReal) {
                        e += qq * erfcOverR;
                        dEdr -= qq * radial;
                    } else {
                        e += qq * (erfcOverR - dsfEnergyShift - r * dsfForceShift);
                        dEdr -= qq * (radial + dsfForceShift);
                    }
                }
                slope = dEdr * rinv;
                return e;
            }

            @Override public double slope() { return slope; }
        }

        /** Maps the system's species table onto the parameters; only when the table changed. */
        private void mapSpecies(AtomicSystem s) {
            int nt = s.speciesCount();
            boolean same = nt == mappedSpecies.length;
            for (int t = 0; t < nt && same; t++) same = s.species(t).equals(mappedSpecies[t]);
            if (same) return;
            String[] table = s.speciesTable();
            types = nt;
            hasBuck = new boolean[nt * nt];
            buckA = new double[nt * nt];
            buckInvRho = new double[nt * nt];
            buckC = new double[nt * nt];
            buckShift = new double[nt * nt];
            typeCharge = new double[nt];
            for (int a = 0; a < nt; a++) {
                if (speciesCharges != null) typeCharge[a] = speciesCharges.getOrDefault(table[a], Double.NaN);
                for (int b = 0; b < nt; b++) {
                    for (BuckinghamPair p : Buckingham.this.pairs) {
                        if (!p.joins(table[a], table[b])) continue;
                        int t = a * nt + b;
                        hasBuck[t] = true;
                        buckA[t] = p.a();
                        buckInvRho[t] = 1 / p.rho();
                        buckC[t] = p.c();
                        buckShift[t] = shift ? p.a() * Math.exp(-cutoff / p.rho()) - p.c() / Math.pow(cutoff, 6) : 0;
                    }
                }
            }
            mappedSpecies = table;
        }

        /** Fills q; false when every charge is zero (nothing electrostatic to do). */
        private boolean assignCharges(AtomicSystem s) {
            int n = s.size();
            if (q.length < n) q = new double[n];
            boolean any = false;
            if (speciesCharges != null) {
                for (int i = 0; i < n; i++) {
                    double qi = typeCharge[s.type[i]];
                    if (Double.isNaN(qi)) {
                        throw error("charges= gives no charge for species " + s.symbol(i) + " (atom " + (i + 1) + "); it gives "
                                + String.join(", ", speciesCharges.keySet()));
                    }
                    q[i] = qi;
                    any |= qi != 0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    q[i] = s.charge[i];
                    any |= q[i] != 0;
                }
                if (!any) {
                    throw error("coulomb=" + coulomb.keyword() + " but no charges= given and the structure carries no charges;"
                            + " give charges=SPECIES:Q,... or use coulomb=none");
                }
            }
            return any;
        }

        private void checkEwaldCell(AtomicSystem s) {
            if (!s.cell().fullyPeriodic()) {
                throw error("coulomb=ewald needs a cell periodic in all three directions; use coulomb=dsf for clusters and slabs");
            }
            double total = 0, scale = 0;
            for (int i = 0; i < s.size(); i++) {
                total += q[i];
                scale += Math.abs(q[i]);
            }
            if (!background && Math.abs(total) > 1e-8 * Math.max(1, scale)) {
                throw error("coulomb=ewald: the cell has net charge " + total + " e; add background=yes to sum it with a uniform"
                        + " neutralising background (energies of charged cells then depend on that convention)");
            }
        }
    }

    private InputException error(String problem) { return new InputException(source, line, "buckingham: " + problem); }

    @Override public String describe() {
        StringBuilder sb = new StringBuilder("buckingham cutoff=").append(cutoff).append(" shift=").append(shift ? "yes" : "no")
                .append(" coulomb=").append(coulomb.keyword());
        if (coulomb != CoulombMethod.NONE) sb.append(" compat=").append(convention.keyword());
        if (coulomb == CoulombMethod.EWALD) sb.append(" ewald_accuracy=").append(ewaldAccuracy);
        if (!Double.isNaN(alpha)) sb.append(" alpha=").append(alpha);
        if (background) sb.append(" background=yes");
        if (speciesCharges != null) {
            sb.append(" charges=");
            speciesCharges.forEach((k, v) -> sb.append(k).append(':').append(v).append(','));
            sb.setLength(sb.length() - 1);
        }
        if (!pairs.isEmpty()) {
            sb.append(" pairs=");
            for (BuckinghamPair p : pairs) sb.append(p.first()).append('-').append(p.second()).append(':').append(p.a()).append(':')
                    .append(p.rho()).append(':').append(p.c()).append(',');
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** Collects the settings; {@link BuckinghamProvider} fills it from a deck line. */
    public static final class Builder {
        private List<BuckinghamPair> pairs = List.of();
        private Map<String, Double> charges;
        private double cutoff = Double.NaN;
        private boolean shift;
        private CoulombMethod coulomb = CoulombMethod.NONE;
        private double ewaldAccuracy = Double.NaN;
        private double alpha = Double.NaN;
        private boolean background;
        private CoulombConvention convention = CoulombConvention.LAMMPS;
        private String source;
        private int line;

        public Builder pairs(List<BuckinghamPair> p) { this.pairs = p; return this; }
        public Builder charges(Map<String, Double> c) { this.charges = c; return this; }
        public Builder cutoff(double rc) { this.cutoff = rc; return this; }
        public Builder shift(boolean s) { this.shift = s; return this; }
        public Builder coulomb(CoulombMethod m) { this.coulomb = m; return this; }
        public Builder ewaldAccuracy(double a) { this.ewaldAccuracy = a; return this; }
        public Builder alpha(double a) { this.alpha = a; return this; }
        public Builder background(boolean b) { this.background = b; return this; }
        public Builder convention(CoulombConvention c) { this.convention = c; return this; }
        public Builder definedAt(String src, int ln) { this.source = src; this.line = ln; return this; }

        public Buckingham build() {
            if (!(cutoff > 0)) throw new IllegalArgumentException("cutoff must be positive");
            if (coulomb == CoulombMethod.EWALD && !(ewaldAccuracy > 0 && ewaldAccuracy < 1)) throw new IllegalArgumentException("Ewald accuracy must be in (0, 1)");
            if (coulomb == CoulombMethod.DSF && !(alpha >= 0)) throw new IllegalArgumentException("DSF needs alpha >= 0");
            return new Buckingham(this);
        }
    }
}
