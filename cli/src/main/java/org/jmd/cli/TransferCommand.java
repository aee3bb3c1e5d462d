package org.jmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jmd.studies.Study;
import org.jmd.studies.StudyDeck;
import org.jmd.studies.StudyPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a transferability study deck. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Run a transferability study: compare several models with a reference potential and/or labelled reference data "
                + "on bulk phases (E-V curves), surfaces, nanoparticle relaxations, liquids, vibrational spectra and data sets, "
                + "with per-atom diagnostics (committee force spread, descriptor-space distance, convex hull, information imbalance, "
                + "invariant points), and write DIR/report.md, DIR/report.html, DIR/summary.json, CSVs and PNG plots. "
                + "The deck language is in docs/transfer.md.",
            "Every line is checked before anything runs; relative paths in the deck resolve against the deck's directory."},
        footer = {"", "Example:", "  jmd transfer inputs/studies/si-sw.study --out runs/si-sw --quick"})
final class TransferCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Parameters(index = "0", paramLabel = "DECK", description = "The study deck.")
    Path deck;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "Output directory (new, empty, or an earlier jmd transfer output: its reports are replaced, its trained models/ reused).")
    Path out;

    @Option(names = "--quick", description = "Fewer sizes and shorter runs (and no model marked quick=no): a check of the whole study in minutes.")
    boolean quick;

    @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE",
            description = "Set a deck variable, used as $${NAME}, in the study deck and the training decks it runs. Repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        StudyDeck d = new StudyDeck(o);
        variables.forEach(d::defineFromCommandLine);
        StudyPlan plan = d.read(deck);
        new Study(o, out, quick, d.commandLineVariables()).run(plan);
        o.flush();
        return 0;
    }
}
