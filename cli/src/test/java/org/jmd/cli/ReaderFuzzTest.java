package org.jmd.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jmd.engine.InputException;
import org.jmd.engine.PotentialRegistry;
import org.jmd.engine.ThreadTeam;
import org.jmd.engine.deck.Deck;
import org.jmd.engine.deck.RunInterrupted;
import org.jmd.io.ExtXyz;
import org.jmd.io.LammpsData;
import org.jmd.io.N2p2Data;
import org.jmd.io.Poscar;
import org.jmd.io.StructureFormat;
import org.jmd.training.TrainDeck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every reader of user files, fed {@value #INPUTS} broken variants of the valid files in the
 * repository ({@link InputMutator}, seeded): each input is either read or refused with an
 * {@link InputException} whose message starts {@code FILE:LINE: } (a line ≥ 1, a file that is
 * the input or one beside it). Nothing else may be thrown — no NumberFormatException,
 * ArrayIndexOutOfBoundsException, NegativeArraySizeException or OutOfMemoryError — no input may
 * take longer than {@value #SECONDS_PER_INPUT} s (a watchdog thread times each one), and no input
 * leaves a file behind (run decks, whose earlier lines may legitimately write, no temporary file).
 *
 * <p>Printed at the end, per reader: inputs, accepted, rejected, the CPU time of its thread
 * (harness included) and the slowest input; and the wall and CPU time of the whole test JVM, whose
 * CPU divided by the cores is the wall time on an idle machine (the JIT compiler takes about a
 * third of it: eleven readers' worth of code is compiled for 10,000 inputs each).
 */
@Execution(ExecutionMode.CONCURRENT) // the readers are independent: two at a time on a two-core machine
class ReaderFuzzTest {
    static final int INPUTS = 10_000;
    static final long SEED = 20_250_612L;
    static final int SECONDS_PER_INPUT = 10;
    /** Failures kept per reader (each saved under target/fuzz-failures for replay). */
    static final int KEEP = 12;

    @TempDir static Path tmp;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    static final Map<String, String> summary = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static int threadsBefore;
    private static long wallStart, cpuStart;

    /** CPU time of the whole test JVM: on an idle machine the suite's wall time is about this divided by the cores. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @BeforeAll static void start() {
        wallStart = System.nanoTime();
        cpuStart = processCpu();
        threadsBefore = ThreadTeam.defaultThreads();
        ThreadTeam.setDefaultThreads(1); // decks run one thread each: the readers run side by side
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true); // a hung reader must not keep the test JVM alive
            return t;
        });
    }

    @AfterAll static void report() {
        ThreadTeam.setDefaultThreads(threadsBefore);
        System.out.println(String.format(Locale.ROOT, "%-16s %8s %9s %9s %10s %9s", "reader", "inputs", "accepted", "rejected", "cpu", "slowest ms"));
        summary.forEach((name, line) -> System.out.println(line));
        System.out.println(String.format(Locale.ROOT, "all readers: %.1f s wall, %.1f s CPU of the test JVM on %d cores", (System.nanoTime() - wallStart) * 1e-9,
                (processCpu() - cpuStart) * 1e-9, Runtime.getRuntime().availableProcessors()));
    }

    // ------------------------------------------------------------------ targets

    /** What one input is given to: the text, and (for readers of files) where it was written. */
    interface Reader {
        void read(String text, Path file) throws Exception;
    }

    /** A valid file the variants are made from, and the path (relative to the work directory) they are read as. */
    record Seed(String relative, String text) {}

    @Test void extxyz() throws Exception {
        fuzz("extxyz", structures(ExtXyz.FORMAT), null,
                seed("inputs/structures/ar_fcc.extxyz", "a.extxyz"),
                seed("testdata/reference/lammps-singlepoint/si_triclinic.sw.extxyz", "b.extxyz"),
                seed("testdata/reference/lammps-singlepoint/zno_wurtzite_rattled.buck.extxyz", "c.extxyz"),
                seed("testdata/reference/lammps-singlepoint/si_cluster.tersoff.extxyz", "d.extxyz"),
                firstFrames("testdata/data/si-pbe/si_mlearn_test.extxyz", 3, "e.extxyz"),
                firstFrames("testdata/data/zno-pbe/zno_polymorphs_train.extxyz", 3, "f.extxyz"));
    }

    @Test void lammpsData() throws Exception {
        fuzz("lammps-data", structures(LammpsData.FORMAT), null,
                seed("testdata/structures/si_triclinic.lmp", "a.lmp"), seed("testdata/structures/zno_charge.lmp", "b.lmp"));
    }

    @Test void poscar() throws Exception {
        fuzz("poscar", structures(Poscar.FORMAT), null,
                seed("testdata/structures/si_selective.POSCAR", "POSCAR"), seed("testdata/structures/zno_wurtzite.POSCAR", "CONTCAR"));
    }

    @Test void n2p2Structures() throws Exception {
        // n2p2's own example, and a file of several structures with a lattice (the extended XYZ seed e, converted)
        StringWriter several = new StringWriter();
        for (org.jmd.io.Frame f : readAll(ExtXyz.FORMAT, firstFrames("testdata/data/si-pbe/si_mlearn_test.extxyz", 3, "e.extxyz"))) {
            N2p2Data.write(several, f);
        }
        fuzz("n2p2 input.data", structures(N2p2Data.FORMAT), null,
                seed("testdata/reference/n2p2/Anisole_SCAN/input.data", "input.data"), new Seed("several.n2p2", several.toString()));
    }

    @Test void n2p2Potential() throws Exception {
        Path dir = copy("testdata/reference/n2p2/H2O_RPBE-D3", "h2o", "input.nn", "scaling.data", "weights.001.data", "weights.008.data");
        fuzz("n2p2 potential", potential("nnp h2o length_unit=bohr energy_unit=hartree", dir), dir,
                seed("testdata/reference/n2p2/H2O_RPBE-D3/input.nn", "h2o/input.nn"),
                seed("testdata/reference/n2p2/H2O_RPBE-D3/scaling.data", "h2o/scaling.data"),
                seed("testdata/reference/n2p2/H2O_RPBE-D3/weights.001.data", "h2o/weights.001.data"),
                seed("testdata/reference/n2p2/H2O_RPBE-D3/weights.008.data", "h2o/weights.008.data"));
    }

    @Test void linearModel() throws Exception {
        Path dir = copy("testdata/potentials/si-linear", "linear", "input.nn", "scaling.data", "weights.014.data");
        fuzz("linear model", potential("linear linear", dir), dir,
                seed("testdata/potentials/si-linear/input.nn", "linear/input.nn"),
                seed("testdata/potentials/si-linear/scaling.data", "linear/scaling.data"),
                seed("testdata/potentials/si-linear/weights.014.data", "linear/weights.014.data"));
    }

    @Test void stillingerWeber() throws Exception {
        fuzz("sw", potential("sw Si.sw", workDir("sw")), workDir("sw"), seed("inputs/potentials/Si.sw", "Si.sw"));
    }

    @Test void tersoff() throws Exception {
        fuzz("tersoff", potential("tersoff x.tersoff", workDir("tersoff")), workDir("tersoff"),
                seed("inputs/potentials/Si.tersoff", "x.tersoff"),
                seed("inputs/potentials/Si_1988C.tersoff", "x.tersoff"),
                seed("testdata/potentials/ZnO_Erhart2006.tersoff", "x.tersoff"));
    }

    @Test void plip() throws Exception {
        fuzz("plip", potential("plip si.plip", workDir("plip")), workDir("plip"),
                seed("benchmarks/src/main/resources/org/jmd/benchmarks/si-plip.plip", "si.plip"));
    }

    /**
     * The example decks, made small (a few atoms instead of hundreds) so that each runs in about
     * a millisecond. Every input runs with the stop signal already given, so {@code run} and
     * {@code minimize} take one step and end the deck as Ctrl-C would: what is fuzzed is every
     * line up to and including the first run, as it reads and checks its arguments and files.
     */
    @Test void runDecks() throws Exception {
        Path dir = workDir("run");
        Files.createDirectories(dir.resolve("inputs/potentials"));
        Files.createDirectories(dir.resolve("testdata/potentials"));
        Files.copy(root().resolve("inputs/potentials/Si.sw"), dir.resolve("inputs/potentials/Si.sw"));
        Files.copy(root().resolve("inputs/potentials/Si.tersoff"), dir.resolve("inputs/potentials/Si.tersoff"));
        Files.copy(root().resolve("testdata/potentials/ZnO_Erhart2006.tersoff"), dir.resolve("testdata/potentials/ZnO_Erhart2006.tersoff"));
        Reader deck = (text, file) -> {
            StringWriter screen = new StringWriter();
            try (Deck d = new Deck(new PrintWriter(screen), new PrintWriter(new StringWriter()), false)) {
                d.stopSignal().request();
                d.run(text, file.toString(), file.getParent());
            } catch (RunInterrupted stopped) {
                // the deck reached its first run: everything before it was read and checked
            }
        };
        fuzz("run deck", deck, dir, true,
                small(seed("inputs/si-liquid.deck", "inputs/a.deck"), "repeat=3,3,3", "repeat=1,1,1"),
                small(seed("inputs/si-npt.deck", "inputs/b.deck"), "repeat=3,3,3", "repeat=1,1,1"),
                small(seed("inputs/si-nanoparticle-relax.deck", "inputs/c.deck"), "repeat=4,4,4", "repeat=2,2,2"),
                small(seed("inputs/zno-wurtzite-relax.deck", "inputs/d.deck"), "repeat=4,4,3", "repeat=1,1,1"));
    }

    /**
     * The example training decks in dry-run mode (everything but the training: data read,
     * selected and split, reference energies, labelling and invariant-point potentials loaded,
     * the model line checked), on the first structures of their data sets.
     */
    @Test void trainDecks() throws Exception {
        Path dir = workDir("train");
        Files.createDirectories(dir.resolve("inputs/train"));
        Files.createDirectories(dir.resolve("inputs/potentials"));
        Files.copy(root().resolve("inputs/potentials/Si.sw"), dir.resolve("inputs/potentials/Si.sw"));
        for (String set : List.of("si-pbe/si_mlearn_training.extxyz", "zno-pbe/zno_polymorphs_train.extxyz")) {
            Path to = dir.resolve("testdata/data").resolve(set);
            Files.createDirectories(to.getParent());
            Files.writeString(to, firstFrames("testdata/data/" + set, 6, "").text());
        }
        Reader deck = (text, file) -> {
            TrainDeck d = new TrainDeck(new PrintWriter(new StringWriter()), file.resolveSibling("out"));
            d.setDryRun(true);
            d.run(text, file.toString(), file.getParent());
        };
        List<Seed> seeds = new ArrayList<>();
        try (Stream<Path> decks = Files.list(root().resolve("inputs/train"))) {
            for (Path p : decks.sorted().toList()) seeds.add(seed("inputs/train/" + p.getFileName(), "inputs/train/" + p.getFileName()));
        }
        fuzz("train deck", deck, dir, seeds.toArray(new Seed[0]));
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Feeds {@link #INPUTS} variants of the seeds (in turn) to the reader. With {@code dir} null
     * the reader gets the text only (its source name is the seed's relative path); otherwise the
     * text is written to {@code dir/relative} and read from there (the seed's text is put back
     * before another seed's variants begin).
     */
    private static void fuzz(String name, Reader reader, Path dir, Seed... seeds) throws Exception {
        fuzz(name, reader, dir, false, seeds);
    }

    /**
     * As above; {@code writesAsItGoes} for run decks, whose lines run in order, so outputs opened by
     * the lines before a faulty one exist (they are complete: no temporary file may be left); they
     * are removed before the next input.
     */
    private static void fuzz(String name, Reader reader, Path dir, boolean writesAsItGoes, Seed... seeds) throws Exception {
        if (dir != null) {
            for (Seed s : seeds) {
                Path file = dir.resolve(s.relative());
                Files.createDirectories(file.getParent());
                Files.writeString(file, s.text(), StandardCharsets.UTF_8);
            }
        }
        // The inputs run on a thread of their own; this one only watches that none takes too long.
        Progress progress = new Progress();
        ExecutorService thread = newWorker();
        Future<Outcome> run = thread.submit(() -> inputs(name, reader, dir, writesAsItGoes, seeds, progress));
        Outcome o;
        while (true) {
            try {
                o = run.get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception x) throw x;
                throw new AssertionError(e.getCause());
            } catch (TimeoutException e) {
                long since = progress.since;
                if (since != 0 && System.nanoTime() - since > SECONDS_PER_INPUT * 1_000_000_000L) {
                    thread.shutdownNow(); // the stuck thread is a daemon: it is left behind, not waited for
                    fail(name + ": input " + progress.input + " (from " + progress.seed.relative() + ") gave no answer within "
                            + SECONDS_PER_INPUT + " s; saved as " + save(name, progress.input, progress.seed, progress.text));
                }
            }
        }
        thread.shutdown();
        summary.put(name, String.format(Locale.ROOT, "%-16s %8d %9d %9d %8.1f s %9.1f (input %d)", name, INPUTS, o.accepted, o.rejected,
                o.cpu * 1e-9, o.slowest * 1e-6, o.slowestInput));
        if (!o.invalidSeed.isEmpty()) fail(name + ": " + o.invalidSeed);
        assertTrue(o.failures.isEmpty(), name + ": " + o.failures.size() + " inputs were not refused properly (first " + KEEP + " shown):\n  "
                + String.join("\n  ", o.failures));
    }

    /** Which input the reader thread is on, and since when (0: between inputs), for the watchdog. */
    private static final class Progress {
        volatile int input;
        volatile Seed seed;
        volatile String text;
        volatile long since;
    }

    /** What one reader did with its inputs. */
    private static final class Outcome {
        int accepted, rejected, slowestInput = -1;
        long slowest, cpu;
        String invalidSeed = "";
        final List<String> failures = new ArrayList<>();
    }

    /** The loop over one reader's inputs, on the reader thread. */
    private static Outcome inputs(String name, Reader reader, Path dir, boolean writesAsItGoes, Seed[] seeds, Progress progress) throws Exception {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        Outcome o = new Outcome();
        Set<String> before = dir == null ? Set.of() : listing(dir);
        for (Seed s : seeds) {
            Throwable t = attempt(reader, s.text(), dir, s, -1, progress);
            if (t != null) {
                o.invalidSeed = "the valid seed " + s.relative() + " is refused: " + describe(t);
                return o;
            }
        }
        InputMutator mutator = new InputMutator(SEED ^ name.hashCode());
        Seed written = null;
        for (int k = 0; k < INPUTS; k++) {
            // the seeds in turn, in blocks: the file of a block's seed is put back once, when the block ends
            Seed s = seeds[(int) ((long) k * seeds.length / INPUTS)];
            if (dir != null && written != null && written != s) Files.writeString(dir.resolve(written.relative()), written.text(), StandardCharsets.UTF_8);
            written = s;
            String text = mutator.mutate(s.text());
            long t0 = System.nanoTime();
            Throwable t = attempt(reader, text, dir, s, k, progress);
            long took = System.nanoTime() - t0;
            if (took > o.slowest) { o.slowest = took; o.slowestInput = k; }
            String problem = null;
            if (t == null) {
                o.accepted++;
            } else if (t instanceof InputException e && located(e, dir, s)) {
                o.rejected++;
            } else {
                problem = t instanceof InputException ? "not located at FILE:LINE: '" + t.getMessage() + "'" : describe(t);
            }
            if (dir != null && problem == null) {
                Set<String> after = listing(dir);
                if (!after.equals(before)) {
                    Set<String> extra = new TreeSet<>(after);
                    extra.removeAll(before);
                    if (!writesAsItGoes) problem = (t == null ? "accepted" : "refused") + " but left files behind: " + extra;
                    else if (extra.stream().anyMatch(f -> f.endsWith(".tmp"))) problem = "left a temporary file behind: " + extra;
                    clean(dir, before);
                }
            }
            if (problem != null) {
                o.failures.add("input " + k + " (from " + s.relative() + "): " + problem + "\n    saved as " + save(name, k, s, text));
                if (o.failures.size() >= KEEP) break;
            }
        }
        if (dir != null && written != null) Files.writeString(dir.resolve(written.relative()), written.text(), StandardCharsets.UTF_8);
        o.cpu = CPU.getCurrentThreadCpuTime() - cpu0;
        return o;
    }

    /** Runs one input (written to its file first, when it is read from one); the throwable it ended with, or null. */
    private static Throwable attempt(Reader reader, String text, Path dir, Seed s, int k, Progress progress) throws IOException {
        Path file = dir == null ? Path.of(s.relative()) : dir.resolve(s.relative());
        if (dir != null) Files.writeString(file, text, StandardCharsets.UTF_8);
        progress.input = k;
        progress.seed = s;
        progress.text = text;
        progress.since = System.nanoTime();
        try {
            reader.read(text, file);
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            progress.since = 0;
        }
    }

    /** Whether the message starts "FILE:LINE: " with a line ≥ 1 and a file that is the input or beside it. */
    private static boolean located(InputException e, Path dir, Seed s) {
        if (e.source() == null || e.line() < 1 || !e.getMessage().startsWith(e.source() + ":" + e.line() + ": ")) return false;
        if (dir == null) return e.source().equals(s.relative());
        Path p = Path.of(e.source()).toAbsolutePath().normalize();
        return p.startsWith(dir.toAbsolutePath().normalize());
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] st = t.getStackTrace();
        for (int k = 0; k < Math.min(4, st.length); k++) sb.append("\n      at ").append(st[k]);
        return sb.toString();
    }

    private static String save(String reader, int k, Seed s, String text) {
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Path p = dir.resolve(reader.replaceAll("[^A-Za-z0-9]+", "-") + "-" + k + "-" + Path.of(s.relative()).getFileName());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return p.toString();
        } catch (IOException e) {
            return "(not saved: " + e.getMessage() + ")";
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
        }
    }

    private static void clean(Path dir, Set<String> keep) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!keep.contains(dir.relativize(p).toString())) Files.delete(p);
            }
        }
    }

    // ------------------------------------------------------------------ readers and seeds

    private static List<org.jmd.io.Frame> readAll(StructureFormat format, Seed s) throws IOException {
        List<org.jmd.io.Frame> frames = new ArrayList<>();
        BufferedReader in = new BufferedReader(new StringReader(s.text()));
        int[] line = {0};
        for (org.jmd.io.Frame f; (f = format.readFrame(in, s.relative(), line)) != null; ) frames.add(f);
        return frames;
    }

    /** Every frame of the text, read as {@link org.jmd.io.StructureReader} does. */
    private static Reader structures(StructureFormat format) {
        return (text, file) -> {
            int[] line = {0};
            BufferedReader in = new BufferedReader(new StringReader(text));
            String source = file.toString();
            int frames = 0;
            while (format.readFrame(in, source, line) != null) {
                frames++;
                if (!format.multiFrame()) break;
            }
            if (frames == 0 && !text.isBlank()) throw new AssertionError("no frame and no error from a non-empty file");
        };
    }

    private static final PotentialRegistry POTENTIALS = PotentialRegistry.load();

    /** A potential line, its paths relative to the work directory. */
    private static Reader potential(String line, Path baseDir) {
        return (text, file) -> POTENTIALS.create(line, baseDir);
    }

    static Path root() { return Path.of(System.getProperty("jmd.root", "..")); }

    private static Seed seed(String repositoryPath, String relative) {
        try {
            return new Seed(relative, Files.readString(root().resolve(repositoryPath), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first frames of a data set (extended XYZ, or n2p2 when the file is input.data), as a seed. */
    private static Seed firstFrames(String repositoryPath, int frames, String relative) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root().resolve(repositoryPath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = 0;
        for (int f = 0; f < frames && end < lines.size(); f++) {
            if (repositoryPath.endsWith("input.data")) {
                while (!lines.get(end).trim().equals("end")) end++;
                end++;
            } else {
                end += Integer.parseInt(lines.get(end).trim()) + 2;
            }
        }
        return new Seed(relative, String.join("\n", lines.subList(0, end)) + "\n");
    }

    private static Seed small(Seed s, String from, String to) {
        assertTrue(s.text().contains(from), s.relative() + " no longer says " + from);
        return new Seed(s.relative(), s.text().replace(from, to));
    }

    private static Path workDir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    /** A work directory holding copies of some files of a repository directory, under {@code sub}. */
    private static Path copy(String repositoryDir, String sub, String... files) throws IOException {
        Path dir = workDir(sub + "-work");
        Files.createDirectories(dir.resolve(sub));
        for (String f : files) Files.copy(root().resolve(repositoryDir).resolve(f), dir.resolve(sub).resolve(f));
        return dir;
    }
}
