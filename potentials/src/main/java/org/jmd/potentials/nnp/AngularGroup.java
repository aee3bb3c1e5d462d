package org.jmd.potentials.nnp;

/**
 * Angular functions of one central element that sum over the same element pair and type. The pair
 * loop, distances, cos θ and θ are computed once per neighbour pair for all members, which is
 * where most of the descriptor time goes.
 */
final class AngularGroup {
    final AngularSymmetryFunction[] members;
    /** Index of each member among its element's sorted functions (row of G). */
    final int[] index;
    final double cutoff;
    final boolean needsAngle;
    private final AngularSymmetryFunction first;

    AngularGroup(AngularSymmetryFunction[] members, int[] index) {
        this.members = members;
        this.index = index;
        this.first = members[0];
        double rc = 0;
        boolean angle = false;
        for (AngularSymmetryFunction m : members) {
            rc = Math.max(rc, m.cutoff());
            angle |= m.needsAngle();
        }
        this.cutoff = rc;
        this.needsAngle = angle;
    }

    boolean matches(int ej, int ek) { return first.matches(ej, ek); }

    /** Whether a neighbour of this element can take part in any pair of the group. */
    boolean takes(int e) { return first.e1 < 0 || e == first.e1 || e == first.e2; }
}
