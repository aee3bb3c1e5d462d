package org.jmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jmd.engine.ForceResult;
import org.jmd.io.StructureIO;
import org.jmd.training.ErrorMetrics;
import org.jmd.training.Evaluator;
import org.jmd.training.Json;
import org.jmd.training.LabelledData;
import org.jmd.training.LabelledStructure;
import org.jmd.training.Labeller;
import org.jmd.training.PredictionsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Errors of a potential on labelled data. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Evaluate a potential on labelled structures (extxyz or n2p2 input.data) and report energy MAE and RMSE per atom "
                + "(meV/atom) and force MAE and RMSE over Cartesian components (eV/Å), overall and per config_type.",
            "Energies are compared as the model predicts them, its own per-element reference energies included; nothing is refitted.",
            "The JSON (--out) has the keys energy_mae, energy_rmse, force_mae, force_rmse and by_config_type (the same four per type); "
                + "an error that cannot be computed (no reference forces) is null."},
        footer = {"", "Example:", "  jmd test --potential \"$(cat runs/si-nnp/POTENTIAL)\" \\",
            "      testdata/data/si-pbe/si_mlearn_test.extxyz \\",
            "      --out metrics.json --predictions parity.csv"})
final class TestCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "LINE",
            description = "What a deck line 'potential LINE' would say, e.g. \"nnp runs/si-nnp/model\".")
    String potentialLine;

    @Parameters(index = "0", paramLabel = "DATA", description = "Labelled structures.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the metrics as JSON.")
    Path json;

    @Option(names = "--predictions", paramLabel = "FILE.csv",
            description = "Write predicted and reference values for parity plots (columns " + PredictionsCsv.HEADER + ").")
    Path predictions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format of DATA (extxyz, n2p2); default from the file name.")
    String format;


    @Spec CommandSpec spec;

    @Override public Integer call() {
        List<LabelledStructure> structures = LabelledData.read(data, format);
        List<ForceResult> predicted = Evaluator.predict(Labeller.potential(potentialLine, Path.of("")), structures, ThreadsOption.threads());
        ErrorMetrics m = ErrorMetrics.of(structures, predicted);
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "%-20s %10s %6s %12s %12s %12s %12s", "config_type", "structures", "atoms",
                "E MAE", "E RMSE", "F MAE", "F RMSE"));
        o.println(String.format(Locale.ROOT, "%-20s %10s %6s %12s %12s %12s %12s", "", "", "", "meV/atom", "meV/atom", "eV/Å", "eV/Å"));
        m.byConfigType().forEach((t, e) -> o.println(row(t.isEmpty() ? "(none)" : t, e)));
        o.println(row("all", m.overall()));
        o.flush();
        if (json != null) StructureIO.writeAtomically(json, w -> w.write(Json.write(m.json())));
        if (predictions != null) {
            Map<String, PredictionsCsv.Sets> sets = new LinkedHashMap<>();
            sets.put("test", new PredictionsCsv.Sets(structures, predicted));
            PredictionsCsv.write(predictions, sets);
        }
        return 0;
    }

    private static String row(String name, ErrorMetrics.Errors e) {
        return String.format(Locale.ROOT, "%-20s %10d %6d %12s %12s %12s %12s", name, e.structures(), e.atoms(),
                ErrorMetrics.show("%.4f", e.energyMae()), ErrorMetrics.show("%.4f", e.energyRmse()),
                ErrorMetrics.show("%.5f", e.forceMae()), ErrorMetrics.show("%.5f", e.forceRmse()));
    }
}
