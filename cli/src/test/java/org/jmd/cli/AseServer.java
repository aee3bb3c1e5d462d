package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * ASE's {@code SocketIOCalculator} as the server and {@code jmd serve} (in this JVM) as its
 * client: runs a Python script that makes the calculator on a fresh UNIX socket and prints lines
 * "key value value …" (floats with repr, so no digit is lost), while jmd serve answers it.
 * Needs Debian's python3-ase for /usr/bin/python3 (-Djmd.python overrides); tests are skipped,
 * saying so, without it.
 */
final class AseServer {
    private AseServer() {}

    static final String PYTHON = System.getProperty("jmd.python", "/usr/bin/python3");

    /** Helpers every script starts with; {@code calc} is the socket calculator on the socket named in argv[1]. */
    private static final String PRELUDE = String.join("\n",
            "import sys",
            "import numpy as np",
            "from ase import units",
            "from ase.io import read",
            "from ase.calculators.socketio import SocketIOCalculator",
            "def num(key, v):",
            "    print(key, ' '.join(repr(float(x)) for x in np.ravel(np.asarray(v, dtype=float))))",
            "calc = SocketIOCalculator(unixsocket=sys.argv[1], timeout=60)",
            "");

    private static Boolean available;

    /** Skips the calling test, saying why, when /usr/bin/python3 with ase is not installed. */
    static void assume() {
        if (available == null) {
            available = false;
            if (Files.isExecutable(Path.of(PYTHON))) {
                try {
                    Process p = new ProcessBuilder(PYTHON, "-c", "import ase.calculators.socketio").redirectErrorStream(true).start();
                    available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
                } catch (IOException | InterruptedException e) {
                    available = false;
                }
            }
        }
        assumeTrue(available, "ASE socket tests not run: " + PYTHON + " with the 'ase' module (Debian python3-ase) is not installed");
    }

    /** What the script printed and what jmd serve printed and returned. */
    record Session(Map<String, String[]> values, Jmd.Run serve) {
        double[] reals(String key) {
            String[] s = values.get(key);
            assertNotNull(s, "ASE printed no '" + key + "'");
            double[] d = new double[s.length];
            for (int k = 0; k < s.length; k++) d[k] = Double.parseDouble(s[k]);
            return d;
        }

        double real(String key) { return reals(key)[0]; }
    }

    /**
     * Runs {@code script} (after the prelude; it must close {@code calc}) with ASE listening on a
     * new UNIX socket and {@code jmd serve --unix NAME SERVE_ARGS...} connected to it.
     */
    static Session run(String script, List<String> scriptArgs, String... serveArgs) throws Exception {
        String name = "jmd-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "-c", PRELUDE + script, name));
        cmd.addAll(scriptArgs);
        Process python = new ProcessBuilder(cmd).start();
        // own threads: the common pool may have a single worker on a small machine, and these block
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            return collect(python, threads, name, serveArgs);
        } finally {
            python.destroyForcibly();
            threads.shutdownNow();
        }
    }

    private static Session collect(Process python, ExecutorService threads, String name, String... serveArgs) throws Exception {
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(python.getErrorStream()), threads);
        List<String> serve = new ArrayList<>(List.of("serve", "--unix", name, "--wait", "30", "--threads", "1"));
        serve.addAll(List.of(serveArgs));
        CompletableFuture<Jmd.Run> jmd = CompletableFuture.supplyAsync(() -> Jmd.run(serve.toArray(new String[0])), threads);
        byte[] out = readAll(python.getInputStream());
        boolean done = python.waitFor(120, TimeUnit.SECONDS);
        if (!done) python.destroyForcibly();
        String stderr = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertTrue(done, "ASE script timed out");
        Jmd.Run served = jmd.get(30, TimeUnit.SECONDS);
        assertEquals(0, python.exitValue(), "ASE script failed:\n" + stderr + "\njmd serve: " + served.err());
        assertEquals(0, served.code(), "jmd serve failed: " + served.err());
        Map<String, String[]> values = new LinkedHashMap<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            values.put(f[0], java.util.Arrays.copyOfRange(f, 1, f.length));
        }
        return new Session(values, served);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
