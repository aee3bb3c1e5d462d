package org.jmd.potentials.plip;

import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.SiteEnergies;
import org.jmd.engine.ThreadTeam;
import org.jmd.neighbor.NeighborList;

/**
 * The PLIP potential: E = Σ_i [offset(c_i) + Σ_t w_t X_t(i)], with analytic forces, virial and
 * per-atom energies (E_i as written, so they sum to the total).
 *
 * <p>The model is evaluated from its combined functions by a {@link PlipKernel}, one atom at a
 * time, by default from tables of its combined radial functions ({@link RadialTable}: energies
 * within ~1e-10 eV/atom of the exact evaluation, forces the exact gradient of the tabulated
 * energy), or term by term ({@link PlipKernel.Radial#EXACT}); {@link SiteEnergies} splits the atoms over threads and turns each atom's pair gradients
 * into forces and virial. Works with any cell: displacements come from a full neighbour list, so
 * an atom's own periodic images and several images of one neighbour are just more neighbours.
 */
public final class PlipPotential implements Potential {
    private final PlipModel model;
    private final PlipKernel kernel;
    private final String description;

    /** From tables of the combined radial functions, as {@code potential plip FILE} does by default. */
    public PlipPotential(PlipModel model, String description) { this(model, description, PlipKernel.Radial.TABULATED); }

    /** Tabulated, or term by term (exact to round-off: {@code tabulate=no}). */
    public PlipPotential(PlipModel model, String description, PlipKernel.Radial radial) {
        this(model, description, PlipKernel.ThreeBody.AUTO, radial);
    }

    /** With the three-body formulation forced, so tests can check each one. */
    PlipPotential(PlipModel model, String description, PlipKernel.ThreeBody method, PlipKernel.Radial radial) {
        this.model = model;
        this.description = description;
        this.kernel = new PlipKernel(model, method, radial);
    }

    public PlipModel model() { return model; }

    /** The compiled model (immutable), for callers that schedule the atoms themselves. */
    public PlipKernel kernel() { return kernel; }

    @Override public double cutoff() { return kernel.cutoff(); }

    @Override public NeighborList.Kind neighborKind() { return NeighborList.Kind.FULL; }

    /** One kernel scratch per thread of the team. */
    @Override public ForceWorkspace workspace(ThreadTeam team) {
        SiteEnergies sites = new SiteEnergies(team);
        PlipKernel.Scratch[] scratch = new PlipKernel.Scratch[team.size()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = kernel.newScratch();
        return (system, list, want, out) -> {
            for (PlipKernel.Scratch sc : scratch) kernel.bind(system, sc);
            sites.compute(system, list, want, out, (i, worker, g) -> kernel.atom(i, system, list, scratch[worker], g));
        };
    }

    @Override public String describe() { return description; }
}
