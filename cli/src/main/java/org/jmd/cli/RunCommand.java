package org.jmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jmd.engine.deck.Deck;
import org.jmd.engine.deck.RunInterrupted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs an input deck. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an input deck: build or read a structure, choose a potential and an ensemble, run MD or minimize, "
                + "and write thermo output, trajectories and checkpoints. The deck language is described in docs/deck.md.",
            "Relative paths in the deck resolve against the deck's directory. Every line of the deck is checked before the first "
                + "step (commands, options, input files, output places), so a mistake anywhere stops it at once.",
            "Ctrl-C stops after the current step, with the trajectory complete and a checkpoint written (if the deck asked for "
                + "checkpoints); a killed run leaves whole thermo rows and trajectory frames, and a restart deck continues it exactly."},
        footer = {"", "Examples:", "  jmd run inputs/si-liquid.deck", "  jmd run --dry-run inputs/zno-wurtzite-relax.deck"})
final class RunCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    /** Exit status of a run stopped by Ctrl-C, as shells report a SIGINT. */
    static final int INTERRUPTED = 130;

    @Parameters(index = "0", paramLabel = "DECK", description = "The input deck.")
    Path deck;

    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE",
            description = "Set a deck variable, used as $${NAME}; overrides the deck's own 'variable NAME ...'. Repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Only check the deck: every line, its input files and output places; run nothing, write nothing.")
    boolean dryRun;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Deck d = new Deck(out, err, System.console() != null);
        variables.forEach(d.variables()::defineFromCommandLine);
        if (dryRun) {
            String summary = d.check(deck);
            out.println(deck + ": valid: " + summary);
            out.flush();
            return 0;
        }
        // Ctrl-C: let the run finish its step, write its checkpoint and close its files before the JVM exits
        Thread hook = new Thread(() -> d.stopSignal().requestAndAwait(60), "jmd-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            d.run(deck);
            if (!d.outputs().isEmpty()) out.println("outputs: " + String.join(", ", d.outputs()));
            return 0;
        } catch (RunInterrupted e) {
            err.println("jmd: " + e.getMessage());
            if (!d.outputs().isEmpty()) err.println("jmd: outputs so far: " + String.join(", ", d.outputs()));
            return INTERRUPTED;
        } finally {
            d.close();
            out.flush();
            d.stopSignal().finished();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the deck has finished
            }
        }
    }
}
