package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.check.Consistency;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jmd test} and {@code jmd label} on the mlearn Si test set with Stillinger–Weber. */
class TestAndLabelCommandTest {
    @TempDir Path tmp;

    private static String swLine() {
        Path sw = Path.of(System.getProperty("jmd.root", "..")).resolve("inputs/potentials/Si.sw").toAbsolutePath();
        assertTrue(Files.isRegularFile(sw), "missing " + sw);
        return "sw " + sw;
    }

    /** Top-level "key": number lines of our pretty-printed JSON (two-space indent), in order. */
    private static Map<String, String> topLevel(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?m)^  \"([^\"]+)\": (.*?),?$").matcher(json);
        while (matcher.find()) m.put(matcher.group(1), matcher.group(2));
        return m;
    }

    /**
     * The metrics against an independent computation in this test: per structure (E_SW − E_DFT)/N
     * in meV and every force component difference, averaged over structures and components.
     */
    @Test void metricsMatchAComputationByHandAndTheJsonHasExactlyTheKeys() throws Exception {
        Path data = Jmd.shared("data/si-pbe/si_mlearn_test.extxyz");
        String line = swLine();
        Path json = tmp.resolve("metrics.json"), csv = tmp.resolve("parity.csv");
        Jmd.Run r = Jmd.run("test", "--potential", line, data.toString(), "--out", json.toString(), "--predictions", csv.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());

        Potential sw = PotentialRegistry.load().create(line, null);
        double eAbs = 0, eSq = 0, fAbs = 0, fSq = 0;
        long comps = 0;
        Map<String, double[]> byType = new TreeMap<>();
        List<Frame> frames = StructureIO.readAll(data);
        for (Frame f : frames) {
            ForceResult p = Consistency.evaluate(sw, f.system);
            double de = 1000 * (p.energy - f.energy) / f.system.size();
            eAbs += Math.abs(de);
            eSq += de * de;
            double[] t = byType.computeIfAbsent(f.info.get("config_type"), k -> new double[2]);
            t[0] += Math.abs(de);
            t[1]++;
            for (int k = 0; k < p.forces.length; k++) {
                double df = p.forces[k] - f.forces[k];
                fAbs += Math.abs(df);
                fSq += df * df;
                comps++;
            }
        }
        int n = frames.size();
        String text = Files.readString(json);
        Map<String, String> top = topLevel(text);
        assertEquals(List.of("energy_mae", "energy_rmse", "force_mae", "force_rmse", "by_config_type"), new ArrayList<>(top.keySet()));
        assertEquals(eAbs / n, Double.parseDouble(top.get("energy_mae")), 1e-9 * eAbs / n);
        assertEquals(Math.sqrt(eSq / n), Double.parseDouble(top.get("energy_rmse")), 1e-9 * Math.sqrt(eSq / n));
        assertEquals(fAbs / comps, Double.parseDouble(top.get("force_mae")), 1e-9 * fAbs / comps);
        assertEquals(Math.sqrt(fSq / comps), Double.parseDouble(top.get("force_rmse")), 1e-9 * Math.sqrt(fSq / comps));
        for (Map.Entry<String, double[]> e : byType.entrySet()) {
            Matcher m = Pattern.compile("\"" + e.getKey() + "\": \\{\\s*\"energy_mae\": ([^,]+),\\s*\"energy_rmse\": [^,]+,\\s*\"force_mae\": [^,]+,"
                    + "\\s*\"force_rmse\": [^,\\s]+\\s*}").matcher(text);
            assertTrue(m.find(), "by_config_type." + e.getKey() + " with exactly the four keys");
            double want = e.getValue()[0] / e.getValue()[1];
            assertEquals(want, Double.parseDouble(m.group(1)), 1e-9 * want);
        }
        assertTrue(r.out().contains("AIMD-NVT") && r.out().contains("meV/atom"), r.out());

        List<String> rows = Files.readAllLines(csv);
        long atoms = frames.stream().mapToLong(f -> f.system.size()).sum();
        assertEquals(1 + n + 3 * atoms, rows.size());
        String[] first = rows.get(1).split(",");
        assertEquals("energy_per_atom", first[4]);
        assertEquals(frames.get(0).energy / frames.get(0).system.size(), Double.parseDouble(first[6]), 1e-12);
    }

    /** Labelling with SW and testing SW on the result gives zero error; config_type and description survive. */
    @Test void labelThenTestRoundTrip() throws Exception {
        Path data = Jmd.shared("data/si-pbe/si_mlearn_test.extxyz");
        Path out = tmp.resolve("labelled.extxyz");
        String line = swLine();
        Jmd.Run r = Jmd.run("label", "--potential", line, data.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        List<Frame> in = StructureIO.readAll(data), labelled = StructureIO.readAll(out);
        assertEquals(in.size(), labelled.size());
        for (int k = 0; k < in.size(); k++) {
            assertEquals(in.get(k).info.get("config_type"), labelled.get(k).info.get("config_type"));
            assertEquals(in.get(k).info.get("description"), labelled.get(k).info.get("description"));
            assertEquals(line, labelled.get(k).info.get("labelled_by"));
        }
        Path json = tmp.resolve("m.json");
        r = Jmd.run("test", "--potential", line, out.toString(), "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, String> top = topLevel(Files.readString(json));
        for (String key : List.of("energy_mae", "energy_rmse", "force_mae", "force_rmse")) assertEquals(0.0, Double.parseDouble(top.get(key)), 1e-9, key);
    }

    @Test void dataWithoutEnergiesIsAClearError() throws Exception {
        Path in = tmp.resolve("bare.extxyz");
        Files.writeString(in, "1\nLattice=\"5 0 0 0 5 0 0 0 5\" Properties=species:S:1:pos:R:3\nSi 0 0 0\n");
        Jmd.Run r = Jmd.run("test", "--potential", swLine(), in.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bare.extxyz:1: structure 1: no total energy"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
