package org.jmd.training.nnp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.Potential;
import org.jmd.engine.build.Lattices;
import org.jmd.training.InvariantPoints;
import org.jmd.training.TrainingContext.InvariantPoint;

/**
 * The standard invariant points of silicon (Yoo et al., Phys. Rev. Materials 3, 093802 (2019)):
 * the isolated atom, whose symmetry functions are all zero, and the elemental crystals whose
 * atoms are all equivalent (diamond, simple cubic, bcc, fcc), each at several volumes. In each,
 * every atom has the same environment, so the atomic energy a network assigns there must equal
 * E/N of the reference method: a model that fits its training data with a wrong split of the
 * total energy into atomic energies shows up as a deviation at these points.
 *
 * <p>Test helper: the deck's {@code invariant_points} lines build the same points for any
 * element; this is the silicon set of the experiments and tests. Reference values come from a reference potential (for a Stillinger–Weber-labelled training
 * set, the same SW potential, so every point's true value is known).
 */
final class SiliconInvariantPoints {
    /** Lattice constants near each crystal's PBE equilibrium (Å). */
    private static final String[] LATTICES = {"diamond", "sc", "bcc", "fcc"};
    private static final double[] LATTICE_CONSTANT = {5.47, 2.54, 3.08, 3.87};
    /** Default linear scale factors around those lattice constants: volumes about −14 % to +16 %. */
    public static final double[] DEFAULT_SCALES = {0.95, 1.0, 1.05};

    private SiliconInvariantPoints() {}

    /** The isolated atom and diamond, sc, bcc and fcc at {@link #DEFAULT_SCALES}. */
    public static List<InvariantPoint> standard(Potential reference) {
        return build(reference, DEFAULT_SCALES);
    }

    /**
     * The isolated atom plus each crystal at lattice constant a₀·s for each scale s; names like
     * {@code isolated}, {@code diamond_a5.470}. Reference atomic energy = E/N from the potential.
     */
    public static List<InvariantPoint> build(Potential reference, double[] scales) {
        List<InvariantPoint> out = new ArrayList<>();
        InvariantPoint atom = InvariantPoints.isolatedAtom("Si", reference);
        out.add(new InvariantPoint("isolated", atom.element(), atom.structure(), atom.atomicEnergy()));
        for (int k = 0; k < LATTICES.length; k++) {
            for (double s : scales) {
                double a = LATTICE_CONSTANT[k] * s;
                AtomicSystem crystal = Lattices.build(LATTICES[k], a, Double.NaN, Double.NaN, new String[] {"Si"}, 1, 1, 1);
                out.add(InvariantPoints.crystal(String.format(Locale.ROOT, "%s_a%.3f", LATTICES[k], a), crystal, reference));
            }
        }
        return out;
    }
}
