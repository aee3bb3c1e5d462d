package org.jmd.training.linear;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.training.LabelledStructure;

/** Labelled data sets of testdata/data; a missing file fails the test. */
final class SharedData {
    private SharedData() {}

    static Path file(String set, String name) {
        String shared = System.getProperty("jmd.testdata");
        if (shared == null) fail("system property jmd.testdata is not set (surefire sets it to testdata/ in the repository)");
        Path p = Path.of(shared, "data", set, name);
        if (!Files.isRegularFile(p)) fail("reference data missing: " + p);
        return p;
    }

    static List<LabelledStructure> read(String set, String name) {
        List<LabelledStructure> out = new ArrayList<>();
        for (Frame f : StructureIO.readAll(file(set, name))) out.add(new LabelledStructure(f, f.info.getOrDefault("config_type", "")));
        return out;
    }

    /**
     * Per-element reference energies: the mean energy per atom of the structures, given to every
     * element (enough here: the model's biases absorb any split between elements, and the ZnO
     * structures are all stoichiometric). The trainer's input, not an expected value.
     */
    static Map<String, Double> meanEnergyPerAtom(List<LabelledStructure> data) {
        double sum = 0;
        long atoms = 0;
        Map<String, Double> ref = new LinkedHashMap<>();
        for (LabelledStructure s : data) {
            sum += s.energy();
            atoms += s.size();
            for (String el : s.frame().system.symbols()) ref.put(el, 0.0);
        }
        double mean = sum / atoms;
        ref.replaceAll((k, v) -> mean);
        return ref;
    }
}
