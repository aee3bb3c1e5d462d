package org.jmd.studies;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jmd.engine.InputException;
import org.jmd.training.LabelledStructure;

/**
 * What a running test is given: the models and the reference, the reference data, the output
 * folders, whether the study runs in {@code --quick} mode, and a log.
 */
public final class StudyContext {
    private final Path outDir;
    private final List<Model> models;
    private final Model reference;
    private final List<LabelledStructure> referenceData;
    private final boolean quick;
    private final PrintWriter out;
    private final double maxForceSpread;

    /**
     * @param reference      the reference potential, or null
     * @param maxForceSpread force spread (eV/Å) beyond which a committee is recorded as having left its training data; NaN for none
     */
    public StudyContext(Path outDir, List<Model> models, Model reference, List<LabelledStructure> referenceData, boolean quick,
                        PrintWriter out, double maxForceSpread) {
        this.outDir = outDir;
        this.models = List.copyOf(models);
        this.reference = reference;
        this.referenceData = referenceData;
        this.quick = quick;
        this.out = out;
        this.maxForceSpread = maxForceSpread;
    }

    public Path outDir() { return outDir; }

    /** The models under test, in deck order. */
    public List<Model> models() { return models; }

    /** The reference potential, or null when the study has only reference data. */
    public Model reference() { return reference; }

    /** The reference and then the models: everything a test runs, in the order tables show it. */
    public List<Model> subjects() {
        List<Model> all = new ArrayList<>();
        if (reference != null) all.add(reference);
        all.addAll(models);
        return all;
    }

    /** Labelled structures of {@code reference data FILE} lines (empty if none). */
    public List<LabelledStructure> referenceData() { return referenceData; }

    public boolean quick() { return quick; }

    /** eV/Å; NaN when the deck set no {@code max_fspread}. */
    public double maxForceSpread() { return maxForceSpread; }

    /** The test's folder {@code DIR/ID}, created. */
    public Path testDir(String id) {
        Path d = outDir.resolve(id);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new InputException(d.toString(), 0, "cannot create: " + e.getMessage());
        }
        return d;
    }

    /** A path relative to the report's directory (for images in the report). */
    public String relative(Path file) { return outDir.relativize(file).toString().replace('\\', '/'); }

    public void say(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
