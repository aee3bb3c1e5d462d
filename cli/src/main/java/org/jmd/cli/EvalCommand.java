package org.jmd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jmd.engine.ForceCalculator;
import org.jmd.engine.ForceResult;
import org.jmd.engine.Potential;
import org.jmd.engine.PotentialRegistry;
import org.jmd.io.Frame;
import org.jmd.io.StructureIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Single-point energy, forces, per-atom energies, virial and stress of every frame of a file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a potential on each structure of IN and write OUT (extended XYZ) with energy (eV), "
                + "forces (eV/Å), per-atom energies, virial (W = Σ r⊗f, eV) and stress (−W/V, eV/Å³).")
final class EvalCommand implements Callable<Integer> {
    @Mixin ThreadsOption threadsOption;

    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "LINE",
            description = "What a deck line 'potential LINE' would say, e.g. \"lj epsilon=0.0104 sigma=3.4 cutoff=8.5\".")
    String potentialLine;

    @Parameters(index = "0", paramLabel = "IN", description = "Input structure file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output extended XYZ file.")
    Path out;

    @Override public Integer call() {
        Potential potential = PotentialRegistry.load().create(potentialLine, Path.of(""));
        List<Frame> results = new ArrayList<>();
        ForceCalculator calculator = new ForceCalculator(potential, 0.0);
        for (Frame frame : StructureIO.readAll(in)) {
            ForceResult r = new ForceResult();
            calculator.compute(frame.system, r);
            frame.setResults(r);
            results.add(frame);
        }
        StructureIO.write(out, results, "extxyz");
        return 0;
    }
}
