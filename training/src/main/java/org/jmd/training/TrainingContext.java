package org.jmd.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Trainer} is given besides the data.
 *
 * @param modelDir          directory the trainer writes its model into (created, empty)
 * @param referenceEnergies per-element reference energy (eV per atom), fitted or given; a model's
 *                          predicted total energy must include them (n2p2 {@code atom_energy},
 *                          PLIP/linear offsets), so that it is compared with raw reference totals
 * @param seed              the seed every random choice derives from (deterministic training)
 * @param threads           how many threads the trainer may use
 * @param curve             where the trainer logs one row per epoch/iteration
 * @param invariantPoints   structures whose atoms are all equivalent (or isolated atoms), each with
 *                          its known atomic energy, for invariant-point monitoring (may be empty)
 * @param checkpoint        where a trainer that trains in epochs saves its state at safe points and
 *                          finds it again when a killed training is resumed ({@code jmd train --resume})
 */
public record TrainingContext(Path modelDir, Map<String, Double> referenceEnergies, long seed, int threads,
                              LearningCurve curve, List<InvariantPoint> invariantPoints, TrainingCheckpoint checkpoint) {

    /** A context without checkpoints. */
    public TrainingContext(Path modelDir, Map<String, Double> referenceEnergies, long seed, int threads,
                           LearningCurve curve, List<InvariantPoint> invariantPoints) {
        this(modelDir, referenceEnergies, seed, threads, curve, invariantPoints, TrainingCheckpoint.NONE);
    }

    /**
     * An invariant point of feature space (Yoo et al. 2019): a structure whose atoms of
     * {@code element} are all equivalent, with the true atomic energy there (eV, raw, including
     * the reference energy). The isolated atom is a one-atom structure in vacuum whose atomic
     * energy is the isolated-atom energy.
     */
    public record InvariantPoint(String name, String element, LabelledStructure structure, double atomicEnergy) {}
}
