package org.jmd.potentials.nnp;

import java.util.Map;

/**
 * Builds a {@link SymmetryFunction} from one {@code symfunction_short} line, with n2p2's parameter
 * order for each type:
 * <pre>
 *  2  ec 2 e1 η r_s r_c                  12  ec 12 η r_s r_c
 *  3  ec 3 e1 e2 η λ ζ r_c [r_s]         13  ec 13 η r_s λ ζ r_c
 *  9  ec 9 e1 e2 η λ ζ r_c [r_s]
 * 20  ec 20 e1 r_l r_c sub               23  ec 23 r_l r_c sub
 * 21  ec 21 e1 e2 r_l r_c θ_l θ_r sub    24  ec 24 r_l r_c θ_l θ_r sub
 * 22  ec 22 e1 e2 r_l r_c θ_l θ_r sub    25  ec 25 r_l r_c θ_l θ_r sub
 * </pre>
 * sub is p1–p4 (polynomial order), optionally followed by {@code a} (asymmetric), or e (exp bump).
 * Lengths are multiplied by lengthScale (η divided by its square) into the working unit.
 */
final class SymmetryFunctionReader {
    private final N2p2Settings settings;
    private final Map<String, Integer> elementIndex;
    private final double[] atomicNumbers;
    private final double lengthScale;
    private final int cutoffType;
    private final double cutoffAlpha;

    SymmetryFunctionReader(N2p2Settings settings, Map<String, Integer> elementIndex, double[] atomicNumbers,
                           double lengthScale, int cutoffType, double cutoffAlpha) {
        this.settings = settings;
        this.elementIndex = elementIndex;
        this.atomicNumbers = atomicNumbers;
        this.lengthScale = lengthScale;
        this.cutoffType = cutoffType;
        this.cutoffAlpha = cutoffAlpha;
    }

    SymmetryFunction read(N2p2Settings.Entry e) {
        String[] a = e.args;
        if (a.length < 2) throw settings.error(e, "symfunction_short: expected central element and type");
        int ec = element(e, 0);
        int type = settings.integer(e, 1, "symmetry function type");
        switch (type) {
            case 2:
                count(e, 6, 6, "ec 2 e1 eta rs rc");
                return GaussianRadial.plain(ec, element(e, 2), eta(e, 3), length(e, 4), cutoff(e, 5), e.line);
            case 3: case 9: {
                count(e, 8, 9, "ec " + type + " e1 e2 eta lambda zeta rc [rs]");
                double rs = a.length > 8 ? length(e, 8) : 0.0;
                return GaussianAngular.plain(type, ec, element(e, 2), element(e, 3), eta(e, 4), lambda(e, 5),
                        zeta(e, 6), rs, cutoff(e, 7), e.line);
            }
            case 12:
                count(e, 5, 5, "ec 12 eta rs rc");
                return GaussianRadial.weighted(ec, eta(e, 2), length(e, 3), cutoff(e, 4), atomicNumbers, e.line);
            case 13:
                count(e, 7, 7, "ec 13 eta rs lambda zeta rc");
                return GaussianAngular.weighted(ec, eta(e, 2), length(e, 3), lambda(e, 4), zeta(e, 5), cutoff(e, 6),
                        atomicNumbers, e.line);
            case 20: {
                count(e, 6, 6, "ec 20 e1 rl rc subtype");
                double[] r = bounds(e, 3);
                return PolynomialRadial.plain(ec, element(e, 2), r[0], r[1], a[5], core(e, 5), e.line);
            }
            case 23: {
                count(e, 5, 5, "ec 23 rl rc subtype");
                double[] r = bounds(e, 2);
                return PolynomialRadial.weighted(ec, r[0], r[1], a[4], core(e, 4), atomicNumbers, e.line);
            }
            case 21: case 22: {
                count(e, 9, 9, "ec " + type + " e1 e2 rl rc angle_left angle_right subtype");
                double[] r = bounds(e, 4);
                double[] ang = angles(e, 6);
                return PolynomialAngular.plain(type, ec, element(e, 2), element(e, 3), r[0], r[1], ang[0], ang[1],
                        a[8], core(e, 8), e.line);
            }
            case 24: case 25: {
                count(e, 7, 7, "ec " + type + " rl rc angle_left angle_right subtype");
                double[] r = bounds(e, 2);
                double[] ang = angles(e, 4);
                return PolynomialAngular.weighted(type, ec, r[0], r[1], ang[0], ang[1], a[6], core(e, 6), atomicNumbers, e.line);
            }
            default:
                throw settings.error(e, "symfunction_short: unknown symmetry function type " + type
                        + " (supported: 2, 3, 9, 12, 13, 20, 21, 22, 23, 24, 25)");
        }
    }

    private void count(N2p2Settings.Entry e, int min, int max, String form) {
        if (e.args.length < min || e.args.length > max) {
            throw settings.error(e, "symfunction_short: expected '" + form + "', got " + e.args.length + " fields");
        }
    }

    private int element(N2p2Settings.Entry e, int k) {
        Integer i = elementIndex.get(e.args[k]);
        if (i == null) {
            throw settings.error(e, "symfunction_short: element '" + e.args[k] + "' is not in 'elements' ("
                    + String.join(" ", elementIndex.keySet()) + ")");
        }
        return i;
    }

    private double length(N2p2Settings.Entry e, int k) { return settings.real(e, k, "length") * lengthScale; }

    private double eta(N2p2Settings.Entry e, int k) {
        double eta = settings.real(e, k, "eta");
        if (eta < 0) throw settings.error(e, "symfunction_short: eta must not be negative, got " + eta);
        return eta / (lengthScale * lengthScale);
    }

    private double lambda(N2p2Settings.Entry e, int k) { return settings.real(e, k, "lambda"); }

    private double zeta(N2p2Settings.Entry e, int k) {
        double z = settings.real(e, k, "zeta");
        if (!(z >= 1)) throw settings.error(e, "symfunction_short: zeta must be at least 1, got " + z);
        return z;
    }

    private CutoffFunction cutoff(N2p2Settings.Entry e, int k) {
        double rc = settings.real(e, k, "cutoff radius");
        if (!(rc > 0)) throw settings.error(e, "symfunction_short: cutoff radius must be positive, got " + rc);
        return new CutoffFunction(cutoffType, cutoffAlpha, rc * lengthScale);
    }

    /** r_l and r_c at k, k+1. */
    private double[] bounds(N2p2Settings.Entry e, int k) {
        double rl = settings.real(e, k, "rl"), rc = settings.real(e, k + 1, "rc");
        if (!(rc > 0)) throw settings.error(e, "symfunction_short: rc must be positive, got " + rc);
        if (!(rl < rc)) throw settings.error(e, "symfunction_short: rl (" + rl + ") must be below rc (" + rc + ")");
        return new double[] {rl * lengthScale, rc * lengthScale};
    }

    /** Angular window in degrees at k, k+1, with n2p2's rules. */
    private double[] angles(N2p2Settings.Entry e, int k) {
        double left = settings.real(e, k, "left angle"), right = settings.real(e, k + 1, "right angle");
        if (!(left < right)) throw settings.error(e, "symfunction_short: left angle " + left + " must be below right angle " + right);
        double centre = 0.5 * (left + right);
        if ((left < 0 && centre != 0) || (right > 180 && centre != 180)) {
            throw settings.error(e, "symfunction_short: an angular window reaching outside [0, 180] degrees must be centred on 0 or 180");
        }
        if (right - left > 360) throw settings.error(e, "symfunction_short: angular window wider than 360 degrees");
        return new double[] {left, right};
    }

    private CoreFunction core(N2p2Settings.Entry e, int k) {
        String s = e.args[k];
        if (s.length() >= 1 && s.length() <= 3 && s.charAt(0) == 'e') return new CoreFunction(CoreFunction.Kind.EXP, false);
        if (s.length() >= 2 && s.length() <= 3 && s.charAt(0) == 'p' && s.charAt(1) >= '1' && s.charAt(1) <= '4'
                && (s.length() == 2 || s.charAt(2) == 'a')) {
            CoreFunction.Kind kind = CoreFunction.Kind.values()[s.charAt(1) - '1'];
            return new CoreFunction(kind, s.length() == 3);
        }
        throw settings.error(e, "symfunction_short: unknown subtype '" + s + "' (expected p1, p2, p3, p4, optionally with a, or e)");
    }
}
