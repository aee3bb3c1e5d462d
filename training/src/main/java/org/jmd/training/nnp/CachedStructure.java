package org.jmd.training.nnp;

import java.util.Arrays;
import org.jmd.potentials.nnp.DerivativeLayout;

/**
 * One training structure reduced to what the networks need, computed once before training: per
 * atom its element (index into the model's elements), raw symmetry functions G, its neighbours
 * within the cutoff (atom and element) and ∂G_s/∂δ_p for each neighbour displacement
 * δ_p = x_j − x_i (with image), in the compact rows of {@link #layout} starting at
 * {@code dg[dgStart[i]]}; plus the labels.
 *
 * <p>The energy target is the mean atomic energy of the counted atoms: all atoms (E/N of a
 * structure) or, for an invariant point, the atoms of one element. Forces are optional.
 */
final class CachedStructure {
    final String name;
    final int atoms;
    final int[] element;
    final int[] gStart;       // n + 1
    double[] g;
    final int[] neighbourStart; // n + 1
    int[] neighbour, neighbourElement;
    final int[] dgStart;      // n + 1; empty ranges when derivatives were not computed
    double[] dg;
    /** How the rows of dg are laid out (shared by all structures of a descriptor set). */
    final DerivativeLayout layout;
    /** Target mean atomic energy of the counted atoms (eV, raw, reference energies included). */
    final double energyPerAtom;
    /** Element whose atoms count for the energy target, or −1 for all atoms. */
    final int countedElement;
    /** Reference forces (eV/Å, 3N) or null. */
    final double[] forces;
    /** Whether ∂G/∂δ are cached (needed for predicted forces). */
    final boolean derivatives;
    private int filled;

    CachedStructure(String name, int[] element, double energyPerAtom, int countedElement, double[] forces, boolean derivatives,
                    DerivativeLayout layout) {
        this.name = name;
        this.derivatives = derivatives;
        this.layout = layout;
        this.atoms = element.length;
        this.element = element.clone();
        this.energyPerAtom = energyPerAtom;
        this.countedElement = countedElement;
        this.forces = forces == null ? null : forces.clone();
        gStart = new int[atoms + 1];
        neighbourStart = new int[atoms + 1];
        dgStart = new int[atoms + 1];
        g = new double[16 * atoms];
        neighbour = new int[16 * atoms];
        neighbourElement = new int[16 * atoms];
        dg = new double[0];
    }

    /**
     * Appends the next atom's descriptors: ns values of G and, if rows is not null, its nn
     * neighbours (atoms and elements) and the first rowsLength entries of its derivative rows.
     * Atoms must come in order.
     */
    void add(double[] gValues, int ns, int[] neighbours, int[] neighbourElements, int nn, double[] rows, int rowsLength) {
        int i = filled;
        if (i >= atoms) throw new IllegalStateException("all " + atoms + " atoms are already described");
        int gs = gStart[i], ns0 = neighbourStart[i], ds = dgStart[i];
        if (g.length < gs + ns) g = Arrays.copyOf(g, Math.max(gs + ns, 2 * g.length));
        System.arraycopy(gValues, 0, g, gs, ns);
        gStart[i + 1] = gs + ns;
        if (derivatives != (rows != null)) throw new IllegalArgumentException("derivatives given for some atoms only");
        int keep = rows == null ? 0 : nn;
        if (neighbour.length < ns0 + keep) {
            neighbour = Arrays.copyOf(neighbour, Math.max(ns0 + keep, 2 * neighbour.length));
            neighbourElement = Arrays.copyOf(neighbourElement, neighbour.length);
        }
        if (keep > 0) {
            System.arraycopy(neighbours, 0, neighbour, ns0, keep);
            System.arraycopy(neighbourElements, 0, neighbourElement, ns0, keep);
        }
        neighbourStart[i + 1] = ns0 + keep;
        int nd = rows == null ? 0 : rowsLength;
        if (dg.length < ds + nd) dg = Arrays.copyOf(dg, Math.max(ds + nd, 2 * dg.length));
        if (nd > 0) System.arraycopy(rows, 0, dg, ds, nd);
        dgStart[i + 1] = ds + nd;
        filled++;
    }

    /** Trims the buffers once every atom has been added. */
    CachedStructure seal() {
        if (filled != atoms) throw new IllegalStateException(name + ": " + filled + " of " + atoms + " atoms described");
        g = Arrays.copyOf(g, gStart[atoms]);
        neighbour = Arrays.copyOf(neighbour, neighbourStart[atoms]);
        neighbourElement = Arrays.copyOf(neighbourElement, neighbourStart[atoms]);
        dg = Arrays.copyOf(dg, dgStart[atoms]);
        return this;
    }

    /** Whether forces enter the loss: reference forces given and derivatives cached. */
    boolean hasForces() { return forces != null && derivatives; }

    /** Number of atoms whose energy counts for the target. */
    int countedAtoms() {
        if (countedElement < 0) return atoms;
        int c = 0;
        for (int e : element) if (e == countedElement) c++;
        return c;
    }
}
