package org.jmd.studies;

import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.Potential;
import org.jmd.io.Frame;
import org.jmd.training.LabelledStructure;

/**
 * Everything a study deck said, checked: models, the reference (a potential and/or labelled
 * data), the training set for the descriptor-space diagnostics, the tests and the diagnostics'
 * settings. Nothing has run yet (no model trained, no test started).
 *
 * @param referenceLine      the reference potential's line, or null
 * @param reference          the reference potential (loaded while checking), or null
 * @param referenceData      labelled structures of {@code reference data} lines (may be empty)
 * @param training           structures of the {@code training} line (may be empty)
 * @param trainingSource     the training file, or null
 * @param slowTests          ids of the tests a {@code --quick} run leaves out ({@code quick=no})
 */
public record StudyPlan(String source, List<ModelSpec> models, String referenceLine, Potential reference,
                        List<LabelledStructure> referenceData, List<Frame> training, Path trainingSource,
                        List<StudyTest> tests, java.util.Set<String> slowTests, DiagnosticSettings diagnostics) {}
