package org.jmd.studies;

import java.nio.file.Path;

/**
 * A {@code model} line as read: either a potential line to load ({@code model NAME LINE}) or a
 * training deck to run into {@code DIR/models/NAME} ({@code model NAME train=DECK}).
 *
 * @param name      the model's name in tables
 * @param line      the potential line, or null for a trained model
 * @param baseDir   where relative paths of the line resolve
 * @param trainDeck the training deck, or null
 * @param quick     whether the model takes part in {@code --quick} runs
 * @param source    the study deck, for messages
 * @param lineNumber the deck line
 */
public record ModelSpec(String name, String line, Path baseDir, Path trainDeck, boolean quick, String source, int lineNumber) {}
