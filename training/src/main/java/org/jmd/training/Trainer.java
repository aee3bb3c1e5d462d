package org.jmd.training;

import java.util.List;

/**
 * Fits one model family (linear, PLIP, NNP, ...) to labelled structures. Found by name through
 * {@link TrainerProvider}, so a deck's {@code model NAME key=value...} chooses it.
 */
public interface Trainer {
    /**
     * Trains on {@code training}, using {@code validation} for early stopping or model selection
     * (it may be empty), writes the model into {@code context.modelDir()} and returns the deck
     * line that loads it (e.g. {@code "nnp /abs/path/model"}), which must work with
     * {@code PotentialRegistry.create}.
     */
    String train(List<LabelledStructure> training, List<LabelledStructure> validation, TrainingContext context);
}
