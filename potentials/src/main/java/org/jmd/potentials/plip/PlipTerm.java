package org.jmd.potentials.plip;

/**
 * One PLIP descriptor (one column of the design matrix, one weight of the model). All three kinds
 * are built from the same radial function g(r) = exp(−a(r−b)²)·f_c(r), with the cosine cutoff
 * f_c(r) = ½[cos(πr/r_c) + 1] for r &lt; r_c and 0 beyond:
 * <ul>
 * <li>{@link Body#TWO}: X_i = Σ_j g(r_ij), over neighbours j of species {@code neighbour};</li>
 * <li>{@link Body#THREE}: X_i = Σ_{j&lt;k} g(r_ij) g(r_ik) cos^l θ_jik over unordered pairs of neighbours
 *     whose species are {{@code neighbour}, {@code neighbour2}}, l = {@code order};</li>
 * <li>{@link Body#MANY}: X_i = ρ_i^m with ρ_i = Σ_j g(r_ij) over neighbours of species
 *     {@code neighbour}, m = {@code order} ≥ 1.</li>
 * </ul>
 * Each descriptor belongs to one centre species: it is zero on atoms of other species. Species are
 * indices into the model's element list; for three-body terms {@code neighbour ≤ neighbour2}.
 *
 * @param a      Gaussian exponent (Å⁻², ≥ 0)
 * @param b      Gaussian centre (Å)
 * @param cutoff r_c (Å)
 * @param order  l for three-body terms, m for many-body terms, 0 for two-body terms
 */
public record PlipTerm(Body body, int centre, int neighbour, int neighbour2, double a, double b, double cutoff, int order) {
    /** The three families of PLIP descriptors, with the keyword that starts their lines in a model file. */
    public enum Body {
        TWO("2b"), THREE("3b"), MANY("nb");

        public final String keyword;

        Body(String keyword) { this.keyword = keyword; }
    }

    public PlipTerm {
        if (!(a >= 0) || !Double.isFinite(a)) throw new IllegalArgumentException("Gaussian exponent a must be finite and >= 0, got " + a);
        if (!Double.isFinite(b)) throw new IllegalArgumentException("Gaussian centre b must be finite, got " + b);
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new IllegalArgumentException("cutoff must be positive, got " + cutoff);
        if (centre < 0 || neighbour < 0) throw new IllegalArgumentException("species index must be >= 0");
        switch (body) {
            case TWO:
                if (neighbour2 != -1 || order != 0) throw new IllegalArgumentException("a two-body term has one neighbour species and no order");
                break;
            case THREE:
                if (neighbour2 < neighbour) throw new IllegalArgumentException("three-body neighbour species must be ordered");
                if (order < 0 || order > MAX_ANGULAR_ORDER) throw new IllegalArgumentException("angular order l must be 0.." + MAX_ANGULAR_ORDER + ", got " + order);
                break;
            case MANY:
                if (neighbour2 != -1) throw new IllegalArgumentException("a many-body term has one neighbour species");
                if (order < 1 || order > MAX_POWER) throw new IllegalArgumentException("power m must be 1.." + MAX_POWER + ", got " + order);
                break;
            default: throw new AssertionError(body);
        }
    }

    /** cos^l with l above this is a needle of no use and overflows nothing but intuition. */
    public static final int MAX_ANGULAR_ORDER = 32;
    /** ρ^m with m above this is numerically meaningless for ρ of order 1–10. */
    public static final int MAX_POWER = 16;

    public static PlipTerm twoBody(int centre, int neighbour, double a, double b, double cutoff) {
        return new PlipTerm(Body.TWO, centre, neighbour, -1, a, b, cutoff, 0);
    }

    /** Neighbour species in either order; stored ordered. */
    public static PlipTerm threeBody(int centre, int neighbour, int neighbour2, double a, double b, double cutoff, int l) {
        return new PlipTerm(Body.THREE, centre, Math.min(neighbour, neighbour2), Math.max(neighbour, neighbour2), a, b, cutoff, l);
    }

    public static PlipTerm manyBody(int centre, int neighbour, double a, double b, double cutoff, int m) {
        return new PlipTerm(Body.MANY, centre, neighbour, -1, a, b, cutoff, m);
    }
}
