package org.jmd.potentials;

import org.jmd.engine.Arguments;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialProvider;

/**
 * {@code potential buckingham cutoff=RC [shift=yes|no] coulomb=none|ewald|dsf
 * [ewald_accuracy=ACC] [alpha=A] [background=yes|no] [compat=lammps|exact] [charges=S:Q,...] [pairs=S-T:A:rho:C,...]}.
 */
public final class BuckinghamProvider implements PotentialProvider {
    @Override public String name() { return "buckingham"; }

    @Override public String usage() {
        return "buckingham cutoff=RC [shift=yes|no] coulomb=none|ewald|dsf [ewald_accuracy=ACC (ewald)] [alpha=A (1/Å; dsf, or a fixed Ewald α)]"
                + " [background=yes (ewald, charged cell)] [compat=lammps|exact (Coulomb constant and erfc as LAMMPS, the default, or exact)]"
                + " [charges=Zn:2,O:-2] pairs=Zn-O:A:rho:C,...   (eV, Å, eV·Å^6, e)";
    }

    @Override public Potential create(Arguments a) {
        a.requirePositionalAtMost(0);
        Buckingham.Builder b = new Buckingham.Builder().definedAt(a.source(), a.line());
        double rc = a.parseReal("cutoff", required(a, "cutoff", "the Buckingham and real-space Coulomb cutoff in Å"));
        if (!(rc > 0)) throw a.error("cutoff must be positive, got " + rc);
        b.cutoff(rc).shift(a.bool("shift", false));
        required(a, "coulomb", "one of none, ewald, dsf");
        CoulombMethod method = CoulombMethod.valueOf(a.choice("coulomb", null, "none", "ewald", "dsf").toUpperCase());
        b.coulomb(method);
        switch (method) {
            case EWALD -> {
                double acc = a.parseReal("ewald_accuracy", required(a, "ewald_accuracy", "coulomb=ewald needs the relative force accuracy, e.g. 1e-6"));
                if (!(acc > 0 && acc < 1)) throw a.error("ewald_accuracy must be between 0 and 1, got " + acc);
                b.ewaldAccuracy(acc);
                if (a.has("alpha")) {
                    double alpha = a.real("alpha");
                    if (!(alpha > 0)) throw a.error("alpha must be positive, got " + alpha);
                    b.alpha(alpha);
                }
                b.background(a.bool("background", false));
            }
            case DSF -> {
                double alpha = a.parseReal("alpha", required(a, "alpha", "coulomb=dsf needs the damping in 1/Å; 0.2 is usual for a 10 Å cutoff"));
                if (!(alpha >= 0)) throw a.error("alpha must not be negative, got " + alpha);
                b.alpha(alpha);
            }
            case NONE -> { }
        }
        for (String key : new String[] {"ewald_accuracy", "background", "alpha"}) {
            if (a.has(key) && method != CoulombMethod.EWALD && !(key.equals("alpha") && method == CoulombMethod.DSF)) {
                throw a.error(key + "= does not apply to coulomb=" + method.keyword());
            }
        }
        if (a.has("compat")) {
            if (method == CoulombMethod.NONE) throw a.error("compat= applies to the Coulomb term, but coulomb=none");
            b.convention(CoulombConvention.of(a.choice("compat", null, "lammps", "exact")));
        }
        if (a.has("charges")) {
            if (method == CoulombMethod.NONE) throw a.error("charges= given but coulomb=none; choose coulomb=ewald or dsf");
            b.charges(SpeciesCharges.parse(a.string("charges"), a));
        }
        if (a.has("pairs")) b.pairs(BuckinghamPair.parseList(a.string("pairs"), a));
        else if (method == CoulombMethod.NONE) throw a.error("nothing to compute: no pairs= and coulomb=none");
        return b.build();
    }

    /** The value of a key that must be there; the complaint suggests a misspelt key and says what the key is for. */
    private static String required(Arguments a, String key, String explanation) {
        try {
            return a.string(key);
        } catch (InputException e) {
            throw new InputException(e.source(), e.line(), e.problem() + "; " + explanation);
        }
    }
}
