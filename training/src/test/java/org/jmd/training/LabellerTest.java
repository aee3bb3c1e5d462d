package org.jmd.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabellerTest {
    @TempDir Path dir;

    /** Unlabelled structures → labelled with SW → written and read back: labels equal direct evaluation, info kept. */
    @Test void labelRoundTripWithStillingerWeber() {
        Path sw = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw").toAbsolutePath();
        assertTrue(Files.isRegularFile(sw), "missing " + sw);
        String line = "sw " + sw;
        List<Frame> frames = SyntheticData.frames(6, new String[] {"Si"}, 40);
        for (Frame f : frames) { f.energy = null; f.forces = null; }
        Path in = SyntheticData.write(dir.resolve("in.extxyz"), frames);
        List<Frame> labelled = Labeller.label(StructureIO.readAll(in), Labeller.potential(line, dir), line, 2);
        Path out = dir.resolve("out.extxyz");
        StructureIO.write(out, labelled, "extxyz");
        List<LabelledStructure> back = LabelledData.read(out, null);
        Potential p = PotentialRegistry.load().create(line, dir);
        for (int k = 0; k < frames.size(); k++) {
            ForceResult want = Consistency.evaluate(p, frames.get(k).system);
            LabelledStructure s = back.get(k);
            assertEquals(want.energy, s.energy(), 1e-12 * Math.abs(want.energy));
            for (int c = 0; c < want.forces.length; c++) assertEquals(want.forces[c], s.forces()[c], 1e-12);
            assertEquals(frames.get(k).info.get("config_type"), s.configType());
            assertEquals(frames.get(k).info.get("description"), s.frame().info.get("description"));
            assertEquals(line, s.frame().info.get(Labeller.LABELLED_BY));
        }
        assertNull(frames.get(0).energy, "the input frames are not modified");
    }
}
