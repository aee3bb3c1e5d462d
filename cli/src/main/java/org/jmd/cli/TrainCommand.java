package org.jmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jmd.training.TrainDeck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a training deck. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a machine-learned potential from a training deck: read labelled structures (extxyz, n2p2 input.data), "
                + "select and split them, fix per-element reference energies, optionally relabel with a reference potential, "
                + "train a model (or a committee) and write into DIR the model, DIR/POTENTIAL (the deck line that loads it), "
                + "report.json, report.md, learning_curve.csv, predictions.csv and PNG plots. The language is in docs/training.md.",
            "Relative paths in the deck resolve against the deck's directory. Every line is checked before training starts.",
            "Training saves its state after every epoch; a training killed at any moment continues with --resume to the weights "
                + "it would have reached uninterrupted, bit for bit."},
        footer = {"", "Examples:", "  jmd train inputs/train/si-nnp.deck --out runs/si-nnp",
            "  jmd train inputs/train/si-nnp.deck --out runs/si-nnp --resume",
            "  jmd train my.deck --out runs/my -v data=/path/to/data",
            "", "--resume continues a training that was stopped or killed; -v sets a deck variable."})
final class TrainCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Parameters(index = "0", paramLabel = "DECK", description = "The training deck.")
    Path deck;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (new, empty, or an earlier jmd train output, which is replaced). Default: the deck's name without extension, in the current directory.")
    Path out;

    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE",
            description = "Set a deck variable, used as $${NAME}; overrides the deck's own 'variable NAME ...'. Repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Check the deck (read and split the data, check the model line and the output directory) without training or writing anything.")
    boolean dryRun;

    @Option(names = "--resume", description = "Continue a killed training of the same deck and data in DIR from its checkpoints "
            + "(to the same weights as an uninterrupted training); without checkpoints, train from the start.")
    boolean resume;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Path dir = out != null ? out : defaultOut(deck);
        TrainDeck d = new TrainDeck(o, dir);
        variables.forEach(d.variables()::defineFromCommandLine);
        d.setDryRun(dryRun);
        d.setResume(resume);
        d.run(deck);
        o.flush();
        return 0;
    }

    /** "inputs/train/si-nnp.deck" → "si-nnp" (or "si-nnp.out" for a deck without extension). */
    static Path defaultOut(Path deck) {
        String name = deck.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of(dot > 0 ? name.substring(0, dot) : name + ".out");
    }
}
