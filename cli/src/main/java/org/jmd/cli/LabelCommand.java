package org.jmd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import org.jmd.training.Labeller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Labels structures with a reference potential, for synthetic training sets. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Evaluate a potential on every structure of IN and write OUT (extended XYZ) with its energy (eV), forces (eV/Å), "
                + "per-atom energies, virial and stress as labels. config_type and every other info field are kept; "
                + "info labelled_by records the potential line.",
        footer = {"", "Example:", "  jmd label --potential \"sw inputs/potentials/Si.sw\" \\",
            "      structures.extxyz si-sw-labelled.extxyz"})
final class LabelCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "LINE",
            description = "What a deck line 'potential LINE' would say, e.g. \"sw inputs/potentials/Si.sw\".")
    String potentialLine;


    @Parameters(index = "0", paramLabel = "IN", description = "Structures to label (any format jmd reads).")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Labelled structures (extended XYZ).")
    Path out;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        List<Frame> frames = StructureIO.readAll(in);
        List<Frame> labelled = Labeller.label(frames, Labeller.potential(potentialLine, Path.of("")), potentialLine, ThreadsOption.threads());
        StructureIO.write(out, labelled, "extxyz");
        PrintWriter o = spec.commandLine().getOut();
        o.println("labelled " + labelled.size() + " structures with '" + potentialLine + "' into " + out);
        o.flush();
        return 0;
    }
}
