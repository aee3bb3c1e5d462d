package org.jmd.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs ASE (Debian's python3-ase, for /usr/bin/python3) on files jmd wrote or will read. Each
 * script prints lines "key value value …" (floats with repr, so no digits are lost).
 */
final class Ase {
    private Ase() {}

    /** Debian's interpreter, where python3-ase installs (the python3 on PATH may be another one); -Djmd.python overrides. */
    static final String PYTHON = System.getProperty("jmd.python", "/usr/bin/python3");

    /** Helpers every script starts with. */
    private static final String PRELUDE = String.join("\n",
            "import sys",
            "import numpy as np",
            "from ase import units, Atoms",
            "from ase.io import read, write",
            "def num(key, v):",
            "    print(key, ' '.join(repr(float(x)) for x in np.ravel(np.asarray(v, dtype=float))))",
            "def txt(key, v):",
            "    print(key, ' '.join(str(x) for x in v))",
            "");

    private static Boolean available;

    /** Skips the calling test, saying why, when /usr/bin/python3 with ase is not installed. */
    static void assume() {
        if (available == null) {
            available = false;
            if (Files.isExecutable(Path.of(PYTHON))) {
                try {
                    Process p = new ProcessBuilder(PYTHON, "-c", "import ase").redirectErrorStream(true).start();
                    available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
                } catch (IOException | InterruptedException e) {
                    available = false;
                }
            }
        }
        assumeTrue(available, "ASE interoperability not tested: " + PYTHON + " with the 'ase' module (Debian python3-ase) is not installed");
    }

    /** Runs the script with the given arguments; fails the test with Python's stderr if it fails. */
    static Map<String, String[]> run(String script, Path... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", PRELUDE + script));
        for (Path a : args) cmd.add(a.toString());
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "ASE script timed out");
        assertEquals(0, p.exitValue(), "ASE script failed:\n" + new String(err, StandardCharsets.UTF_8));
        Map<String, String[]> values = new LinkedHashMap<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            values.put(f[0], java.util.Arrays.copyOfRange(f, 1, f.length));
        }
        return values;
    }

    static double[] reals(Map<String, String[]> v, String key) {
        String[] s = v.get(key);
        assertNotNull(s, "ASE printed no '" + key + "'");
        double[] d = new double[s.length];
        for (int k = 0; k < s.length; k++) d[k] = Double.parseDouble(s[k]);
        return d;
    }
}
