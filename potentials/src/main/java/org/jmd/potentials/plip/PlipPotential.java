package org.jmd.potentials.plip;

import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.neighbor.NeighborList;

/**
 * The PLIP potential: E = Σ_i [offset(c_i) + Σ_t w_t X_t(i)], with analytic forces, virial and
 * per-atom energies (E_i as written, so they sum to the total).
 *
 * <p>The model is evaluated from its combined functions by a {@link PlipKernel}, one atom at a
 * time; this class loops over the atoms and scatters each atom's pair gradients into forces and
 * virial. Works with any cell: displacements come from a full neighbour list, so an atom's own
 * periodic images and several images of one neighbour are just more neighbours.
 */
public final class PlipPotential implements Potential {
    private final PlipModel model;
    private final PlipKernel kernel;
    private final PlipKernel.Scratch scratch;
    private final String description;
    private double[] pairGradient = new double[0];

    public PlipPotential(PlipModel model, String description) { this(model, description, PlipKernel.ThreeBody.AUTO); }

    /** With the three-body formulation forced, so tests can check each one. */
    PlipPotential(PlipModel model, String description, PlipKernel.ThreeBody method) {
        this.model = model;
        this.description = description;
        this.kernel = new PlipKernel(model, method);
        this.scratch = kernel.newScratch();
    }

    public PlipModel model() { return model; }

    /** The compiled model, for callers that schedule the atoms themselves. */
    public PlipKernel kernel() { return kernel; }

    @Override public double cutoff() { return kernel.cutoff(); }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    @Override public void compute(AtomicSystem system, NeighborList list, ForceResult out) {
        kernel.bind(system, scratch);
        int n = system.size();
        if (pairGradient.length < 3 * list.pairCount()) pairGradient = new double[3 * list.pairCount() + 3 * list.pairCount() / 2];
        double[] f = out.forces, w = out.virial, ea = out.atomEnergies, pg = pairGradient, dl = list.deltaArray();
        int[] nb = list.neighborArray();
        boolean perAtom = out.wantAtomEnergies() && ea.length == n;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double ei = kernel.atom(i, system, list, scratch, pg);
            // g_p = ∂E_i/∂δ_p: −g_p on the neighbour, +g_p on i; virial W_ab −= δ_a g_b
            for (int p = list.start(i), end = list.end(i); p < end; p++) {
                double gx = pg[3 * p], gy = pg[3 * p + 1], gz = pg[3 * p + 2];
                if (gx == 0 && gy == 0 && gz == 0) continue;
                int j = nb[p];
                f[3 * j] -= gx; f[3 * j + 1] -= gy; f[3 * j + 2] -= gz;
                f[3 * i] += gx; f[3 * i + 1] += gy; f[3 * i + 2] += gz;
                double dx = dl[3 * p], dy = dl[3 * p + 1], dz = dl[3 * p + 2];
                w[0] -= dx * gx; w[1] -= dx * gy; w[2] -= dx * gz;
                w[3] -= dy * gx; w[4] -= dy * gy; w[5] -= dy * gz;
                w[6] -= dz * gx; w[7] -= dz * gy; w[8] -= dz * gz;
            }
            if (perAtom) ea[i] += ei;
            total += ei;
        }
        out.energy += total;
    }

    @Override public String describe() { return description; }
}
