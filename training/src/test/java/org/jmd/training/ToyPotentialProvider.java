package org.jmd.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jmd.engine.Arguments;
import org.jmd.engine.AtomicSystem;
import org.jmd.engine.ForceWorkspace;
import org.jmd.engine.Potential;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.PotentialProvider;
import org.jmd.neighbor.NeighborList;
import org.jmd.potentials.LennardJones;

/** {@code potential toy FILE}: loads what {@link ToyTrainer} saves (Lennard-Jones plus per-element constants). */
public final class ToyPotentialProvider implements PotentialProvider {
    @Override public String name() { return "toy"; }

    @Override public String usage() { return "toy FILE"; }

    @Override public Potential create(Arguments a) {
        Path file = a.path(0, "a toy.model file");
        Map<String, Double> reference = new HashMap<>();
        double eps = 0, sigma = 1, cutoff = 1;
        try {
            for (String line : Files.readAllLines(file)) {
                String[] w = line.trim().split("\\s+");
                switch (w[0]) {
                    case "epsilon": eps = Double.parseDouble(w[1]); break;
                    case "sigma": sigma = Double.parseDouble(w[1]); break;
                    case "cutoff": cutoff = Double.parseDouble(w[1]); break;
                    case "reference": reference.put(w[1], Double.parseDouble(w[2])); break;
                    default: throw a.error("bad line in " + file + ": " + line);
                }
            }
        } catch (IOException e) {
            throw a.error("cannot read " + file);
        }
        LennardJones lj = new LennardJones(eps, sigma, cutoff);
        return new Potential() {
            @Override public double cutoff() { return lj.cutoff(); }

            @Override public NeighborList.Kind neighborKind() { return lj.neighborKind(); }

            @Override public ForceWorkspace workspace(ThreadTeam team) {
                ForceWorkspace w = lj.workspace(team);
                return (s, list, want, out) -> {
                    w.compute(s, list, want, out);
                    for (int i = 0; i < s.size(); i++) {
                        double e = reference.get(s.symbol(i));
                        out.energy += e;
                        out.atomEnergies[i] += e;
                    }
                };
            }
        };
    }
}
