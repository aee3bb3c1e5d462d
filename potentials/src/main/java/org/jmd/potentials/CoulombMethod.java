package org.jmd.potentials;

/** How the Coulomb interaction of point charges is summed. */
public enum CoulombMethod {
    /** No electrostatics: charges are ignored. */
    NONE,
    /** Ewald summation: exact for a periodic crystal to a requested accuracy; cost grows as N^1.5–N². */
    EWALD,
    /**
     * Damped shifted force (Fennell &amp; Gezelter 2006): a pairwise real-space approximation whose
     * energy and force both vanish at the cutoff; linear in N and usable without periodicity.
     */
    DSF;

    /** The deck spelling: none, ewald, dsf. */
    public String keyword() { return name().toLowerCase(); }
}
