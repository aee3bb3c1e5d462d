package org.jmd.potentials.nnp;

/**
 * n2p2's polynomial angular functions (Bircher et al. 2021):
 * G = Σ_{j&lt;k} C_r(r_ij) C_r(r_ik) (C_r(r_jk)) C_θ(θ_ijk), with compact radial functions on
 * [r_l, r_c] and a compact angular function on [θ_left, θ_right] (degrees in input.nn; a window
 * reaching below 0° or above 180° must be centred on 0° or 180°, so it is mirrored there).
 * Type 21 narrow (with the r_jk factor), 22 wide; 24 and 25 are the same over all pairs weighted by
 * Z_j Z_k. The asymmetric subtype (e.g. {@code p2a}) applies to the radial parts only, as in n2p2.
 */
final class PolynomialAngular extends AngularSymmetryFunction {
    private final boolean narrow;
    final double rl, rc, left, right, rl2, rc2;
    final CompactFunction radial, angular;
    private final CoreFunction.Kind angularKind;
    private final double[] weights;

    /** Types 21 and 22. */
    static PolynomialAngular plain(int type, int centre, int e1, int e2, double rl, double rc, double leftDeg, double rightDeg,
                                   String subtype, CoreFunction core, int line) {
        int lo = Math.min(e1, e2), hi = Math.max(e1, e2);
        return new PolynomialAngular(type, centre, lo, hi, rl, rc, leftDeg, rightDeg, subtype, core, null, line,
                lo, hi, rc, rl, leftDeg, rightDeg);
    }

    /** Types 24 and 25. */
    static PolynomialAngular weighted(int type, int centre, double rl, double rc, double leftDeg, double rightDeg,
                                      String subtype, CoreFunction core, double[] atomicNumbers, int line) {
        return new PolynomialAngular(type, centre, -1, -1, rl, rc, leftDeg, rightDeg, subtype, core, atomicNumbers, line,
                rc, rl, leftDeg, rightDeg);
    }

    private PolynomialAngular(int type, int centre, int e1, int e2, double rl, double rc, double leftDeg, double rightDeg,
                              String subtype, CoreFunction core, double[] weights, int line, double... sortKey) {
        super(type, centre, subtype, line, e1, e2, sortKey);
        this.narrow = type == 21 || type == 24;
        this.rl = rl;
        this.rc = rc;
        this.rc2 = rc * rc;
        this.rl2 = rl > 0 ? rl * rl : 0.0;
        this.left = Math.toRadians(leftDeg);
        this.right = Math.toRadians(rightDeg);
        this.radial = new CompactFunction(core, rl, rc);
        this.angularKind = core.kind();
        this.angular = new CompactFunction(new CoreFunction(angularKind, false), left, right);
        this.weights = weights;
    }

    @Override boolean isNarrow() { return narrow; }

    @Override double[] weights() { return weights; }

    /** Polynomial functions of one type and element pair share the pair loop whatever their windows. */
    @Override Object groupKey() { return java.util.List.of(type, e1, e2); }

    /** Functions with equal keys have the same radial bump (window and core, asymmetric or not). */
    Object radialKey() { return java.util.List.of(rl, rc, subtype); }

    /** Functions with equal keys have the same angular bump. */
    Object angularKey() { return java.util.List.of(left, right, angularKind); }

    @Override double cutoff() { return rc; }

    @Override boolean needsAngle() { return true; }

    @Override boolean term(int ej, int ek, double rij, double rik, double rjk, double cos, double theta,
                         double fij0, double dfij0, double fik0, double dfik0, double[] out) {
        if (!(rij > rl && rij < rc && rik > rl && rik < rc)) return false;
        if (narrow && (rjk * rjk >= rc2 || rjk * rjk <= rl2)) return false;
        // the angular bump vanishes at 0° and 180°, where dθ/dcos is singular: skip as n2p2 does
        if (cos <= -1.0 || cos >= 1.0) return false;
        if (theta < left || theta > right) return false;
        double w = weights == null ? 1.0 : weights[ej] * weights[ek];
        double a = w * angular.value(theta);
        double da = -w * angular.derivative(theta) / Math.sqrt(1.0 - cos * cos);
        double cij = radial.value(rij), cik = radial.value(rik), cjk = narrow ? radial.value(rjk) : 1.0;
        double rad = cij * cik * cjk;
        out[0] = rad * a;
        out[1] = radial.derivative(rij) * cik * cjk * a;
        out[2] = cij * radial.derivative(rik) * cjk * a;
        out[3] = narrow ? cij * cik * radial.derivative(rjk) * a : 0.0;
        out[4] = rad * da;
        return true;
    }
}
