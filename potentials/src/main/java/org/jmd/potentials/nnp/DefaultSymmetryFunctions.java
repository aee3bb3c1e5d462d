package org.jmd.potentials.nnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.Elements;

/**
 * Default symmetry-function sets (n2p2 {@code symfunction_short} arguments) for training when a
 * deck gives none: radial type 2 on a grid of shifted Gaussians and angular type 9 with r_s = 0,
 * cutoff 6 Å, cutoff_type 6 (the C² polynomial of order 2, so forces and their slope go smoothly
 * to zero at r_c). The reasons for each choice are in docs/linear.md.
 *
 * <ul>
 * <li>single-element sets (Si) get a fine radial grid and 12 angular functions at a shorter
 *     cutoff ({@link #SINGLE_ELEMENT_ANGULAR_CUTOFF}): 28 functions, chosen for MD speed at the
 *     accuracy targets of the Si training decks (docs/linear.md, docs/nnp-training.md);</li>
 * <li>multi-element sets (Zn–O) use a coarser grid per neighbour element and per neighbour
 *     pair, because the count grows with the square of the number of elements.</li>
 * </ul>
 */
public final class DefaultSymmetryFunctions {
    /** Cutoff radius of every default function (Å). */
    public static final double CUTOFF = 6.0;
    /**
     * Cutoff of the angular functions of single-element sets (Å): the first and second shells of
     * diamond Si (2.35, 3.84 Å) and the liquid's first shell, short of the third shell (4.50 Å),
     * which still enters through the radial functions. Triples grow with the square of the
     * neighbours (≈ 16 instead of ≈ 46 at 6 Å, ≈ 22 at 4.5 Å with thermal motion), and the
     * angular pair loop is most of the cost of an evaluation; measured accuracies of this and the
     * neighbouring choices are in docs/linear.md.
     */
    public static final double SINGLE_ELEMENT_ANGULAR_CUTOFF = 4.2;
    /** n2p2 cutoff_type of the defaults: 6 = polynomial of order 2, no inner cutoff. */
    public static final String CUTOFF_TYPE = "6 0.0";

    private DefaultSymmetryFunctions() {}

    /** The default set for these elements, as symfunction_short arguments. */
    public static List<String> forElements(Collection<String> elements) {
        String[] el = elements.stream().distinct().toArray(String[]::new);
        Arrays.sort(el, (a, b) -> Integer.compare(Elements.number(a), Elements.number(b)));
        boolean single = el.length == 1;
        // radial: Gaussians centred on a grid r_s = first, first + step, ... < r_c, width ~ grid step
        double first = single ? 1.5 : 1.5, step = single ? 0.3 : 0.5;
        double eta = 1.0 / (step * step);
        // angular: exp(−η (r_ij² + r_ik²)) sets how far out the angle is weighted
        double[] angularEta = single ? new double[] {0.0, 0.1, 0.3} : new double[] {0.0, 0.04, 0.15};
        double[] zeta = single ? new double[] {1, 4} : new double[] {1, 2, 4, 8};
        double angularCutoff = single ? SINGLE_ELEMENT_ANGULAR_CUTOFF : CUTOFF;
        List<String> out = new ArrayList<>();
        for (String c : el) {
            for (String n : el) {
                out.add(radial(c, n, 0.0, 0.0));          // plain coordination count (smooth, long-ranged)
                for (double rs = first; rs < CUTOFF - 0.5 * step; rs += step) out.add(radial(c, n, eta, rs));
            }
            for (int a = 0; a < el.length; a++)
                for (int b = a; b < el.length; b++)
                    for (double e : angularEta)
                        for (double z : zeta)
                            for (int lambda : new int[] {-1, 1})
                                out.add(String.format(Locale.ROOT, "%s 9 %s %s %.4f %d %.1f %.1f", c, el[a], el[b], e, lambda, z, angularCutoff));
        }
        return out;
    }

    /** The default descriptors for these elements. */
    public static BehlerParrinelloDescriptors descriptors(Collection<String> elements) {
        return BehlerParrinelloDescriptors.of(elements, CUTOFF_TYPE, forElements(elements));
    }

    private static String radial(String centre, String neighbour, double eta, double rs) {
        return String.format(Locale.ROOT, "%s 2 %s %.4f %.3f %.1f", centre, neighbour, eta, rs, CUTOFF);
    }
}
