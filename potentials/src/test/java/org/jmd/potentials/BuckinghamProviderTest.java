package org.jmd.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.InputException;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.junit.jupiter.api.Test;

/** The deck syntax: every mistake is an InputException naming the deck file, line and what was expected. */
class BuckinghamProviderTest {
    static final String GOOD_PAIRS = "pairs=Zn-O:529.70:0.3581:0.0,O-O:9547.96:0.21916:32.0";

    static Potential create(String line) {
        return PotentialRegistry.load().create(Arguments.parseLine(line, "in.deck", 7, null));
    }

    static String failure(String line) {
        InputException e = assertThrows(InputException.class, () -> create(line), line);
        assertEquals("in.deck", e.source());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith("in.deck:7: "), e.getMessage());
        return e.getMessage();
    }

    static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + message + "' should mention '" + p + "'");
    }

    @Test void theDocumentedLineParses() {
        Potential p = create("buckingham cutoff=10.0 shift=yes coulomb=ewald ewald_accuracy=1e-10 charges=Zn:2,O:-2 " + GOOD_PAIRS);
        assertEquals(10.0, p.cutoff());
        assertEquals(CoulombMethod.EWALD, ((Buckingham) p).coulomb());
        assertTrue(p.describe().startsWith("buckingham cutoff=10.0 shift=yes coulomb=ewald compat=lammps"), p.describe());
        Potential exact = create("buckingham cutoff=10.0 coulomb=dsf alpha=0.2 compat=exact charges=Zn:2,O:-2 " + GOOD_PAIRS);
        assertTrue(exact.describe().contains(" compat=exact"), exact.describe());
    }

    @Test void misspeltAndUnknownKeys() {
        assertMentions(failure("buckingham cutof=10 coulomb=none " + GOOD_PAIRS), "missing cutoff=", "cutof");
        assertMentions(failure("buckingham cutoff=10 coulomb=none shfit=yes " + GOOD_PAIRS), "unknown option 'shfit'");
        assertMentions(failure("buckingham cutoff=10 " + GOOD_PAIRS), "missing coulomb=", "none, ewald, dsf");
        assertMentions(failure("buckingham cutoff=10 coulomb=ewald ewald_acuracy=1e-6 " + GOOD_PAIRS),
                "missing ewald_accuracy=", "'ewald_acuracy=' a misspelling", "relative force accuracy");
        assertMentions(failure("buckingham cutoff=10 coulomb=pppm " + GOOD_PAIRS), "coulomb= must be one of none, ewald, dsf", "pppm");
        assertMentions(failure("buckingham cutoff=10 coulomb=none extra " + GOOD_PAIRS), "unexpected argument 'extra'");
    }

    @Test void methodSpecificOptions() {
        assertMentions(failure("buckingham cutoff=10 coulomb=ewald charges=Zn:2,O:-2 " + GOOD_PAIRS), "missing ewald_accuracy=", "coulomb=ewald needs");
        assertMentions(failure("buckingham cutoff=10 coulomb=ewald ewald_accuracy=2 " + GOOD_PAIRS), "ewald_accuracy must be between 0 and 1");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf " + GOOD_PAIRS), "missing alpha=", "coulomb=dsf needs");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf alpha=0.2 ewald_accuracy=1e-6 " + GOOD_PAIRS),
                "ewald_accuracy= does not apply to coulomb=dsf");
        assertMentions(failure("buckingham cutoff=10 coulomb=none alpha=0.2 " + GOOD_PAIRS), "alpha= does not apply to coulomb=none");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf alpha=0.2 compat=codata " + GOOD_PAIRS), "compat= must be one of lammps, exact", "codata");
        assertMentions(failure("buckingham cutoff=10 coulomb=none compat=exact " + GOOD_PAIRS), "compat=", "coulomb=none");
        assertMentions(failure("buckingham cutoff=10 coulomb=none charges=Zn:2 " + GOOD_PAIRS), "charges= given but coulomb=none");
        assertMentions(failure("buckingham cutoff=10 coulomb=none"), "nothing to compute");
        assertMentions(failure("buckingham cutoff=-1 coulomb=none " + GOOD_PAIRS), "cutoff must be positive");
    }

    @Test void malformedPairsAndCharges() {
        String head = "buckingham cutoff=10 coulomb=dsf alpha=0.2 charges=Zn:2,O:-2 ";
        assertMentions(failure(head + "pairs=Zn-O:529.70:0.3581"), "'Zn-O:529.70:0.3581'", "SPECIES-SPECIES:A:rho:C");
        assertMentions(failure(head + "pairs=ZnO:1:0.3:0"), "two species joined by '-'");
        assertMentions(failure(head + "pairs=Zn-O:abc:0.3:0"), "Zn-O A expects a number, got 'abc'");
        assertMentions(failure(head + "pairs=Zn-O:500:0:0"), "rho must be positive");
        assertMentions(failure(head + "pairs=Zn-O:500:0.3:0,O-Zn:400:0.3:0"), "gives O-Zn twice");
        assertMentions(failure(head + "pairs=Zn-O:500:0.3:0,"), "pairs= entry ''");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf alpha=0.2 charges=Zn=2 " + GOOD_PAIRS), "SPECIES:CHARGE");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf alpha=0.2 charges=Zn:two " + GOOD_PAIRS), "expects a number, got 'two'");
        assertMentions(failure("buckingham cutoff=10 coulomb=dsf alpha=0.2 charges=Zn:2,Zn:2 " + GOOD_PAIRS), "gives Zn twice");
    }

    @Test void problemsFoundAtRunTimeStillNameTheDeckLine() {
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O", "Mg"}, 9, 12.0, 1.7, 3);
        Potential p = create("buckingham cutoff=6 coulomb=dsf alpha=0.2 charges=Zn:2,O:-2 " + GOOD_PAIRS);
        InputException e = assertThrows(InputException.class, () -> Consistency.energy(p, s));
        assertMentions(e.getMessage(), "in.deck:7:", "no charge for species Mg");
        AtomicSystem uncharged = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 8, 12.0, 1.7, 3);
        Potential fromStructure = create("buckingham cutoff=6 coulomb=dsf alpha=0.2 " + GOOD_PAIRS);
        e = assertThrows(InputException.class, () -> Consistency.energy(fromStructure, uncharged));
        assertMentions(e.getMessage(), "in.deck:7:", "no charges= given and the structure carries no charges");
    }

    /** Without charges= the structure's per-atom charges are used: the same charges give the same result. */
    @Test void structureChargesAreUsedWithoutChargesOption() {
        AtomicSystem s = Consistency.randomTriclinic(new String[] {"Zn", "O"}, 16, 12.0, 1.7, 4);
        for (int i = 0; i < s.size(); i++) s.charge[i] = s.symbol(i).equals("Zn") ? 2 : -2;
        String common = "buckingham cutoff=7 coulomb=ewald ewald_accuracy=1e-10 " + GOOD_PAIRS;
        double fromSpecies = Consistency.energy(create(common + " charges=Zn:2,O:-2"), s);
        double fromAtoms = Consistency.energy(create(common), s);
        assertEquals(fromSpecies, fromAtoms, 1e-12 * Math.abs(fromSpecies));
        // and charges= overrides what the structure carries
        for (int i = 0; i < s.size(); i++) s.charge[i] *= 0.5;
        assertEquals(fromSpecies, Consistency.energy(create(common + " charges=Zn:2,O:-2"), s), 1e-12 * Math.abs(fromSpecies));
    }
}
